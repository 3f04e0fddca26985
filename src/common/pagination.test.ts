import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { BadUserInputError } from '../errors.js';
import { databaseIdOf, decodeCursor, encodeCursor, parseId } from './pagination.js';

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Cursors no list gives out, each with what would reach the database or the sort if it were taken. */
const FORGED: Record<string, unknown> = {
  'id past int32': ['2026-03-01T08:00:00.000Z', 99_999_999_999],
  '-infinity and an id past int32': ['-infinity', 99_999_999_999],
  'id 2^31': [null, 2_147_483_648],
  'id 0': [null, 0],
  'negative id': [null, -1],
  'id not an integer': [null, 1.5],
  'id as text': [null, '1'],
  '-infinity': ['-infinity', 1],
  infinity: ['infinity', 1],
  'year 0': ['0000-01-01T00:00:00.000Z', 1],
  'before 1970': ['1969-12-31T23:59:59.999Z', 1],
  'a 30 February': ['2024-02-30T00:00:00.000Z', 1],
  'hour 24': ['2024-01-01T24:00:00.000Z', 1],
  'an extended year': ['+275760-09-13T00:00:00.000Z', 1],
  'a time Date.parse takes loosely': ['1', 1],
  'a time without milliseconds': ['2026-03-01T08:00:00Z', 1],
  'a time with an offset': ['2026-03-01T08:00:00.000+01:00', 1],
  'a number for a time': [1_700_000_000_000, 1],
  'too few parts': [null],
  'too many parts': [null, 1, 1],
  'not an array': { at: null, id: 1 },
};

describe('decodeCursor', () => {
  it('takes back what encodeCursor gave out', () => {
    expect(decodeCursor(encodeCursor(['2026-03-01T08:00:00.000Z', 12]), ['time', 'id'])).toEqual(['2026-03-01T08:00:00.000Z', 12]);
    expect(decodeCursor(encodeCursor([null, 2_147_483_647]), ['time?', 'id'])).toEqual([null, 2_147_483_647]);
    expect(decodeCursor(encodeCursor(['9999-12-31T23:59:59.999Z', 1]), ['time?', 'id'])).toEqual(['9999-12-31T23:59:59.999Z', 1]);
  });

  it('refuses any other key as BAD_USER_INPUT naming the field', () => {
    for (const [what, key] of Object.entries(FORGED)) {
      expect(() => decodeCursor(cursorOf(key), ['time?', 'id']), what).toThrow(BadUserInputError);
    }
    expect(() => decodeCursor(cursorOf([null, 1]), ['time', 'id'])).toThrow(BadUserInputError); // null where a time is required
    const error = (() => {
      try {
        decodeCursor('not base64 json', ['id'], 'before');
      } catch (e) {
        return e as BadUserInputError;
      }
    })();
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
  });
});

describe('ids', () => {
  it('are digits within PostgreSQL\'s integer', () => {
    expect(databaseIdOf('1')).toBe(1);
    expect(databaseIdOf('2147483647')).toBe(2_147_483_647);
    for (const text of ['0', '01', '-1', '2147483648', '99999999999', '1e3', ' 1', '1.0', '']) expect(databaseIdOf(text), text).toBeUndefined();
    expect(() => parseId('2147483648', 'id')).toThrow(BadUserInputError);
  });
});

describe('forged cursors against the lists', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const STUDENTS = 'query($first: Int, $after: String) { students(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id lastActiveAt } } } }';
  const PROGRESS = 'query($after: String) { me { progress(first: 5, after: $after) { totalCount } } }';

  it('are BAD_USER_INPUT on `after`, never a server error, for the admin\'s students and a student\'s progress', async () => {
    const student = await t.login('student090');
    for (const [what, key] of Object.entries(FORGED)) {
      for (const [query, token] of [
        [STUDENTS, admin],
        [PROGRESS, student],
      ] as const) {
        const res = await t.gql(query, { token, variables: { first: 5, after: cursorOf(key) } });
        expect(res.status, what).toBe(200);
        expect(res.errors?.[0]?.extensions, `${what}: ${res.body}`).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    }
  });

  it('still page through never-active students (their cursors carry no time)', async () => {
    const db = t.app.database.db;
    const never = await db.selectFrom('students').select('id').orderBy('id', 'desc').limit(3).execute();
    await db.updateTable('students').set({ last_active_at: null }).where('id', 'in', never.map((r) => r.id)).execute();

    const seen: { id: string; cursor: string; lastActiveAt: string | null }[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 100; page++) {
      const res: any = await t.gql(STUDENTS, { token: admin, variables: { first: 40, after } });
      expect(res.errors).toBeUndefined();
      total = res.data.students.totalCount;
      seen.push(...res.data.students.edges.map((e: any) => ({ id: e.node.id, cursor: e.cursor, lastActiveAt: e.node.lastActiveAt })));
      if (!res.data.students.pageInfo.hasNextPage) break;
      after = res.data.students.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((s) => s.id)).size).toBe(total);

    const firstNever = seen.findIndex((s) => s.lastActiveAt === null);
    expect(firstNever).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(Buffer.from(seen[firstNever]!.cursor, 'base64url').toString())[0]).toBeNull();
    const rest: any = await t.gql(STUDENTS, { token: admin, variables: { first: 100, after: seen[firstNever]!.cursor } });
    expect(rest.data.students.edges.map((e: any) => e.node.id)).toEqual(seen.slice(firstNever + 1, firstNever + 101).map((s) => s.id));
  });
});
