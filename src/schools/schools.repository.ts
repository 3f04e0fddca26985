import { sql, type Kysely } from 'kysely';
import type { Level } from '../common/enums.js';
import type { ClassroomRow, Database, TeacherRow } from '../db/database.js';
import { named } from '../db/named.js';
import { anyInt, isUniqueViolation } from '../db/sql-helpers.js';
import { studentSelection, toStudent } from '../students/students.repository.js';
import type { Student } from '../students/student.type.js';
import { Assignment, Classroom, Teacher } from './school.type.js';

const classroomColumns = ['id', 'name', 'level', 'class_code', 'teacher_id'] as const;
const teacherColumns = ['id', 'username', 'display_name', 'must_change_password', 'token_version'] as const;

function toClassroom(r: Pick<ClassroomRow, (typeof classroomColumns)[number]>): Classroom {
  return Object.assign(new Classroom(), { id: r.id, name: r.name, level: r.level as Level, code: r.class_code, teacherId: r.teacher_id });
}

function toTeacher(r: Pick<TeacherRow, (typeof teacherColumns)[number]>): Teacher {
  return Object.assign(new Teacher(), { id: r.id, username: r.username, displayName: r.display_name, mustChangePassword: r.must_change_password, tokenVersion: r.token_version });
}

/** An assignments row as JSON (times as epoch milliseconds): read inside a class's row. */
type AssignmentJson = { id: number; classroomId: number; moduleId: number; assignedAt: number; dueAt: number | null };
const assignmentJson = sql<AssignmentJson>`json_build_object('id', assignments.id, 'classroomId', assignments.classroom_id, 'moduleId', assignments.module_id,
  'assignedAt', (extract(epoch from assignments.assigned_at) * 1000)::bigint, 'dueAt', (extract(epoch from assignments.due_at) * 1000)::bigint)`;

function toAssignment(j: AssignmentJson): Assignment {
  return Object.assign(new Assignment(), j);
}

/** A child to create: its account, with its picture sequence's hash. */
export interface NewChild {
  firstName: string;
  level: Level;
  avatar: string;
  pictureHash: string;
  /** Tried in order until one is free (usernames are unique across children). */
  usernames: () => string;
}

