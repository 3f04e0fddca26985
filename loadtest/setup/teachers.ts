import { sql } from 'kysely';
import { DEMO_TEACHER_PASSWORD } from '../../db/seeds/seed.js';
import { GraphQLHttp } from '../driver/graphql-http.js';
import { operations } from '../driver/operations.js';
import type { StudentAccount } from '../driver/virtual-student.js';
import type { TeacherAccount } from '../driver/virtual-teacher.js';
import { SetupError, type Target } from './target.js';

/**
 * The teachers of the classes the run's students are in (the demo seed puts every demo student in
 * a class: teacher01..05's of 40, then classes of 25 with a teacher each), at most `limit`, each
 * with its class's children (all of them: the overview shows every child) and the modules of its
 * level to assign. Tokens are signed when the secret is known, else each teacher logs in.
 */
export async function classTeachers(target: Target, students: StudentAccount[], limit = Infinity): Promise<TeacherAccount[]> {
  const db = target.db;
  if (!db) throw new SetupError('the database behind TARGET_URL is needed to find the classes: set DATABASE_URL to it');
  if (limit <= 0) return [];
  const ids = students.map((s) => s.id);
  const classes = await db
    .selectFrom('classrooms as c')
    .innerJoin('teachers as t', 't.id', 'c.teacher_id')
    .select([
      'c.id',
      'c.level',
      't.id as teacherId',
      't.username',
      't.token_version',
      sql<number[]>`(select array_agg(s.id order by s.id) from students s where s.classroom_id = c.id)`.as('studentIds'),
    ])
    .where(sql<boolean>`exists (select 1 from students s where s.classroom_id = c.id and s.id = any(${ids}::int[]))`)
    .orderBy('c.id')
    .execute();
  const chosen = classes.slice(0, Number.isFinite(limit) ? limit : classes.length);
  const modules = await db.selectFrom('modules').select(['id', 'level']).where('active', '=', true).execute();
  const tokens = await teacherTokens(target, chosen.map((c) => ({ id: c.teacherId, username: c.username, tokenVersion: c.token_version })));
  return chosen.map((c, i) => ({
    teacherId: c.teacherId,
    token: tokens[i]!,
    classroomId: c.id,
    studentIds: c.studentIds,
    moduleIds: modules.filter((m) => m.level === c.level).map((m) => String(m.id)),
  }));
}

async function teacherTokens(target: Target, teachers: { id: number; username: string; tokenVersion: number }[]): Promise<string[]> {
  const issuer = target.tokens;
  if (issuer) return Promise.all(teachers.map((t) => issuer.sign({ role: 'TEACHER', teacherId: t.id, tokenVersion: t.tokenVersion })));
  console.error(`logging ${teachers.length} teachers in (set JWT_SECRET to the server's to skip this)...`);
  const http = new GraphQLHttp(target.url, { connections: 4, timeoutMs: 30_000 });
  try {
    const out: string[] = [];
    for (const t of teachers) {
      const r = await http.send(operations.login, { username: t.username, password: DEMO_TEACHER_PASSWORD });
      if (!r.ok) throw new SetupError(`login ${t.username} failed: ${r.kind} ${r.message}`);
      out.push(r.data.login.token);
    }
    return out;
  } finally {
    await http.close();
  }
}
