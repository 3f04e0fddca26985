import { requireClassroomAccess, requireStudentAccess } from '../access.js';
import { hashPassword } from '../auth/passwords.js';
import { ProgressStatus, Role } from '../common/enums.js';
import type { Progress } from '../progress/progress.type.js';
import { decodeCursor, encodeCursor, parseId } from '../common/pagination.js';
import { isStorableText } from '../common/text.js';
import type { Context } from '../context.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors.js';
import type { StudentConnection } from '../students/student.type.js';
import type { Student } from '../students/student.type.js';
import { requireAdmin, requireSignedIn } from '../viewer.js';
import { AVATARS, MAX_CLASS_SIZE, displayClassCode, newChildUsername, newClassCode, normalizeClassCode, newPictureSequence, newTemporaryPassword, randomAvatar, sequenceText } from '../auth/login-cards.js';
import type { NewClassroomInput, NewStudentInput, NewTeacherInput } from './school.input.js';
import { Assignment, Classroom, ClassOverview, ClassOverviewRow, LoginCard, NewAccount, RosterChild, SignInRoster, ViewerInfo, type ClassroomConnection, type Teacher } from './school.type.js';
import { cellsOf } from './overview.js';
import { groupBy } from '../common/group-by.js';
import { DAY_MS, type Clock } from '../common/time.js';
import type { Config } from '../config.js';
import type { Level, Period, Subject } from '../common/enums.js';

const MAX_FIRST_NAME = 40;
/** Modules one assignModules call may assign (a period of one subject is about 8). */
export const MAX_ASSIGNED_AT_ONCE = 40;

/** Teachers, their classes and the children enrolled in them: what lets a school run on the service. */
export class SchoolsService {
  constructor(
    private readonly clock: Clock,
    /** The last day of each period, P1 to P5 (PERIOD_ENDS). */
    private readonly periodEnds: Config['periodEnds'],
  ) {}

  /**
   * Classroom.overview: one row per child, one cell per module of the level (and subject, period
   * when given). Built from the class (cached with its roster), the children's read models (their
   * profiles and progress rows: one batched read each) and the curriculum: the same statements
   * whatever the class's size, none when warm. TEACHER of the class, or ADMIN.
   */
  async overview(ctx: Context, classroom: Classroom, args: { level: Level | null; subject: Subject | null; period: Period | null }): Promise<ClassOverview> {
    await requireClassroomAccess(ctx, classroom.id);
    const level = args.level ?? classroom.level;
    const [modules, curriculum, students, progress] = await Promise.all([
      ctx.loaders.modules.load({ level, subject: args.subject }),
      ctx.loaders.curriculum.load(level),
      Promise.all(classroom.studentIds.map((id) => ctx.studentModel.profile(id))),
      Promise.all(classroom.studentIds.map((id) => ctx.studentModel.progress(id))),
    ]);
    const columns = args.period ? modules.filter((m) => m.period === args.period) : modules;
    const exercisesOf = groupBy(curriculum, (e) => e.moduleId);
    const cells = cellsOf(columns, exercisesOf, this.clock.now(), this.periodEnds);
    const rows = students.map((student, i) => Object.assign(new ClassOverviewRow(), { student, cells: cells(progress[i]!) }));
    return Object.assign(new ClassOverview(), { modules: columns, rows });
  }

  /** ADMIN: a teacher account, with a temporary password returned once (to replace at first sign-in). */
  async createTeacher(ctx: Context, input: NewTeacherInput): Promise<NewAccount> {
    requireAdmin(ctx.viewer);
    const displayName = input.displayName.trim();
    if (displayName.length === 0 || !isStorableText(displayName)) throw new BadUserInputError('displayName must be 1 to 80 characters of text.', 'displayName');
    const temporaryPassword = newTemporaryPassword();
    const teacher = await ctx.repositories.schools.createTeacher(input.username, displayName, await hashPassword(temporaryPassword));
    if (!teacher) throw new BadUserInputError(`username ${input.username} is taken: choose another.`, 'username');
    return Object.assign(new NewAccount(), { username: teacher.username, temporaryPassword });
  }