export class SchoolsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a teacher; undefined when the username is taken (by a teacher, a child or an admin). */
  async createTeacher(username: string, displayName: string, passwordHash: string): Promise<Teacher | undefined> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const taken = await named(
          'teachers.usernameTaken',
          trx
            .selectFrom('admins')
            .select('id')
            .where('username', '=', username)
            .unionAll(trx.selectFrom('students').select('id').where('username', '=', username)),
        ).executeTakeFirst();
        if (taken) return undefined;
        const row = await named(
          'teachers.insert',
          trx.insertInto('teachers').values({ username, display_name: displayName, password_hash: passwordHash }).returning(teacherColumns),
        ).executeTakeFirstOrThrow();
        return Object.assign(toTeacher(row), { classroomIds: [] });
      });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /** Teachers with the ids of their classes (newest first), in one statement. */
  async teachersByIds(ids: readonly number[]): Promise<Teacher[]> {
    const rows = await named(
      'teachers.byIds',
      this.db
        .selectFrom('teachers as t')
        .select([...teacherColumns.map((c) => `t.${c}` as const), sql<number[]>`coalesce((select array_agg(c.id order by c.id desc) from classrooms c where c.teacher_id = t.id), '{}')`.as('classroom_ids')])
        .where('t.id', '=', anyInt(ids)),
    ).execute();
    return rows.map((r) => Object.assign(toTeacher(r), { classroomIds: r.classroom_ids }));
  }

  /** Creates a class with this code; undefined when the code is taken (the caller draws another). */
  async createClassroom(name: string, level: Level, code: string, teacherId: number): Promise<Classroom | undefined> {
    try {
      const row = await named(
        'classrooms.insert',
        this.db.insertInto('classrooms').values({ name, level, class_code: code, teacher_id: teacherId }).returning(classroomColumns),
      ).executeTakeFirstOrThrow();
      return Object.assign(toClassroom(row), { studentIds: [], assignments: [] });
    } catch (error) {
      if (isUniqueViolation(error, 'classrooms_class_code_key')) return undefined;
      throw error;
    }
  }

  /** Classes with the ids of their children (in enrolment order) and their assignments, in one statement. */
  async classroomsByIds(ids: readonly number[]): Promise<Classroom[]> {
    const rows = await named(
      'classrooms.byIds',
      this.db
        .selectFrom('classrooms as c')
        .select([
          ...classroomColumns.map((k) => `c.${k}` as const),
          sql<number[]>`coalesce((select array_agg(s.id order by s.id) from students s where s.classroom_id = c.id), '{}')`.as('student_ids'),
          sql<AssignmentJson[]>`coalesce((select json_agg(${assignmentJson} order by assignments.due_at nulls last, assignments.assigned_at, assignments.id) from assignments where assignments.classroom_id = c.id), '[]'::json)`.as('assignments'),
        ])
        .where('c.id', '=', anyInt(ids)),
    ).execute();
    return rows.map((r) => Object.assign(toClassroom(r), { studentIds: r.student_ids, assignments: r.assignments.map(toAssignment) }));
  }

  /**
   * Assigns modules to a class (again: moves the due date), with the class row locked, so the
   * children it returns are every child an enrolment at the same time could add. The class's
   * assignments of these modules, and its children's ids.
   */
  async assign(classroomId: number, moduleIds: readonly number[], dueAt: Date | null): Promise<{ assignments: Assignment[]; studentIds: number[] }> {
    return this.db.transaction().execute(async (trx) => {
      await named('classrooms.lock', trx.selectFrom('classrooms').select('id').where('id', '=', classroomId).forUpdate()).execute();
      const rows = await named(
        'assignments.upsert',
        trx
          .insertInto('assignments')
          .values(moduleIds.map((module_id) => ({ classroom_id: classroomId, module_id, due_at: dueAt })))
          .onConflict((oc) => oc.constraint('assignments_classroom_module_key').doUpdateSet({ due_at: dueAt }))
          .returning(assignmentJson.as('j')),
      ).execute();
      const children = await named('classrooms.studentIds', trx.selectFrom('students').select('id').where('classroom_id', '=', classroomId)).execute();
      return { assignments: rows.map((r) => toAssignment(r.j)), studentIds: children.map((c) => c.id) };
    });
  }

  /** A page of classes, newest first (one teacher's, or everyone's), plus one row to tell whether more follow. */
  /** A page of class ids, newest first (one teacher's, or everyone's), plus one to tell whether more follow. */
  async classroomIdsPage(args: { teacherId: number | null; first: number; afterId: number | null }): Promise<number[]> {
    let q = this.db.selectFrom('classrooms').select('id');
    if (args.teacherId !== null) q = q.where('teacher_id', '=', args.teacherId);
    if (args.afterId !== null) q = q.where('id', '<', args.afterId);
    const rows = await named('classrooms.page', q.orderBy('id', 'desc').limit(args.first + 1)).execute();
    return rows.map((r) => r.id);
  }

  async countClassrooms(teacherId: number | null): Promise<number> {
    let q = this.db.selectFrom('classrooms').select(sql<string>`count(*)`.as('n'));
    if (teacherId !== null) q = q.where('teacher_id', '=', teacherId);
    return Number((await named('classrooms.count', q).executeTakeFirstOrThrow()).n);
  }

  /** The sign-in roster of a class code, in one statement: its name, first names and avatars, nothing more. */
  async rosterByCode(code: string): Promise<{ name: string; children: { id: number; firstName: string; avatar: string }[] } | undefined> {
    const row = await named(
      'classrooms.rosterByCode',
      this.db
        .selectFrom('classrooms as c')
        .select([
          'c.name',
          sql<{ id: number; firstName: string; avatar: string }[]>`coalesce((select json_agg(json_build_object('id', s.id, 'firstName', s.first_name, 'avatar', s.avatar) order by s.first_name, s.id)
            from students s where s.classroom_id = c.id), '[]'::json)`.as('children'),
        ])
        .where('c.class_code', '=', code),
    ).executeTakeFirst();
    return row && { name: row.name, children: row.children };
  }

  /**
   * Creates the children in the class, all or none, in one transaction. The class row is locked
   * first, so two enrolments at once cannot together pass the class size. Undefined when the class
   * would hold more than `maxSize` (nothing written); the class's current size is returned with it.
   */
  async enrol(classroomId: number, children: readonly NewChild[], maxSize: number): Promise<{ created: Student[] } | { full: number }> {
    return this.db.transaction().execute(async (trx) => {
      await named('classrooms.lock', trx.selectFrom('classrooms').select('id').where('id', '=', classroomId).forUpdate()).execute();
      const size = Number(
        (await named('classrooms.studentCount', trx.selectFrom('students').select(sql<string>`count(*)`.as('n')).where('classroom_id', '=', classroomId)).executeTakeFirstOrThrow()).n,
      );
      if (size + children.length > maxSize) return { full: size };
      const created: Student[] = [];
      for (const child of children) {
        // A username already taken is skipped without failing the transaction (ON CONFLICT), and another is drawn.
        for (let tries = 0; ; tries++) {
          const row = await named(
            'students.enrol',
            trx
              .insertInto('students')
              .values({ username: child.usernames(), password_hash: null, first_name: child.firstName, last_name: '', level: child.level, classroom_id: classroomId, avatar: child.avatar, picture_hash: child.pictureHash })
              .onConflict((oc) => oc.column('username').doNothing())
              .returning(studentSelection),
          ).executeTakeFirst();
          if (row) {
            created.push(toStudent(row));
            break;
          }
          if (tries >= 20) throw new Error('no free username for a child after 20 tries');
        }
      }
      return { created };
    });
  }

  /** A new picture sequence for a child: every token of the child stops working (token version). */
  async replacePictures(studentId: number, pictureHash: string): Promise<Student | undefined> {
    const row = await named(
      'students.replacePictures',
      this.db
        .updateTable('students')
        .set((eb) => ({ picture_hash: pictureHash, token_version: eb('token_version', '+', 1) }))
        .where('id', '=', studentId)
        .returning(studentSelection),
    ).executeTakeFirst();
    return row && toStudent(row);
  }
}

declare module '../context.js' {
  interface Repositories {
    schools: SchoolsRepository;
  }
}
