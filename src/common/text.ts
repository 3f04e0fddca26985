// U+0000 and unpaired UTF-16 surrogates: valid in a JavaScript string (and in JSON), but
// PostgreSQL refuses them in text and jsonb (SQLSTATE 22021, 22P05). Checked at the edge so such
// input is BAD_USER_INPUT, not a database error.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether the database can store this string as it is. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}
