/**
 * JSON that keeps Dates (as {"$date": "<ISO>"}), swapped by a walk rather than a replacer and a
 * reviver, which keep V8 off its fast JSON paths (docs/performance.md).
 */
export function serialize(value: unknown): string {
  return JSON.stringify(tagDates(value));
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
