import { sql, type Kysely } from 'kysely';
import type { Level } from '../common/enums.js';
import type { ClassroomRow, Database, TeacherRow } from '../db/database.js';
import { named } from '../db/named.js';
import { anyInt, isUniqueViolation } from '../db/sql-helpers.js';
import { studentColumns, toStudent } from '../students/students.repository.js';
import type { Student } from '../students/student.type.js';
import { Classroom, Teacher } from './school.type.js';

const classroomColumns = ['id', 'name', 'level', 'class_code', 'teacher_id', 'created_at'] as const;
const teacherColumns = ['id', 'username', 'display_name', 'must_change_password', 'token_version'] as const;

function toClassroom(r: Pick<ClassroomRow, (typeof classroomColumns)[number]>): Classroom {
  return Object.assign(new Classroom(), { id: r.id, name: r.name, level: r.level as Level, code: r.class_code, teacherId: r.teacher_id, createdAt: r.created_at });
}

function toTeacher(r: Pick<TeacherRow, (typeof teacherColumns)[number]>): Teacher {
  return Object.assign(new Teacher(), { id: r.id, username: r.username, displayName: r.display_name, mustChangePassword: r.must_change_password, tokenVersion: r.token_version });
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
        return toTeacher(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  async teachersByIds(ids: readonly number[]): Promise<Teacher[]> {
    const rows = await named('teachers.byIds', this.db.selectFrom('teachers').select(teacherColumns).where('id', '=', anyInt(ids))).execute();
    return rows.map(toTeacher);
  }

  /** Creates a class with this code; undefined when the code is taken (the caller draws another). */
  async createClassroom(name: string, level: Level, code: string, teacherId: number): Promise<Classroom | undefined> {
    try {
      const row = await named(
        'classrooms.insert',
        this.db.insertInto('classrooms').values({ name, level, class_code: code, teacher_id: teacherId }).returning(classroomColumns),
      ).executeTakeFirstOrThrow();
      return toClassroom(row);
    } catch (error) {
      if (isUniqueViolation(error, 'classrooms_class_code_key')) return undefined;
      throw error;
    }
  }

  async classroomsByIds(ids: readonly number[]): Promise<Classroom[]> {
    const rows = await named('classrooms.byIds', this.db.selectFrom('classrooms').select(classroomColumns).where('id', '=', anyInt(ids))).execute();
    return rows.map(toClassroom);
  }

  async classroomByCode(code: string): Promise<Classroom | undefined> {
    const row = await named('classrooms.byCode', this.db.selectFrom('classrooms').select(classroomColumns).where('class_code', '=', code)).executeTakeFirst();
    return row && toClassroom(row);
  }

  /** The ids of each teacher's classes. */
  async classroomIdsOfTeachers(teacherIds: readonly number[]): Promise<{ teacherId: number; id: number }[]> {
    const rows = await named('classrooms.idsOfTeachers', this.db.selectFrom('classrooms').select(['teacher_id', 'id']).where('teacher_id', '=', anyInt(teacherIds))).execute();
    return rows.map((r) => ({ teacherId: r.teacher_id, id: r.id }));
  }

  /** A page of classes, newest first (one teacher's, or everyone's), plus one row to tell whether more follow. */
  async classroomsPage(args: { teacherId: number | null; first: number; afterId: number | null }): Promise<Classroom[]> {
    let q = this.db.selectFrom('classrooms').select(classroomColumns);
    if (args.teacherId !== null) q = q.where('teacher_id', '=', args.teacherId);
    if (args.afterId !== null) q = q.where('id', '<', args.afterId);
    const rows = await named('classrooms.page', q.orderBy('id', 'desc').limit(args.first + 1)).execute();
    return rows.map(toClassroom);
  }

  async countClassrooms(teacherId: number | null): Promise<number> {
    let q = this.db.selectFrom('classrooms').select(sql<string>`count(*)`.as('n'));
    if (teacherId !== null) q = q.where('teacher_id', '=', teacherId);
    return Number((await named('classrooms.count', q).executeTakeFirstOrThrow()).n);
  }

  /** The children of a class, by first name then id: a page plus one row, and how many in all. */
  async studentsOfClassroom(classroomId: number, first: number, afterId: number | null): Promise<{ students: Student[]; total: number }> {
    let q = this.db.selectFrom('students').select(studentColumns).where('classroom_id', '=', classroomId);
    if (afterId !== null) q = q.where('id', '>', afterId);
    const [rows, count] = await Promise.all([
      named('classrooms.students', q.orderBy('id').limit(first + 1)).execute(),
      named('classrooms.studentCount', this.db.selectFrom('students').select(sql<string>`count(*)`.as('n')).where('classroom_id', '=', classroomId)).executeTakeFirstOrThrow(),
    ]);
    return { students: rows.map(toStudent), total: Number(count.n) };
  }

  /** The sign-in roster: first names and avatars, nothing more. */
  async roster(classroomId: number): Promise<{ id: number; firstName: string; avatar: string }[]> {
    const rows = await named(
      'classrooms.roster',
      this.db.selectFrom('students').select(['id', 'first_name', 'avatar']).where('classroom_id', '=', classroomId).orderBy('first_name').orderBy('id'),
    ).execute();
    return rows.map((r) => ({ id: r.id, firstName: r.first_name, avatar: r.avatar }));
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
              .returning(studentColumns),
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
        .returning(studentColumns),
    ).executeTakeFirst();
    return row && toStudent(row);
  }
}

declare module '../context.js' {
  interface Repositories {
    schools: SchoolsRepository;
  }
}
