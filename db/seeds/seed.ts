import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../src/auth/passwords.js';
import type { Database, Level } from '../../src/db/database.js';
import { buildCurriculum } from './curriculum.js';
import { dateOf, DAY_MS } from '../../src/common/time.js';
import { AttemptPartitionsRepository } from '../../src/progress/attempt-partitions.repository.js';
import { generateHistory, type StudentHistory } from './history.js';
import { AVATARS, newClassCode, sequenceText } from '../../src/auth/login-cards.js';


/**
 * Demo and load-test data. Idempotent: the curriculum is written once, accounts are created only
 * if missing, and history is generated only for students that have none.
 *
 *   admin / admin1234                  (never when NODE_ENV=production)
 *   student001..student200 / demo1234  (spread over the five levels; --students N for more)
 *   teacher01..teacher05 / teacher1234 one class each ("CP A"...), holding the demo students of its
 *                                      level, who can also sign in with the pictures 0, 1, 2, 3
 *   teacher06... / teacher1234         with --students N > 200: a class of 25 of the students beyond
 *                                      200 each (one level per class), for the school-day load
 *
 * Demo students share one password hash (one argon2 run instead of thousands); real accounts
 * each get their own salt.
 */
export interface SeedOptions {
  /** How many demo students (student001...), at least the 200 the README lists. */
  students: number;
  /** Also write a realistic past: attempts, progress, sessions, points and streaks. */
  history: boolean;
  /** How many days of past the history covers (default 60: about 100 attempts per student). */
  historyDays?: number;
  /** false: the curriculum only (the one thing production may seed). */
  accounts: boolean;
  production: boolean;
  now?: Date;
  log?: (message: string) => void;
}

export interface SeedReport {
  modules: number;
  exercises: number;
  studentsCreated: number;
  attemptsCreated: number;
}

export const DEMO_ADMIN = { username: 'admin', password: 'admin1234' } as const;
export const DEMO_STUDENT_PASSWORD = 'demo1234';
export const DEMO_STUDENTS = 200;
export const DEMO_TEACHER_PASSWORD = 'teacher1234';
/** teacher01..teacher05, one class of 40 each: what the README lists. */
export const DEMO_TEACHERS = 5;
/** The classes of load-test students beyond the first 200 (teacher06 onwards). */
export const LOAD_CLASS_SIZE = 25;
/** The picture sequence every demo child's login card holds (chat, chien, lapin, poisson). */
export const DEMO_PICTURES = [0, 1, 2, 3] as const;
const LEVELS: Level[] = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'];

const FIRST_NAMES = [
  'Léa', 'Lucas', 'Emma', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Gabriel', 'Jade', 'Arthur', 'Louise', 'Jules', 'Alice', 'Adam', 'Lina',
  'Raphaël', 'Rose', 'Nathan', 'Anna', 'Tom', 'Inès', 'Léo', 'Zoé', 'Sacha', 'Camille', 'Noah', 'Mila', 'Ethan', 'Sarah', 'Paul',
];
const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre',
  'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert',
];

export class DemoAccountsInProductionError extends Error {
  constructor() {
    super('Refusing to create demo accounts with NODE_ENV=production (seed the curriculum only with --curriculum-only).');
    this.name = 'DemoAccountsInProductionError';
  }
}

export function demoUsername(i: number): string {
  return `student${String(i).padStart(3, '0')}`;
}

/** teacher01..teacher05: one per level, in level order; teacher06...: the load-test classes. */
export function demoTeacherUsername(i: number): string {
  return `teacher${String(i).padStart(2, '0')}`;
}

/** CP for 6-7 year olds up to CM2 for 10-11: a birth date that fits the level. */
function birthDate(level: Level, i: number, now: Date): string {
  const age = 6 + LEVELS.indexOf(level);
  const d = new Date(Date.UTC(now.getUTCFullYear() - age - 1, (i * 7) % 12, 1 + (i % 28)));
  return d.toISOString().slice(0, 10);
}

