import { Period, ProgressStatus } from '../common/enums.js';
import type { Exercise, Module } from '../exercises/exercise.type.js';
import type { Progress } from '../progress/progress.type.js';
import { recallAt } from '../progress/scheduling.js';
import { ModuleMastery } from './school.type.js';

const PERIODS = [Period.P1, Period.P2, Period.P3, Period.P4, Period.P5];

/**
 * The last day of a period in the school year `at` falls in (a school year runs from 1 September
 * to 31 August), at the end of that day in UTC. `ends`: [month, day] of P1 to P5 (PERIOD_ENDS).
 */
export function periodEnd(period: Period, at: Date, ends: readonly (readonly [number, number])[]): Date {
  const startYear = at.getUTCMonth() >= 8 ? at.getUTCFullYear() : at.getUTCFullYear() - 1;
  const [month, day] = ends[PERIODS.indexOf(period)]!;
  const year = month >= 9 ? startYear : startYear + 1;
  return new Date(Date.UTC(year, month - 1, day, 23, 59, 59));
}

/**
 * A child's cells of the class overview: per module, its active exercises against the child's
 * progress rows. Pure. Recall is predicted at the end of the module's period (now, once it has
 * passed) and averaged over the exercises the child tried; one tried but never right counts as
 * recalled 0 (nothing was learned to be recalled). Null before any attempt in the module.
 */
export function moduleCells(
  modules: readonly Module[],
  exercisesOf: ReadonlyMap<number, readonly Exercise[]>,
  rows: readonly Progress[],
  at: Date,
  ends: readonly (readonly [number, number])[],
): ModuleMastery[] {
  return cellsOf(modules, exercisesOf, at, ends)(rows);
}

/** moduleCells for many children at one time: what does not depend on the child is worked out once. */
export function cellsOf(
  modules: readonly Module[],
  exercisesOf: ReadonlyMap<number, readonly Exercise[]>,
  at: Date,
  ends: readonly (readonly [number, number])[],
): (rows: readonly Progress[]) => ModuleMastery[] {
  const whenOf = new Map(PERIODS.map((p) => [p, new Date(Math.max(at.getTime(), periodEnd(p, at, ends).getTime()))]));
  const columns = modules.map((m) => ({ id: m.id, exercises: exercisesOf.get(m.id) ?? [], when: whenOf.get(m.period)! }));
  return (rows) => {
    const byExercise = new Map(rows.map((r) => [r.exerciseId, r]));
    return columns.map(({ id, exercises, when }) => {
      let attempted = 0, completed = 0, mastered = 0, attempts = 0, successes = 0, recall = 0;
      for (const e of exercises) {
        const p = byExercise.get(e.id);
        if (!p || p.attempts === 0) continue;
        attempted++;
        attempts += p.attempts;
        successes += p.successes;
        if (p.status === ProgressStatus.COMPLETED || p.status === ProgressStatus.MASTERED) completed++;
        if (p.status === ProgressStatus.MASTERED) mastered++;
        recall += recallAt(p.reviewState, when) ?? 0;
      }
      return Object.assign(new ModuleMastery(), {
        moduleId: id,
        total: exercises.length,
        attempted,
        completed,
        mastered,
        successRate: attempts === 0 ? 0 : successes / attempts,
        recallAtPeriodEnd: attempted === 0 ? null : recall / attempted,
      });
    });
  };
}