  /** TEACHER: a class of its own; ADMIN: a class for the teacher named by teacherId. A fresh class code either way. */
  async createClassroom(ctx: Context, input: NewClassroomInput): Promise<Classroom> {
    const viewer = requireSignedIn(ctx.viewer);
    const name = input.name.trim();
    if (name.length === 0 || !isStorableText(name)) throw new BadUserInputError('name must be 1 to 60 characters of text.', 'name');
    let teacherId: number;
    if (viewer.role === 'TEACHER') {
      if (input.teacherId !== undefined && input.teacherId !== null && parseId(input.teacherId, 'teacherId') !== viewer.teacherId) {
        throw new ForbiddenError('A teacher creates its own classes: leave teacherId out.');
      }
      teacherId = viewer.teacherId;
    } else if (viewer.role === 'ADMIN') {
      if (input.teacherId === undefined || input.teacherId === null) throw new BadUserInputError('teacherId is required when an admin creates a class.', 'teacherId');
      teacherId = parseId(input.teacherId, 'teacherId');
      await ctx.loaders.teacher.load(teacherId).catch((error: unknown) => {
        throw error instanceof NotFoundError ? new BadUserInputError(`teacherId ${teacherId} is no teacher.`, 'teacherId') : error;
      });
    } else {
      throw new ForbiddenError('Only a teacher or an administrator can create a class.');
    }
    // 40 random bits: a code already taken is drawn again (rare until millions of classes).
    for (let tries = 0; tries < 5; tries++) {
      const created = await ctx.repositories.schools.createClassroom(name, input.level, newClassCode(), teacherId);
      if (!created) continue;
      await ctx.loaders.schoolWrites.teacher(teacherId);
      return created;
    }
    throw new Error('no free class code after 5 draws');
  }

  /**
   * TEACHER of the class, or ADMIN: the children's accounts, all or none. Every row is checked
   * before anything is written; one bad row refuses the call, naming it (`students[3].firstName`).
   */
  async enrol(ctx: Context, rawClassroomId: string, students: readonly NewStudentInput[]): Promise<LoginCard[]> {
    const classroom = await this.readable(ctx, rawClassroomId, 'classroomId');
    if (students.length === 0) throw new BadUserInputError('students must list at least one child.', 'students');
    if (students.length > MAX_CLASS_SIZE) throw new BadUserInputError(`a class holds at most ${MAX_CLASS_SIZE} children.`, 'students');
    const rows = students.map((s, i) => {
      const firstName = s.firstName.trim().replace(/\s+/g, ' ');
      if (firstName.length === 0 || firstName.length > MAX_FIRST_NAME || !isStorableText(firstName)) {
        throw new BadUserInputError(`students[${i}].firstName must be 1 to ${MAX_FIRST_NAME} characters of text.`, `students[${i}].firstName`);
      }
      const avatar = s.avatar ?? randomAvatar();
      if (!(AVATARS as readonly string[]).includes(avatar)) throw new BadUserInputError(`students[${i}].avatar must be one of ${AVATARS.join(', ')}.`, `students[${i}].avatar`);
      return { firstName, level: s.level, avatar, pictures: newPictureSequence() };
    });
    // Hashed before the transaction (slow on purpose), so it holds the class's lock a short while.
    const hashes = await Promise.all(rows.map((r) => hashPassword(sequenceText(r.pictures))));
    const result = await ctx.repositories.schools.enrol(
      classroom.id,
      rows.map((r, i) => ({ firstName: r.firstName, level: r.level, avatar: r.avatar, pictureHash: hashes[i]!, usernames: () => newChildUsername(r.firstName) })),
      MAX_CLASS_SIZE,
    );
    if ('full' in result) {
      throw new BadUserInputError(`the class holds ${result.full} children and at most ${MAX_CLASS_SIZE}: ${students.length} more do not fit.`, 'students');
    }
    await ctx.loaders.schoolWrites.classroom(classroom.id);
    return result.created.map((student, i) => this.card(student, classroom, rows[i]!.pictures));
  }

  /**
   * TEACHER of the class, or ADMIN: modules for the class, due by `dueAt` if given (assigning one
   * again replaces its due date). Every child's recommendations rank them first from its next read:
   * the class's and its children's cached values are stale at once, on every instance.
   */
  async assignModules(ctx: Context, rawClassroomId: string, rawModuleIds: readonly string[], dueAt: Date | null): Promise<Assignment[]> {
    const classroom = await this.readable(ctx, rawClassroomId, 'classroomId');
    const moduleIds = [...new Set(rawModuleIds.map((id, i) => parseId(id, `moduleIds[${i}]`)))];
    if (moduleIds.length === 0 || moduleIds.length > MAX_ASSIGNED_AT_ONCE) throw new BadUserInputError(`moduleIds must list 1 to ${MAX_ASSIGNED_AT_ONCE} modules.`, 'moduleIds');
    const modules = await ctx.loaders.module.loadMany(moduleIds);
    modules.forEach((m, i) => {
      if (m instanceof NotFoundError || (!(m instanceof Error) && !m.active)) throw new BadUserInputError(`moduleIds[${i}]: no module ${rawModuleIds[i]} is open for practice.`, `moduleIds[${i}]`);
      if (m instanceof Error) throw m;
    });
    const now = this.clock.now().getTime();
    if (dueAt && (dueAt.getTime() < now - DAY_MS || dueAt.getTime() > now + 366 * DAY_MS)) {
      throw new BadUserInputError('dueAt must be from yesterday to a year from now.', 'dueAt');
    }
    const { assignments, studentIds } = await ctx.repositories.schools.assign(classroom.id, moduleIds, dueAt);
    await ctx.loaders.schoolWrites.classroom(classroom.id);
    await ctx.studentModel.classWritten(studentIds);
    return assignments;
  }

