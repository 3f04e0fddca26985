import type { Difficulty, ExerciseType, Level, Period, Subject } from '../../src/db/database.js';
import { anglaisModules } from './curriculum/anglais.js';
import { francaisModules } from './curriculum/francais.js';
import { histoireGeoModules } from './curriculum/histoire-geo.js';
import { mathsModules } from './curriculum/maths.js';
import { sciencesModules } from './curriculum/sciences.js';
import { buildModule, type ModuleSpec } from './curriculum/util.js';

/**
 * The curriculum the demo seed loads: every level (CP to CM2), subject and period, with exercises a
 * child can actually do. Deterministic: each module draws from its own PRNG seeded by its key, so
 * the output is the same on every call and machine, and editing one module leaves the others as
 * they were.
 */
export interface CurriculumExercise {
  title: string;
  instructions: string;
  type: ExerciseType;
  difficulty: Difficulty;
  /** 5..50, more for harder. */
  points: number;
  /** 1..15. */
  estimatedMinutes: number;
  /** 1..n within the module. */
  sortOrder: number;
  /** Matches contentSchemas[type]; never contains the answer. */
  content: unknown;
  /** Matches solutionSchemas[type]. */
  solution: unknown;
}

export interface CurriculumModule {
  /** Stable unique key, e.g. 'CE1-MATHEMATIQUES-P3-tables-de-2-a-5'. */
  key: string;
  title: string;
  description: string;
  level: Level;
  subject: Subject;
  period: Period;
  /** Order of the module within (level, subject, period). */
  sortOrder: number;
  exercises: CurriculumExercise[];
}

export function buildCurriculum(): CurriculumModule[] {
  const specs: ModuleSpec[] = [
    ...mathsModules(),
    ...francaisModules(),
    ...sciencesModules(),
    ...histoireGeoModules(),
    ...anglaisModules(),
  ];
  const positions = new Map<string, number>();
  return specs.map((spec) => {
    const group = `${spec.level}-${spec.subject}-${spec.period}`;
    const sortOrder = (positions.get(group) ?? 0) + 1;
    positions.set(group, sortOrder);
    return buildModule(spec, sortOrder);
  });
}
