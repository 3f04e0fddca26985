import { wrongAnswer } from '../../db/seeds/history.js';
import { LEVELS } from '../../src/common/enums.js';
import type { ExerciseType } from '../../src/db/database.js';
import { operations } from '../driver/operations.js';
import type { ExerciseAnswers } from '../driver/virtual-student.js';
import type { AdminSession } from './admin.js';

/**
 * Every active exercise's expected answer and a plausible mistake (the seed's own wrongAnswer),
 * read once through the API as an admin: students send both, and the grade each answer gets is
 * checked against which one was sent.
 */
export async function fetchAnswerKey(admin: AdminSession): Promise<ExerciseAnswers[]> {
  // A level at a time, one after another: the whole curriculum with its contents costs more than
  // one request may, and an account has one large request in flight at a time.
  const modules = [];
  for (const level of LEVELS) {
    const r = await admin.http.send(operations.solutions, { level }, admin.token);
    if (!r.ok) throw new Error(`reading the answer key of ${level} failed: ${r.kind} ${r.message}`);
    modules.push(...r.data.modules);
  }
  const key = modules.flatMap((m) =>
    m.exercises.map((e) => ({
      id: e.id,
      level: m.level,
      right: e.solution,
      wrong: wrongAnswer({ type: e.type as ExerciseType, solution: e.solution, content: e.content }),
    })),
  );
  if (key.length === 0) throw new Error('the curriculum is empty: nothing to answer');
  return key;
}