export async function seed(db: Kysely<Database>, options: SeedOptions): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  if (options.production && options.accounts) {
    throw new DemoAccountsInProductionError();
  }
  const report: SeedReport = { modules: 0, exercises: 0, studentsCreated: 0, attemptsCreated: 0 };

  const { n } = await db.selectFrom('modules').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  if (Number(n) === 0) {
    const written = await writeCurriculum(db);
    Object.assign(report, written);
    log(`curriculum: ${written.modules} modules, ${written.exercises} exercises`);
  }

  if (!options.accounts) return report;
  await db
    .insertInto('admins')
    .values({ username: DEMO_ADMIN.username, password_hash: await hashPassword(DEMO_ADMIN.password) })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();

  const count = Math.max(options.students, DEMO_STUDENTS);
  const passwordHash = await hashPassword(DEMO_STUDENT_PASSWORD);
  for (let start = 1; start <= count; start += 2_000) {
    const end = Math.min(count, start + 1_999);
    const rows = [];
    for (let i = start; i <= end; i++) {
      const level = LEVELS[(i - 1) % LEVELS.length]!;
      rows.push({
        username: demoUsername(i),
        password_hash: passwordHash,
        first_name: FIRST_NAMES[(i * 7) % FIRST_NAMES.length]!,
        last_name: LAST_NAMES[(i * 11) % LAST_NAMES.length]!,
        birth_date: birthDate(level, i, now),
        level,
      });
    }
    const inserted = await db.insertInto('students').values(rows).onConflict((oc) => oc.column('username').doNothing()).returning('id').execute();
    report.studentsCreated += inserted.length;
  }
  log(`students: ${report.studentsCreated} created (${count} demo students in all)`);
  await writeDemoClasses(db, log);
  await writeLoadClasses(db, count, log);

  if (options.history) {
    report.attemptsCreated = await writeHistory(db, count, now, options.historyDays ?? 60, log);
    log(`history: ${report.attemptsCreated} attempts`);
  }
  return report;
}

/**
 * One demo teacher per level, each with a class of its level's 40 of the first 200 demo students
 * (the load-test students beyond them: writeLoadClasses). Created once: a teacher that exists
 * is left as it is.
 */
async function writeDemoClasses(db: Kysely<Database>, log: (m: string) => void): Promise<void> {
  // A database migrated to before the schools migration (a migration's own test) has no classes.
  const { rows } = await sql<{ t: string | null }>`select to_regclass('teachers')::text as t`.execute(db);
  if (!rows[0]?.t) return;
  const teacherHash = await hashPassword(DEMO_TEACHER_PASSWORD);
  const pictureHash = await hashPassword(sequenceText(DEMO_PICTURES));
  let created = 0;
  for (const [i, level] of LEVELS.entries()) {
    const teacher = await db
      .insertInto('teachers')
      .values({ username: demoTeacherUsername(i + 1), display_name: `${['Mme', 'M.'][i % 2]} ${LAST_NAMES[i * 3]}`, password_hash: teacherHash, must_change_password: false })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!teacher) continue;
    const classroom = await db.insertInto('classrooms').values({ name: `${level} A`, level, class_code: newClassCode(), teacher_id: teacher.id }).returning('id').executeTakeFirstOrThrow();
    const usernames = Array.from({ length: DEMO_STUDENTS / LEVELS.length }, (_, k) => demoUsername(k * LEVELS.length + i + 1));
    await db
      .updateTable('students')
      .set((eb) => ({ classroom_id: classroom.id, picture_hash: pictureHash, avatar: sql<string>`(array[${sql.join(AVATARS.map((a) => sql.lit(a)))}])[1 + ${eb.ref('id')} % ${AVATARS.length}]` }))
      .where('username', 'in', usernames)
      .execute();
    created++;
  }
  if (created > 0) log(`teachers: ${created} created, each with a class of its level's demo students`);
}

/**
 * Load-test students beyond the first 200 in classes of LOAD_CLASS_SIZE of one level, each with a
 * teacher of its own (teacher06 onwards): the school-day scenario's teachers. Student j (of level
 * (j - 1) % 5, the p-th of it) is in its level's class floor((p - 40) / 25); created once, for
 * students still without a class.
 */
