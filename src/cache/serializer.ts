/**
 * JSON that keeps Dates: cached domain objects carry Date fields, and plain JSON would bring
 * them back as strings. A Date is written as {"$date": "<ISO>"}.
 */
export function serialize(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : v;
  });
}

export function deserialize<T = unknown>(text: string): T {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$date' && typeof v.$date === 'string') return new Date(v.$date);
    }
    return v;
  }) as T;
}
