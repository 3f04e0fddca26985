import { scope, type Namespace } from '../cache/namespaces.js';
import type { RequestCache } from '../cache/request-cache.js';
import { groupBy } from '../common/group-by.js';
import { loader, type Batching, type Loader } from '../common/loaders.js';
import { DAY_MS, type Clock } from '../common/time.js';
import type { Loaders, Repositories } from '../context.js';
import { indexById } from '../exercises/exercise-index.js';
import type { Progress, StudentWork } from '../progress/progress.type.js';
import type { LearningSession } from '../sessions/session.type.js';
import { Student, type AssignedModule } from '../students/student.type.js';

/**
 * The student read model: everything cached about a student (profile, progress rows with the
 * scheduler's state, the work ranking and stats are computed from, recent sessions) under one
 * version scope, and how a write replaces it: services ask it, and tell it after a write, and
 * never name a namespace, a scope or a key. One per request. docs/architecture.md, "The student
 * read model".
 */
export class StudentModel {
  private readonly profiles: Loader<number, Student>;
  private readonly rows: Loader<number, readonly Progress[]>;
  private readonly recent: Loader<SessionsKey, LearningSession[]>;
  private readonly works = new Map<number, Promise<StudentWork>>();

  constructor(
    private readonly cache: RequestCache,
    private readonly reads: () => Repositories, // a replica's until the request writes, then the primary's
    private readonly primary: Repositories,
    private readonly curriculum: Pick<Loaders, 'curriculum' | 'exercise'>,
    private readonly clock: Clock,
    options: Batching,
  ) {
    this.profiles = loader(options, (ids) => cache.rows('students', ids, KEY, (missing) => this.reads().students.byIds(missing), (s) => s.id, 'Student'));
    this.rows = loader(options, (ids) => cache.groups('progress', ids, KEY, (missing) => this.reads().progress.byStudentIds(missing), (p) => p.studentId));
    this.recent = loader(options, (keys) => this.loadSessions(keys), sessionsId);
  }

  /** The student's profile (NOT_FOUND when there is no such student). */
  profile(id: number): Promise<Student> {
    return this.profiles.load(id);
  }

  /** A profile read elsewhere in this request (a page of students): later reads use it. */
  knownProfile(student: Student): void {
    this.profiles.prime(student.id, student);
  }

  /** Every progress row of the student (one per exercise tried), with the scheduler's state. */
  progress(id: number): Promise<readonly Progress[]> {
    return this.rows.load(id);
  }

  /** The student's rows with the curriculum of its level: computed once per request and student. */
  work(student: Pick<Student, 'id' | 'level'>): Promise<StudentWork> {
    let work = this.works.get(student.id);
    if (!work) {
      work = this.buildWork(student);
      this.works.set(student.id, work);
      work.catch(() => this.works.delete(student.id));
    }
    return work;
  }

  /** Sessions started in the last `days` days, newest first. */
  sessions(studentId: number, days: number): Promise<LearningSession[]> {
    return this.recent.load({ studentId, days });
  }

  /** Read before a write: the version this request sees, and what is cached under it (`load`: rows read if not). */
  async beforeWrite(id: number, load = false): Promise<WriteBase | undefined> {
    const token = await this.cache.tokenOf(scope.student(id));
    if (!token) return undefined;
    const [student, rows] = load
      ? await Promise.all([this.profile(id).catch(() => undefined), this.progress(id)])
      : await Promise.all([this.peek<Student>('students', id), this.peek<readonly Progress[]>('progress', id)]);
    return { token, student, rows };
  }

  /**
   * After a write committed: everything cached about the student is stale, everywhere. What the
   * write knows (the profile it returned or left, the base's rows with the row it wrote) is written
   * through under the new version, when no other write came between (the version replaced is the
   * one the base was read under); else the rows are read back from the primary.
   */
  async written(id: number, change: { base: WriteBase | undefined; profile: Student | 'changed' | 'unchanged'; row?: Progress }): Promise<void> {
    const bumped = (await this.cache.invalidate([scope.student(id)])).get(scope.student(id));
    this.forget(id);
    const base = bumped && change.base?.token === bumped.previous ? change.base : undefined;
    let given = typeof change.profile === 'object' ? change.profile : undefined;
    // A row a write returned without its class's assignments takes them from the base, if it holds.
    if (given?.assignments === null) given = base?.student ? Object.assign(new Student(), given, { assignments: base.student.assignments }) : undefined;
    if (given) this.profiles.prime(id, given);
    if (!bumped) return; // no shared cache, or Redis could not say: later reads load what they need
    const student = given ?? (change.profile === 'unchanged' ? base?.student : undefined);
    let rows = base?.rows;
    if (change.row) rows = rows ? withRow(rows, change.row) : await this.primary.progress.byStudentIds([id]);
    if (rows) this.rows.prime(id, rows);
    if (student) await this.cache.put('students', [{ id: String(id), scopes: [scope.student(id)], value: student }]);
    if (rows) await this.cache.put('progress', [{ id: String(id), scopes: [scope.student(id)], value: rows }]);
  }

