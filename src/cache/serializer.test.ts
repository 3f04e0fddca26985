import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from './serializer.js';

describe('cache serializer', () => {
  it('brings Dates back as Dates, at any depth, and leaves everything else as JSON has it', () => {
    const at = new Date('2026-03-02T08:00:00.123Z');
    class Row {
      constructor(
        readonly id: number,
        readonly at: Date | null,
      ) {}
    }
    const value = { at, list: [at, null, 1, 'x', { nested: [new Row(1, at), new Row(2, null)] }], none: undefined, text: '$date', flag: true };
    const back = deserialize<typeof value>(serialize(value));
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.getTime()).toBe(at.getTime());
    expect(back.list[0]).toEqual(at);
    expect(back).toEqual({ at, list: [at, null, 1, 'x', { nested: [{ id: 1, at }, { id: 2, at: null }] }], text: '$date', flag: true });
    expect(deserialize(serialize(at))).toEqual(at);
    // The value written is not changed by writing it.
    expect(value.list[0]).toBe(at);
  });

  it('writes what JSON.stringify writes for values without Dates, and keeps toJSON', () => {
    const plain = { a: [1, { b: 'c' }], d: null };
    expect(serialize(plain)).toBe(JSON.stringify(plain));
    expect(serialize({ x: { toJSON: () => 'custom' } })).toBe('{"x":"custom"}');
  });

  it('keeps an object with $date and other keys, and a "__proto__" key, as plain data', () => {
    expect(deserialize('{"$date":"2026-01-01T00:00:00.000Z","other":1}')).toEqual({ $date: '2026-01-01T00:00:00.000Z', other: 1 });
    const parsed = deserialize<Record<string, unknown>>('{"__proto__":{"$date":"2026-01-01T00:00:00.000Z"}}');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual(new Date('2026-01-01T00:00:00.000Z'));
  });

  it('writes a list as JSON.stringify would', () => {
    const at = new Date('2026-03-02T08:00:00.123Z');
    const rows = [{ id: 1, at }, { id: 2, at: null }];
    const odd = [undefined, () => 1, at, null, 'x', [1, { at }]];
    expect(serialize(odd)).toBe(JSON.stringify([null, null, { $date: at.toISOString() }, null, 'x', [1, { at: { $date: at.toISOString() } }]]));
    expect(deserialize(serialize(rows))).toEqual(rows);
    const next = [...rows, { id: 3, at }];
    const text = serialize(next);
    expect(deserialize(text)).toEqual(next);
    expect(text).toBe(JSON.stringify(next.map((r) => ({ ...r, at: r.at && { $date: r.at.toISOString() } }))));
    expect(serialize([])).toBe('[]');
  });
});
