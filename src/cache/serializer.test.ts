import { describe, expect, it } from 'vitest';
import { deserialize, reserveCacheText, serialize } from './serializer.js';

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

  it('writes a list as JSON.stringify would, each object walked once however often the list is written', () => {
    const at = new Date('2026-03-02T08:00:00.123Z');
    const rows = [{ id: 1, at }, { id: 2, at: null }];
    const odd = [undefined, () => 1, at, null, 'x', [1, { at }]];
    expect(serialize(odd)).toBe(JSON.stringify([null, null, { $date: at.toISOString() }, null, 'x', [1, { at: { $date: at.toISOString() } }]]));
    expect(deserialize(serialize(rows))).toEqual(rows);
    // The next write of the list: a new row, the others the same objects (unchanged, as cached values are).
    const next = [...rows, { id: 3, at }];
    const text = serialize(next);
    expect(deserialize(text)).toEqual(next);
    expect(text).toBe(JSON.stringify(next.map((r) => ({ ...r, at: r.at && { $date: r.at.toISOString() } }))));
    // The text of an object already written is reused, not made again: a change made behind the
    // cache's back (which the cache forbids) does not show.
    (rows[0] as { id: number }).id = 99;
    expect(deserialize<typeof rows>(serialize(next))[0]!.id).toBe(1);
    expect(serialize([])).toBe('[]');
  });

  it('keeps a text in a slot the object reserved, which a copy does not carry', () => {
    class Row {
      id = 0;
      at: Date | null = null;
      constructor() {
        reserveCacheText(this);
      }
    }
    const at = new Date('2026-03-02T08:00:00.123Z');
    const row = Object.assign(new Row(), { id: 1, at });
    const text = serialize([row]);
    expect(text).toBe(`[{"id":1,"at":{"$date":"${at.toISOString()}"}}]`);
    // The slot is not enumerable: JSON, keys and copies do not see it.
    expect(Object.keys(row)).toEqual(['id', 'at']);
    const copy = Object.assign(new Row(), row, { id: 2 });
    expect(serialize([copy])).toBe(`[{"id":2,"at":{"$date":"${at.toISOString()}"}}]`);
    // The original's text is kept (written once) in its slot.
    row.id = 99;
    expect(serialize([row])).toBe(text);
  });
});
