import type { Context } from '../context.js';
import { rankingKey, rankingOf, rankingTtlMs } from '../recommendations/recommendations.loaders.js';
import type { Student } from '../students/student.type.js';
import { studentKey } from '../students/students.loaders.js';
import { progressKey, statsKey } from './progress.loaders.js';
import { Progress } from './progress.type.js';
import { computeStats } from './stats.js';
import { forgetStudentWork, loadStudentWork } from './student-work.js';

/**
 * Write-through after an attempt: the student's profile (as the write returned it), its progress
 * rows (read back from the primary), and its ranking and stats computed from them, written to the
 * cache under the versions the write just made, and into this request's loaders. The next
 * dashboard, on any instance, is then served from the cache instead of recomputing it all.
 *
 * Version tokens are read before the rows, so a value is never filed under a version newer than
 * what it saw: a concurrent write's version supersedes it, it never hides that write.
 */
export async function refreshStudentWork(ctx: Context, student: Student, now: number, knownRows?: readonly Progress[]): Promise<void> {
  const id = student.id;
  const loaders = ctx.loaders;
  for (const l of [loaders.student, loaders.progressByStudent, loaders.rankingByStudent, loaders.statsByStudent]) l.clear(id);
  forgetStudentWork(loaders, id);
  loaders.student.prime(id, student);
  // Without the shared cache there is nothing to write through to: later reads load what they need.
  if (!ctx.cache.shared.enabled) return;

  const [putStudent, putProgress, putRanking, putStats] = await Promise.all([
    ctx.cache.writer('students', studentKey.scopes(id)),
    ctx.cache.writer('progress', progressKey.scopes(id)),
    ctx.cache.writer('recommendations', rankingKey.scopes(id)),
    ctx.cache.writer('stats', statsKey.scopes(id)),
  ]);
  const progress = knownRows ? [...knownRows] : await ctx.repositories.progress.byStudentIds([id]);
  loaders.progressByStudent.prime(id, progress);
  const work = await loadStudentWork(loaders, student);
  const ranking = rankingOf(work, now);
  const stats = computeStats(work);
  loaders.rankingByStudent.prime(id, ranking.ranked);
  loaders.statsByStudent.prime(id, stats);

  putStudent([{ id: studentKey.id(id), scopes: studentKey.scopes(id), value: student }]);
  putProgress([{ id: progressKey.id(id), scopes: progressKey.scopes(id), value: progress }]);
  putRanking([{ id: rankingKey.id(id), scopes: rankingKey.scopes(id), value: ranking, ttlMs: rankingTtlMs(ranking, now) }]);
  putStats([{ id: statsKey.id(id), scopes: statsKey.scopes(id), value: stats }]);
}

/**
 * The student's progress rows and the version token they were read under, before a write, when
 * the cache is on (a write-through can then extend them instead of reading them all back).
 */
export async function baseForWriteThrough(ctx: Context, studentId: number): Promise<{ token: string; rows: readonly Progress[] } | undefined> {
  const token = await ctx.cache.tokenOf(progressKey.scopes(studentId)[0]!);
  if (!token) return undefined;
  return { token, rows: await ctx.loaders.progressByStudent.load(studentId) };
}

/** The rows with `row` in place of the one for its exercise (as reads see rows: no scheduler state). */
export function withRow(rows: readonly Progress[], row: Progress): Progress[] {
  const view = Object.assign(new Progress(), row, { reviewState: null });
  const out = rows.filter((r) => r.exerciseId !== row.exerciseId);
  out.push(view);
  return out;
}