  /** Classroom.assignments: its teacher, an admin, or a child of the class (what it was asked to do). */
  async assignments(ctx: Context, classroom: Classroom): Promise<Assignment[]> {
    const viewer = requireSignedIn(ctx.viewer);
    if (!(viewer.role === 'STUDENT' && classroom.studentIds.includes(viewer.studentId))) await requireClassroomAccess(ctx, classroom.id);
    return classroom.assignments;
  }

  /**
   * Assignment.completedBy: the children of the class who completed (or mastered) every active
   * exercise of the module, from their read models (cached: no SQL when warm). TEACHER of the
   * class, or ADMIN (a child does not read its classmates' work).
   */
  async completedBy(ctx: Context, assignment: Assignment): Promise<number> {
    await requireClassroomAccess(ctx, assignment.classroomId);
    const classroom = await ctx.loaders.classroom.load(assignment.classroomId);
    const [exercises, progress] = await Promise.all([
      ctx.loaders.exercisesByModule.load(assignment.moduleId),
      Promise.all(classroom.studentIds.map((id) => ctx.studentModel.progress(id))),
    ]);
    if (exercises.length === 0) return 0;
    const done = (p: Progress) => p.status === ProgressStatus.COMPLETED || p.status === ProgressStatus.MASTERED;
    return progress.filter((rows) => {
      const completed = new Set(rows.filter(done).map((p) => p.exerciseId));
      return exercises.every((e) => completed.has(e.id));
    }).length;
  }

  /** TEACHER of the child's class, or ADMIN: a new picture sequence; the old one and every token stop working, a lockout is lifted. */
  async resetLoginCard(ctx: Context, rawStudentId: string): Promise<LoginCard> {
    const id = parseId(rawStudentId, 'studentId');
    const viewer = requireSignedIn(ctx.viewer);
    if (viewer.role === 'STUDENT') throw new ForbiddenError("Only the child's teacher or an administrator can give it a new login card.");
    const student = await ctx.studentModel.profile(id);
    await requireStudentAccess(ctx, student);
    if (student.classroomId === null) throw new BadUserInputError('This child is in no class: it signs in with its password.', 'studentId');
    const classroom = await ctx.loaders.classroom.load(student.classroomId);
    const pictures = newPictureSequence();
    const base = await ctx.studentModel.beforeWrite(id);
    const updated = await ctx.repositories.schools.replacePictures(id, await hashPassword(sequenceText(pictures)));
    if (!updated) throw new NotFoundError(`Student ${id}`);
    await ctx.studentModel.written(id, { base, profile: updated });
    await ctx.services.auth.liftChildLockout(id);
    return this.card(updated, classroom, pictures);
  }

