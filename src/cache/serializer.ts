/**
 * JSON that keeps Dates: cached domain objects carry Date fields, and plain JSON would bring
 * them back as strings. A Date is written as {"$date": "<ISO>"}.
 *
 * Dates are swapped for their tagged form by a walk before JSON.stringify, and back after
 * JSON.parse, rather than by a replacer and a reviver: a callback per value keeps V8 off its fast
 * JSON paths (25 progress rows: 115 -> 48 us to write, 91 -> 35 us to read, on a 2-core CI machine).
 */
export function serialize(value: unknown): string {
  return Array.isArray(value) ? serializeList(value) : JSON.stringify(tagDates(value));
}

/**
 * Each object of a list keeps its text: a student's progress list is written again after every
 * answer with one row new and the others the very objects written last time, and is written in
 * whole (walked and stringified) only the first time. Sound because what goes into the cache is
 * never changed afterwards: the memory store already hands those same objects to every request
 * (a change makes a new object, as progress's withRow does). The text is kept on the object under
 * a symbol, not enumerable (JSON, Object.keys, spreads and Object.assign do not see it), so it goes
 * with the object (a WeakMap of every cached row's text made the server far slower under load:
 * p95 9.5 s against 0.4 s at 4,500 students, presumably its garbage collection).
 */
const TEXT = Symbol('cache text');

/**
 * Makes room for the kept text in the object itself, for a class whose instances are cached in
 * lists by the thousand (progress rows): called in its constructor, after its own fields. A text
 * added later by defineProperty goes to a separate property array (one more heap object per row,
 * which every major collection marks); a slot made in the constructor is part of the object.
 * Not enumerable, as the text added later is: spreads and Object.assign do not copy it, so a row
 * made from another starts without its text.
 */
export function reserveCacheText(object: object): void {
  Object.defineProperty(object, TEXT, { value: undefined, writable: true, enumerable: false, configurable: true });
}

function serializeList(list: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    let text: string | undefined;
    if (item !== null && typeof item === 'object' && !(item instanceof Date)) {
      text = (item as { [TEXT]?: string })[TEXT];
      if (text === undefined) {
        text = JSON.stringify(tagDates(item));
        if (Object.hasOwn(item, TEXT)) (item as { [TEXT]?: string })[TEXT] = flatten(text);
        else if (Object.isExtensible(item)) Object.defineProperty(item, TEXT, { value: flatten(text) });
      }
    } else {
      // As JSON.stringify writes a list: undefined (and a function) as null.
      text = JSON.stringify(tagDates(item)) ?? 'null';
    }
    out += i === 0 ? text : `,${text}`;
  }
  return `${out}]`;
}

/**
 * The same text as one string. V8's JSON.stringify returns a rope (a row's ~300 characters are
 * about seven heap objects), and the kept texts live as long as their rows: at 6,000 students
 * their parts were about 2 of the server's 7 million live objects (a heap snapshot), each marked by
 * every major collection. Converting a string to a number makes V8 flatten it in place (its parts become
 * garbage); the result is not needed.
 */
function flatten(text: string): string {
  Number(text);
  return text;
}

export function deserialize<T = unknown>(text: string): T {
  return untagDates(JSON.parse(text)) as T;
}

/** The value with every Date replaced by {$date}; objects and arrays without one are not copied. */
function tagDates(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return { $date: v.toISOString() };
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const tagged = tagDates(v[i]);
      if (tagged !== v[i]) (out ??= v.slice())[i] = tagged;
    }
    return out ?? v;
  }
  // An object that says how it is written (toJSON) is written that way, as JSON.stringify would.
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return v;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(v)) {
    const field = (v as Record<string, unknown>)[key];
    const tagged = tagDates(field);
    if (tagged !== field) (out ??= { ...v })[key] = tagged;
  }
  return out ?? v;
}

/** Parsed JSON with every {$date} object back as a Date, in place (the parsed value is ours). */
function untagDates(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = untagDates(v[i]);
    return v;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === '$date' && typeof o.$date === 'string') return new Date(o.$date);
  for (const key of keys) {
    const field = o[key];
    if (field === null || typeof field !== 'object') continue;
    const revived = untagDates(field);
    // Defined, not assigned: a "__proto__" key parsed from JSON stays a plain property.
    if (revived !== field) Object.defineProperty(o, key, { value: revived, writable: true, enumerable: true, configurable: true });
  }
  return o;
}
