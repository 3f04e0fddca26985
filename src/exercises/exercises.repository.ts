import { sql, type Kysely } from 'kysely';
import { LEVELS, SUBJECTS, type Level, type Subject } from '../common/enums.js';
import type { Database } from '../db/database.js';
import { named } from '../db/named.js';
import { anyInt } from '../db/sql-helpers.js';
import { Exercise, Module } from './exercise.type.js';

const levelRank = sql`array_position(${sql.val([...LEVELS])}::text[], m.level)`;
const subjectRank = sql`array_position(${sql.val([...SUBJECTS])}::text[], m.subject)`;

// Rows carry the database's string unions; the domain uses the GraphQL enums of the same values.
interface ModuleRowLike {
  id: number;
  title: string;
  description: string;
  level: string;
  subject: string;
  period: string;
  sort_order: number;
  active: boolean;
}

function toModule(r: ModuleRowLike): Module {
  return Object.assign(new Module(), {
    id: r.id,
    title: r.title,
    description: r.description,
    level: r.level as Level,
    subject: r.subject as Subject,
    period: r.period as Module['period'],
    order: r.sort_order,
    active: r.active,
  });
}

export class ExercisesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Exercises with their module's placement; `activeOnly` also requires an active module. */
  private exercises(activeOnly: boolean) {
    let q = this.db
      .selectFrom('exercises as e')
      .innerJoin('modules as m', 'm.id', 'e.module_id')
      .select([
        'e.id',
        'e.module_id',
        'e.title',
        'e.instructions',
        'e.type',
        'e.difficulty',
        'e.points',
        'e.estimated_minutes',
        'e.sort_order',
        'e.active',
        'e.content',
        'e.solution',
        'm.title as module_title',
        'm.description as module_description',
        'm.level',
        'm.subject',
        'm.period',
        'm.sort_order as module_order',
        'm.active as module_active',
      ]);
    if (activeOnly) q = q.where('e.active', '=', true).where('m.active', '=', true);
    return q;
  }

  /** Any exercise, active or not: a student's old progress may point at a retired one. */
  async exercisesByIds(ids: readonly number[]): Promise<Exercise[]> {
    const rows = await named('exercises.byIds', this.exercises(false).where('e.id', '=', anyInt(ids))).execute();
    return rows.map(toExercise);
  }

  /** Active exercises of the modules, in module order. */
  async exercisesByModuleIds(moduleIds: readonly number[]): Promise<Exercise[]> {
    const rows = await named(
      'exercises.byModuleIds',
      this.exercises(true).where('e.module_id', '=', anyInt(moduleIds)).orderBy('e.module_id').orderBy('e.sort_order').orderBy('e.id'),
    ).execute();
    return rows.map(toExercise);
  }

  /** The active curriculum of some levels, in curriculum order: period, module order, exercise order. */
  async curriculumForLevels(levels: readonly Level[]): Promise<Exercise[]> {
    const rows = await named(
      'exercises.curriculumForLevels',
      this.exercises(true)
        .where('m.level', '=', sql<Level>`any(${sql.val([...levels])}::text[])`)
        .orderBy('m.period')
        .orderBy('m.sort_order')
        .orderBy('m.id')
        .orderBy('e.sort_order')
        .orderBy('e.id'),
    ).execute();
    return rows.map(toExercise);
  }

  async modulesByIds(ids: readonly number[]): Promise<Module[]> {
    const rows = await named(
      'modules.byIds',
      this.db.selectFrom('modules as m').select(['id', 'title', 'description', 'level', 'subject', 'period', 'sort_order', 'active']).where('id', '=', anyInt(ids)),
    ).execute();
    return rows.map(toModule);
  }

  /**
   * A fingerprint of the whole curriculum: changes whenever a module or exercise is added, removed
   * or updated (updated_at is moved by a trigger on every update).
   */
  async signature(): Promise<string> {
    const row = await named(
      'curriculum.signature',
      this.db
        .selectNoFrom([
          sql<string>`(select count(*) || '/' || coalesce(max(updated_at)::text, '') from modules)`.as('modules'),
          sql<string>`(select count(*) || '/' || coalesce(max(updated_at)::text, '') from exercises)`.as('exercises'),
        ]),
    ).executeTakeFirstOrThrow();
    return `${row.modules}|${row.exercises}`;
  }

  /**
   * How big the curriculum's lists are: active modules per level and subject, and the active
   * exercises they hold (what an operation's cost is computed from).
   */
  async listSizes(): Promise<{ modules: { level: Level; subject: Subject; count: number }[]; exercises: number }> {
    const [modules, exercises] = await Promise.all([
      named(
        'curriculum.moduleCounts',
        this.db.selectFrom('modules').select(['level', 'subject', sql<number>`count(*)::int`.as('count')]).where('active', '=', true).groupBy(['level', 'subject']),
      ).execute(),
      named(
        'curriculum.exerciseCount',
        this.db
          .selectFrom('exercises as e')
          .innerJoin('modules as m', 'm.id', 'e.module_id')
          .select(sql<number>`count(*)::int`.as('count'))
          .where('e.active', '=', true)
          .where('m.active', '=', true),
      ).executeTakeFirstOrThrow(),
    ]);
    return { modules: modules.map((r) => ({ level: r.level as Level, subject: r.subject as Subject, count: r.count })), exercises: exercises.count };
  }

  /** Active modules, by level, subject, period and order. */
  async activeModules(filter: { level: Level | null; subject: Subject | null }): Promise<Module[]> {
    let q = this.db
      .selectFrom('modules as m')
      .select(['id', 'title', 'description', 'level', 'subject', 'period', 'sort_order', 'active'])
      .where('active', '=', true);
    if (filter.level) q = q.where('level', '=', filter.level);
    if (filter.subject) q = q.where('subject', '=', filter.subject);
    const rows = await named('modules.active', q.orderBy(levelRank).orderBy(subjectRank).orderBy('period').orderBy('sort_order').orderBy('id')).execute();
    return rows.map(toModule);
  }
}

function toExercise(r: {
  id: number;
  module_id: number;
  title: string;
  instructions: string;
  type: string;
  difficulty: string;
  points: number;
  estimated_minutes: number;
  sort_order: number;
  active: boolean;
  content: unknown;
  solution: unknown;
  level: string;
  subject: string;
  period: string;
  module_title: string;
  module_description: string;
  module_order: number;
  module_active: boolean;
}): Exercise {
  return Object.assign(new Exercise(), {
    id: r.id,
    moduleId: r.module_id,
    title: r.title,
    instructions: r.instructions,
    type: r.type as Exercise['type'],
    difficulty: r.difficulty as Exercise['difficulty'],
    points: r.points,
    estimatedMinutes: r.estimated_minutes,
    content: r.content,
    solution: r.solution,
    level: r.level as Level,
    subject: r.subject as Subject,
    period: r.period as Exercise['period'],
    moduleOrder: r.module_order,
    order: r.sort_order,
    active: r.active && r.module_active,
    module: toModule({
      id: r.module_id,
      title: r.module_title,
      description: r.module_description,
      level: r.level,
      subject: r.subject,
      period: r.period,
      sort_order: r.module_order,
      active: r.module_active,
    }),
  });
}

declare module '../context.js' {
  interface Repositories {
    exercises: ExercisesRepository;
  }
}
