import { wrongAnswer } from '../../db/seeds/history.js';
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
  const r = await admin.http.send(operations.solutions, {}, admin.token);
  if (!r.ok) throw new Error(`reading the answer key failed: ${r.kind} ${r.message}`);
  const key = r.data.modules.flatMap((m) =>
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
