import { sql, type Kysely } from 'kysely';
import { anyInt } from '../db/sql-helpers.js';
import type { Level } from '../common/enums.js';
import type { Database, StudentRow } from '../db/database.js';
import { named } from '../db/named.js';
import { Student, type AssignedModule } from './student.type.js';
import { epochMs } from '../common/time.js';

export const studentColumns = [
  'id',
  'username',
  'first_name',
  'last_name',
  'level',
  'total_points',
  'streak_days',
  'streak_last_day',
  'last_active_at',
  'token_version',
  'classroom_id',
  'avatar',
] as const;

/** The modules of the student's class's assignments (Student.assignments), as a column of its row. */
const assignmentsColumn = sql<AssignedModule[]>`coalesce((
  select json_agg(json_build_object('moduleId', a.module_id, 'assignedAt', (extract(epoch from a.assigned_at) * 1000)::bigint,
                                    'dueAt', (extract(epoch from a.due_at) * 1000)::bigint) order by a.id)
  from assignments a where a.classroom_id = students.classroom_id), '[]'::json)`.as('assignments');

/** What a statement selects (or returns) to make a Student. */
export const studentSelection = [...studentColumns, assignmentsColumn] as const;

type StudentColumns = Pick<StudentRow, (typeof studentColumns)[number]> & { assignments?: AssignedModule[] };

/** A student from its row; without the `assignments` column (record_attempt's row), assignments is null. */
export function toStudent(row: StudentColumns): Student {
  return Object.assign(new Student(), {
    id: row.id,
    username: row.username,
    firstName: row.first_name,
    lastName: row.last_name,
    level: row.level as Level,
    totalPoints: row.total_points,
    streakCount: row.streak_days,
    streakLastDay: row.streak_last_day,
    lastActiveAt: epochMs(row.last_active_at),
    tokenVersion: row.token_version,
    classroomId: row.classroom_id,
    avatar: row.avatar,
    assignments: row.assignments ?? null,
  } satisfies Omit<Student, never>);
}

/** The sort key of the students list: most recent activity first, never-active last, then newest id. */
const activity = sql<Date | number>`coalesce(last_active_at, '-infinity'::timestamptz)`;

export class StudentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async byIds(ids: readonly number[]): Promise<Student[]> {
    const rows = await named('students.byIds', this.db.selectFrom('students').select(studentSelection).where('id', '=', anyInt(ids))).execute();
    return rows.map(toStudent);
  }

  /** One page plus one row, so the caller knows whether another page follows. */
  async page(args: { level: Level | null; first: number; after: { activity: string; id: number } | null }): Promise<{ students: Student[]; activity: (Date | number)[] }> {
    let q = this.db.selectFrom('students').select([...studentSelection, activity.as('activity')]);
    if (args.level) q = q.where('level', '=', args.level);
    if (args.after) q = q.where(sql<boolean>`(${activity}, id) < (${args.after.activity}::timestamptz, ${args.after.id}::int)`);
    const rows = await named('students.page', q.orderBy(activity, 'desc').orderBy('id', 'desc').limit(args.first + 1)).execute();
    return { students: rows.map(toStudent), activity: rows.map((r) => r.activity) };
  }

  async count(level: Level | null): Promise<number> {
    let q = this.db.selectFrom('students').select(sql<string>`count(*)`.as('n'));
    if (level) q = q.where('level', '=', level);
    const row = await named('students.count', q).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Logins count as activity; reads never do. */
  async markActive(id: number, at: Date): Promise<void> {
    await named('students.markActive', this.db.updateTable('students').set({ last_active_at: at }).where('id', '=', id)).execute();
  }
}

declare module '../context.js' {
  interface Repositories {
    students: StudentsRepository;
  }
}
