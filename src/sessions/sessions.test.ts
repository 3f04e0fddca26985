import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { wrongAnswer } from '../../db/seeds/history.js';

let t: TestApp;
beforeAll(async () => {
  // Ten starts at once from one child (below): past the default bound on a viewer's requests in flight.
  t = await createTestApp({ env: { VIEWER_MAX_INFLIGHT: '100' } });
});
afterAll(() => t.close());

const START = 'mutation { startSession { id startedAt endedAt attempted } }';
const END = 'mutation($id: ID!) { endSession(id: $id) { id startedAt endedAt attempted succeeded pointsEarned durationMinutes } }';
const SUBMIT = 'mutation($input: AttemptInput!) { submitAttempt(input: $input) { correct pointsEarned } }';

async function cpExercises(n: number) {
  return t.app.database.db
    .selectFrom('exercises as e')
    .innerJoin('modules as m', 'm.id', 'e.module_id')
    .select(['e.id', 'e.type', 'e.points', 'e.solution', 'e.content'])
    .where('m.level', '=', 'CP')
    .orderBy('e.id')
    .limit(n)
    .execute();
}

describe('learning sessions', () => {
  it('records attempts in the open session and closes it with figures from its attempts', async () => {
    t.clock.set('2026-04-01T08:00:00Z');
    const token = await t.login('student041');
    const started = await t.gql(START, { token });
    expect(started.data.startSession).toMatchObject({ endedAt: null, attempted: 0 });
    const id = started.data.startSession.id;

    const [a, b, c] = await cpExercises(3);
    const answers = [
      { e: a!, answer: a!.solution },
      { e: b!, answer: wrongAnswer(b!) },
      { e: c!, answer: c!.solution },
    ];
    for (const [i, x] of answers.entries()) {
      t.clock.advance(60_000);
      await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(x.e.id), answer: x.answer, durationSeconds: 50, idempotencyKey: `sess-041-${i}` } } });
    }
    t.clock.advance(7 * 60_000);
    const ended = await t.gql(END, { token, variables: { id } });
    expect(ended.data.endSession).toMatchObject({ id, attempted: 3, succeeded: 2, pointsEarned: a!.points + c!.points, durationMinutes: 10 });
    // Ending twice changes nothing.
    t.clock.advance(60_000);
    expect((await t.gql(END, { token, variables: { id } })).data.endSession).toEqual(ended.data.endSession);

    const list = await t.gql('{ me { sessions(days: 7) { id attempted durationMinutes } } }', { token });
    expect(list.data.me.sessions).toEqual([{ id, attempted: 3, durationMinutes: 10 }]);
  });

  it('continues a fresh open session, and closes a stale one at its last activity', async () => {
    t.clock.set('2026-04-02T08:00:00Z');
    const token = await t.login('student042');
    const first = (await t.gql(START, { token })).data.startSession;
    t.clock.advance(5 * 60_000);
    expect((await t.gql(START, { token })).data.startSession.id).toBe(first.id);

    t.clock.advance(2 * 3_600_000);
    const second = (await t.gql(START, { token })).data.startSession;
    expect(second.id).not.toBe(first.id);
    const sessions = (await t.gql('{ me { sessions { id endedAt } } }', { token })).data.me.sessions;
    expect(sessions.find((s: { id: string }) => s.id === first.id).endedAt).toBe('2026-04-02T08:00:00.000Z');
    const open = await t.app.database.db.selectFrom('learning_sessions').select('id').where('student_id', '=', await t.studentId('student042')).where('ended_at', 'is', null).execute();
    expect(open).toHaveLength(1);
  });

  it('keeps one open session under concurrent starts', async () => {
    const token = await t.login('student043');
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(START, { token })));
    expect(new Set(results.map((r) => r.data.startSession.id)).size).toBe(1);
  });

  it("answers another student's session as it answers an id that does not exist, and leaves it open", async () => {
    const owner = await t.login('student044');
    const id = (await t.gql(START, { token: owner })).data.startSession.id;
    const other = await t.login('student045');
    const theirs = await t.gql(END, { token: other, variables: { id } });
    // Ids are sequential: a different answer for "exists, not yours" would list every session.
    const none = String(Number(id) + 1000);
    const missing = await t.gql(END, { token: other, variables: { id: none } });
    expect(theirs.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(missing.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(theirs.errors?.[0]?.message.replace(id, 'N')).toBe(missing.errors?.[0]?.message.replace(none, 'N'));
    expect(theirs.status).toBe(missing.status);
    const row = await t.app.database.db.selectFrom('learning_sessions').select('ended_at').where('id', '=', Number(id)).executeTakeFirstOrThrow();
    expect(row.ended_at).toBeNull();
    expect((await t.gql(END, { variables: { id } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(START)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