async function writeLoadClasses(db: Kysely<Database>, count: number, log: (m: string) => void): Promise<void> {
  const { rows } = await sql<{ t: string | null }>`select to_regclass('teachers')::text as t`.execute(db);
  if (!rows[0]?.t || count <= DEMO_STUDENTS) return;
  const perLevel = DEMO_STUDENTS / LEVELS.length;
  const classes = new Map<number, { level: Level; k: number; usernames: string[] }>();
  for (let j = DEMO_STUDENTS + 1; j <= count; j++) {
    const li = (j - 1) % LEVELS.length;
    const k = Math.floor((Math.floor((j - 1) / LEVELS.length) - perLevel) / LOAD_CLASS_SIZE);
    const teacher = DEMO_TEACHERS + 1 + k * LEVELS.length + li;
    const c = classes.get(teacher) ?? { level: LEVELS[li]!, k, usernames: [] };
    c.usernames.push(demoUsername(j));
    classes.set(teacher, c);
  }
  const teacherHash = await hashPassword(DEMO_TEACHER_PASSWORD);
  const pictureHash = await hashPassword(sequenceText(DEMO_PICTURES));
  const numbers = [...classes.keys()];
  let created = 0;
  for (let i = 0; i < numbers.length; i += 500) {
    const chunk = numbers.slice(i, i + 500);
    const inserted = await db
      .insertInto('teachers')
      .values(chunk.map((n) => ({ username: demoTeacherUsername(n), display_name: `${['Mme', 'M.'][n % 2]} ${LAST_NAMES[n % LAST_NAMES.length]}`, password_hash: teacherHash, must_change_password: false })))
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .execute();
    created += inserted.length;
    // Every teacher of the chunk with its class (made now when it has none): a class only part
    // full takes the students a larger seed adds.
    const byUsername = new Map(chunk.map((n) => [demoTeacherUsername(n), classes.get(n)!]));
    const teachers = await db
      .selectFrom('teachers as t')
      .leftJoin('classrooms as c', 'c.teacher_id', 't.id')
      .select(['t.id', 't.username', 'c.id as classroomId'])
      .where('t.username', 'in', [...byUsername.keys()])
      .execute();
    const missing = teachers.filter((t) => t.classroomId === null);
    const made = missing.length === 0 ? [] : await db
      .insertInto('classrooms')
      .values(missing.map((t) => {
        const c = byUsername.get(t.username)!;
        return { name: `${c.level} ${c.k + 2}`, level: c.level, class_code: newClassCode(), teacher_id: t.id };
      }))
      .returning(['id', 'teacher_id'])
      .execute();
    const classOf = new Map(made.map((c) => [c.teacher_id, c.id]));
    const usernames: string[] = [];
    const classIds: number[] = [];
    for (const t of teachers) {
      const classroomId = t.classroomId ?? classOf.get(t.id)!;
      for (const u of byUsername.get(t.username)!.usernames) {
        usernames.push(u);
        classIds.push(classroomId);
      }
    }
    await sql`
      update students set classroom_id = m.c, picture_hash = ${pictureHash},
        avatar = (array[${sql.join(AVATARS.map((a) => sql.lit(a)))}])[1 + students.id % ${AVATARS.length}]
      from unnest(${usernames}::text[], ${classIds}::int[]) as m(u, c)
      where students.username = m.u and students.classroom_id is null`.execute(db);
  }
  if (created > 0) log(`load-test classes: ${created} teachers (teacher${String(DEMO_TEACHERS + 1).padStart(2, '0')}...), each with a class of up to ${LOAD_CLASS_SIZE} students beyond the first ${DEMO_STUDENTS}`);
}

async function writeCurriculum(db: Kysely<Database>): Promise<{ modules: number; exercises: number }> {
  const curriculum = buildCurriculum();
  return db.transaction().execute(async (trx) => {
    const ids = await trx
      .insertInto('modules')
      .values(curriculum.map((m) => ({ title: m.title, description: m.description, level: m.level, subject: m.subject, period: m.period, sort_order: m.sortOrder })))
      .returning('id')
      .execute();
    const exercises = curriculum.flatMap((m, i) =>
      m.exercises.map((e) => ({
        module_id: ids[i]!.id,
        title: e.title,
        instructions: e.instructions,
        type: e.type,
        difficulty: e.difficulty,
        points: e.points,
        estimated_minutes: e.estimatedMinutes,
        sort_order: e.sortOrder,
        content: JSON.stringify(e.content),
        solution: JSON.stringify(e.solution),
      })),
    );
    for (let i = 0; i < exercises.length; i += 1_000) {
      await trx.insertInto('exercises').values(exercises.slice(i, i + 1_000)).execute();
    }
    return { modules: ids.length, exercises: exercises.length };
  });
}

/** Past work for demo students that have none, in bulk (one statement per table per chunk). */
async function writeHistory(db: Kysely<Database>, count: number, now: Date, days: number, log: (m: string) => void): Promise<number> {
  const curriculum = await db
    .selectFrom('exercises as e')
    .innerJoin('modules as m', 'm.id', 'e.module_id')
    .select(['e.id', 'e.type', 'e.points', 'e.solution', 'e.content', 'm.level', 'm.subject'])
    .where('e.active', '=', true)
    .where('m.active', '=', true)
    .orderBy('m.period')
    .orderBy('m.sort_order')
    .orderBy('m.id')
    .orderBy('e.sort_order')
    .orderBy('e.id')
    .execute();
  const byLevel = new Map<Level, typeof curriculum>();
  for (const e of curriculum) byLevel.set(e.level, [...(byLevel.get(e.level) ?? []), e]);

  const students = await db
    .selectFrom('students as s')
    .select(['s.id', 's.level'])
    .where('s.username', '=', sql<string>`any(${Array.from({ length: count }, (_, i) => demoUsername(i + 1))}::text[])`)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('attempts as a').select('a.id').whereRef('a.student_id', '=', 's.id'))))
    .orderBy('s.id')
    .execute();

  // Past months get their partitions first, so history does not pile up in the default partition.
  await new AttemptPartitionsRepository(db).ensureMonths(new Date(now.getTime() - days * DAY_MS), now);
  let total = 0;
  const chunk = 250;
  for (let i = 0; i < students.length; i += chunk) {
    const histories = students.slice(i, i + chunk).map((s) => generateHistory(s.id, byLevel.get(s.level) ?? [], now, days));
    total += await insertHistories(db, histories);
    if ((i / chunk) % 8 === 7) log(`history: ${Math.min(i + chunk, students.length)}/${students.length} students`);
  }
  return total;
}