  /**
   * After a write that changed what many students' profiles hold (their class's assignments):
   * everything cached about them is stale, everywhere; nothing is written through.
   */
  async classWritten(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.cache.invalidate(ids.map((id) => scope.student(id)));
    for (const id of ids) this.forget(id);
  }

  /** The assignments of the student's class, from its profile (read again when a write's row lacked them). */
  async assignments(student: Student): Promise<readonly AssignedModule[]> {
    return student.assignments ?? (await this.profile(student.id)).assignments ?? [];
  }

  private forget(id: number): void {
    this.profiles.clear(id);
    this.rows.clear(id);
    this.recent.clearAll();
    this.works.delete(id);
  }

  /** What is cached for the student under this request's version, without reading the database. */
  private async peek<V>(namespace: Namespace, id: number): Promise<V | undefined> {
    const [value] = await this.cache.peek<number, V>(namespace, [id], KEY);
    return value;
  }

  /** Kept with the cached rows it was built on (shared until a write replaces them), as ranking and stats are with it. */
  private async buildWork(student: Pick<Student, 'id' | 'level'>): Promise<StudentWork> {
    const [progress, curriculum] = await Promise.all([this.progress(student.id), this.curriculum.curriculum.load(student.level)]);
    const kept = (progress as KeptRows)[WORK];
    if (kept?.curriculum === curriculum) return kept;
    const level = indexById(curriculum);
    const missing = progress.map((p) => p.exerciseId).filter((id) => !level.has(id));
    let exercises = level;
    if (missing.length > 0) {
      // Exercises of other levels (a student who moved up).
      const all = new Map(level);
      for (const e of await this.curriculum.exercise.loadMany(missing)) {
        if (!(e instanceof Error)) all.set(e.id, e);
      }
      exercises = all;
    }
    const work = { progress, curriculum, exercises };
    if (Object.isExtensible(progress)) Object.defineProperty(progress, WORK, { value: work, writable: true, configurable: true });
    return work;
  }

  /** Sessions per (student, days), through the cache: one query per distinct `days` for the misses. */
  private async loadSessions(keys: readonly SessionsKey[]): Promise<LearningSession[][]> {
    const lists = await this.cache.many<SessionsKey, LearningSession[]>('sessions', keys, { id: sessionsId, scopes: (k) => [scope.student(k.studentId)] }, async (missing) => {
      const now = this.clock.now().getTime();
      const found = new Map<string, LearningSession[]>(missing.map((k) => [sessionsId(k), []]));
      await Promise.all(
        [...groupBy(missing, (k) => k.days)].map(async ([days, ks]) => {
          const since = new Date(now - days * DAY_MS);
          for (const s of await this.reads().sessions.byStudentIdsSince(ks.map((k) => k.studentId), since)) found.get(`${s.studentId}:${days}`)?.push(s);
        }),
      );
      return missing.map((k) => found.get(sessionsId(k)) ?? []);
    });
    return lists.map((l) => l ?? []);
  }
}

/** What a write starts from (StudentModel.beforeWrite). */
export interface WriteBase {
  /** The student's version this request read. */
  token: string;
  student: Student | undefined;
  rows: readonly Progress[] | undefined;
}

interface SessionsKey {
  studentId: number;
  days: number;
}

const KEY = { id: (id: number) => String(id), scopes: (id: number) => [scope.student(id)] };

const WORK = Symbol('the work built on these rows');
type KeptRows = readonly Progress[] & { [WORK]?: StudentWork };

const sessionsId = (k: SessionsKey) => `${k.studentId}:${k.days}`;

/** Cached lists are never changed in place. */
function withRow(rows: readonly Progress[], row: Progress): Progress[] {
  const out = rows.filter((r) => r.exerciseId !== row.exerciseId);
  out.push(row);
  return out;
}

declare module '../context.js' {
  interface Context {
    /** This request's view of what is cached about students (student-model/student-model.ts). */
    studentModel: StudentModel;
  }
}