  /** TEACHER: its classes; ADMIN: every class. Newest first. */
  async classrooms(ctx: Context, args: { first: number; after: string | null }): Promise<ClassroomConnection> {
    const viewer = requireSignedIn(ctx.viewer);
    if (viewer.role !== 'TEACHER' && viewer.role !== 'ADMIN') throw new ForbiddenError('Only a teacher or an administrator can list classes.');
    if (args.first < 1 || args.first > 100) throw new BadUserInputError('first must be 1 to 100.', 'first');
    const teacherId = viewer.role === 'TEACHER' ? viewer.teacherId : null;
    const afterId = args.after ? decodeCursor(args.after, ['id'])[0] : null;
    const [ids, totalCount] = await Promise.all([ctx.repositories.schools.classroomIdsPage({ teacherId, first: args.first, afterId }), ctx.repositories.schools.countClassrooms(teacherId)]);
    const page = await loadAll(ctx.loaders.classroom, ids.slice(0, args.first));
    const edges = page.map((node) => ({ node, cursor: encodeCursor([node.id]) }));
    return { edges, totalCount, pageInfo: { hasNextPage: ids.length > args.first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** TEACHER of the class, or ADMIN; null when there is no such class. */
  async classroom(ctx: Context, rawId: string): Promise<Classroom | null> {
    try {
      return await this.readable(ctx, rawId, 'id');
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** Classroom.classCode: TEACHER of the class, or ADMIN (never a child, even of the class). */
  async classCode(ctx: Context, classroom: Classroom): Promise<string> {
    await requireClassroomAccess(ctx, classroom.id);
    return displayClassCode(classroom.code);
  }

  /** Classroom.students: TEACHER of the class, or ADMIN. In enrolment order. */
  async students(ctx: Context, classroom: Classroom, args: { first: number; after: string | null }): Promise<StudentConnection> {
    await requireClassroomAccess(ctx, classroom.id);
    if (args.first < 1 || args.first > 100) throw new BadUserInputError('first must be 1 to 100.', 'first');
    const afterId = args.after ? decodeCursor(args.after, ['id'])[0] : null;
    // The roster is cached with the class; the children's profiles come from their read models.
    const ids = afterId === null ? classroom.studentIds : classroom.studentIds.filter((id) => id > afterId);
    const page = await Promise.all(ids.slice(0, args.first).map((id) => ctx.studentModel.profile(id)));
    const edges = page.map((node) => ({ node, cursor: encodeCursor([node.id]) }));
    return { edges, totalCount: classroom.studentIds.length, pageInfo: { hasNextPage: ids.length > args.first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** Classroom.teacher: whoever may read the class (its teacher, an admin, a child of it). */
  async teacherOf(ctx: Context, classroom: Classroom): Promise<Teacher> {
    return ctx.loaders.teacher.load(classroom.teacherId);
  }

  /** Teacher.classrooms: the teacher itself, or an admin. */
  async classroomsOf(ctx: Context, teacher: Teacher): Promise<Classroom[]> {
    const viewer = requireSignedIn(ctx.viewer);
    if (!(viewer.role === 'ADMIN' || (viewer.role === 'TEACHER' && viewer.teacherId === teacher.id))) throw new ForbiddenError("Only the teacher itself or an administrator can list a teacher's classes.");
    return loadAll(ctx.loaders.classroom, teacher.classroomIds);
  }

  /** Student.classroom: the child itself, TEACHER of the class, or ADMIN; null without a class. */
  async classroomOf(ctx: Context, student: Student): Promise<Classroom | null> {
    await requireStudentAccess(ctx, student);
    return student.classroomId === null ? null : ctx.loaders.classroom.load(student.classroomId);
  }

  /**
   * Needs no token: the sign-in screen of a class code, first names and avatars only. An unknown
   * code counts toward the address's bound of failed sign-ins (codes cannot be enumerated).
   */
  async signInRoster(ctx: Context, typedCode: string): Promise<SignInRoster | null> {
    const code = normalizeClassCode(typedCode);
    const roster = code === undefined ? undefined : await ctx.repositories.schools.rosterByCode(code);
    await ctx.services.auth.countUnknownClassCode(ctx, roster !== undefined);
    if (roster === undefined) return null;
    const children = roster.children.map((c) => Object.assign(new RosterChild(), c));
    return Object.assign(new SignInRoster(), { classroomName: roster.name, children });
  }

  /** Query.viewer: who is signed in. */
  async viewer(ctx: Context): Promise<ViewerInfo> {
    const v = requireSignedIn(ctx.viewer);
    const student = v.role === 'STUDENT' ? await ctx.studentModel.profile(v.studentId) : null;
    const teacher = v.role === 'TEACHER' ? await ctx.loaders.teacher.load(v.teacherId) : null;
    return Object.assign(new ViewerInfo(), { role: Role[v.role], student, teacher });
  }

  private card(student: Student, classroom: Classroom, pictures: number[]): LoginCard {
    return Object.assign(new LoginCard(), { student, classCode: displayClassCode(classroom.code), pictures });
  }

  /** A class the viewer may manage (its teacher, or an admin); NOT_FOUND when there is none. */
  private async readable(ctx: Context, rawId: string, field: string): Promise<Classroom> {
    const id = parseId(rawId, field);
    const viewer = requireSignedIn(ctx.viewer);
    if (viewer.role !== 'TEACHER' && viewer.role !== 'ADMIN') throw new ForbiddenError('Only the teacher of the class or an administrator can see it.');
    const classroom = await ctx.loaders.classroom.load(id);
    await requireClassroomAccess(ctx, classroom.id);
    return classroom;
  }
}

/** Every value of a loader for these keys, in their order (a key that has gone is left out). */
async function loadAll<V>(l: { loadMany(keys: readonly number[]): Promise<(V | Error)[]> }, keys: readonly number[]): Promise<V[]> {
  return (await l.loadMany(keys)).filter((v): v is V => !(v instanceof Error));
}

declare module '../context.js' {
  interface Services {
    schools: SchoolsService;
  }
}