async function insertHistories(db: Kysely<Database>, histories: StudentHistory[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const sessions = histories.flatMap((h) => h.sessions.map((s) => ({ ...s, studentId: h.studentId })));
    const sessionIds = new Map<string, number>();
    if (sessions.length > 0) {
      const rows = await sql<{ id: number; student_id: number; started_at: Date }>`
        insert into learning_sessions (student_id, started_at, ended_at, last_activity_at, attempted, succeeded, points_earned)
        select * from unnest(${sessions.map((s) => s.studentId)}::int[], ${sessions.map((s) => s.startedAt)}::timestamptz[],
          ${sessions.map((s) => s.endedAt)}::timestamptz[], ${sessions.map((s) => s.endedAt)}::timestamptz[],
          ${sessions.map((s) => s.attempted)}::int[], ${sessions.map((s) => s.succeeded)}::int[], ${sessions.map((s) => s.pointsEarned)}::int[])
        returning id, student_id, started_at`.execute(trx);
      for (const r of rows.rows) sessionIds.set(`${r.student_id}:${r.started_at.toISOString()}`, r.id);
    }

    const attempts = histories.flatMap((h) => h.attempts.map((a) => ({ ...a, studentId: h.studentId })));
    for (let i = 0; i < attempts.length; i += 20_000) {
      const part = attempts.slice(i, i + 20_000);
      await sql`
        with inserted as (
        insert into attempts (student_id, exercise_id, session_id, idempotency_key, answer, correct, duration_seconds, hints_used, points_earned, created_at)
        select * from unnest(${part.map((a) => a.studentId)}::int[], ${part.map((a) => a.exerciseId)}::int[],
          ${part.map((a) => sessionIds.get(`${a.studentId}:${a.sessionStartedAt.toISOString()}`) ?? null)}::int[],
          ${part.map((a) => a.idempotencyKey)}::text[], ${part.map((a) => JSON.stringify(a.answer))}::jsonb[],
          ${part.map((a) => a.correct)}::boolean[], ${part.map((a) => a.durationSeconds)}::int[], ${part.map((a) => a.hintsUsed)}::int[],
          ${part.map((a) => a.pointsEarned)}::int[], ${part.map((a) => a.at)}::timestamptz[])
        returning id, student_id, idempotency_key, created_at)
        insert into attempt_keys (student_id, idempotency_key, attempt_id, created_at)
        select student_id, idempotency_key, id, created_at from inserted`.execute(trx);
    }

    const progress = histories.flatMap((h) => h.progress.map((p) => ({ ...p, studentId: h.studentId })));
    if (progress.length > 0) {
      await sql`
        insert into progress (student_id, exercise_id, status, attempts, successes, points_earned, last_attempt_at, first_success_at,
          mastered_at, next_review_at, review_interval_days, review_state)
        select * from unnest(${progress.map((p) => p.studentId)}::int[], ${progress.map((p) => p.exerciseId)}::int[],
          ${progress.map((p) => p.status)}::text[], ${progress.map((p) => p.attempts)}::int[], ${progress.map((p) => p.successes)}::int[],
          ${progress.map((p) => p.pointsEarned)}::int[], ${progress.map((p) => dateOf(p.lastAttemptAt))}::timestamptz[],
          ${progress.map((p) => dateOf(p.firstSuccessAt))}::timestamptz[], ${progress.map((p) => dateOf(p.masteredAt))}::timestamptz[],
          ${progress.map((p) => dateOf(p.nextReviewAt))}::timestamptz[], ${progress.map((p) => p.reviewIntervalDays)}::int[],
          ${progress.map((p) => (p.reviewState === null ? null : JSON.stringify(p.reviewState)))}::jsonb[])`.execute(trx);
    }

    await sql`
      update students s set total_points = u.points, streak_days = u.streak, streak_last_day = u.day, last_active_at = u.active
      from unnest(${histories.map((h) => h.studentId)}::int[], ${histories.map((h) => h.totalPoints)}::int[],
        ${histories.map((h) => h.streakDays)}::int[], ${histories.map((h) => h.streakLastDay)}::date[],
        ${histories.map((h) => h.lastActiveAt)}::timestamptz[]) as u(id, points, streak, day, active)
      where s.id = u.id`.execute(trx);
    return attempts.length;
  });
}
