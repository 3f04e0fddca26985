/**
 * The namespaces of the shared cache and their TTLs. Two things are cached: the curriculum
 * (exercises/exercises.loaders.ts) and the student read model (student-model/). A key embeds the
 * versions its value was built from: a write bumps a version, old entries become unreachable.
 */
export const CACHE_NAMESPACES = {
  curriculum: { ttlSeconds: 24 * 3600, what: 'the exercise hierarchy: modules and exercises' },
  students: { ttlSeconds: 15 * 60, what: "students' profiles" },
  progress: { ttlSeconds: 3600, what: "students' progress" },
  sessions: { ttlSeconds: 15 * 60, what: "students' learning sessions" },
  schools: { ttlSeconds: 3600, what: "teachers' accounts with their classes, classes with their rosters" },
} as const;

export type Namespace = keyof typeof CACHE_NAMESPACES;
export const NAMESPACE_NAMES = Object.keys(CACHE_NAMESPACES) as Namespace[];

export function isNamespace(name: string): name is Namespace {
  return Object.hasOwn(CACHE_NAMESPACES, name);
}

/**
 * Version scopes: a write bumps the scope it makes stale, and every key built on it changes.
 *   epoch          everything (bumped when an instance reconnects to Redis after an outage)
 *   ns:<name>      one namespace (clearCache)
 *   curriculum     the curriculum (an import or change of exercises and modules)
 *   student:<id>   everything cached about one student (login, attempt, session, logout)
 */
export const scope = {
  epoch: 'epoch',
  namespace: (ns: Namespace) => `ns:${ns}`,
  curriculum: 'curriculum',
  student: (id: number) => `student:${id}`,
  /** A teacher's account and the list of its classes. */
  teacher: (id: number) => `teacher:${id}`,
  /** A class and its roster. */
  classroom: (id: number) => `classroom:${id}`,
} as const;

/** Scopes everyone reads (not one account's): while Redis is late, their last known token serves. */
export function isSharedScope(s: string): boolean {
  return s === scope.epoch || s === scope.curriculum || s.startsWith('ns:');
}

/** Every scope a teacher's request may read first (its account, for the token check), in one round trip. */
export function teacherRequestScopes(id: number): string[] {
  return [scope.epoch, ...NAMESPACE_NAMES.map(scope.namespace), scope.curriculum, scope.teacher(id)];
}

/** Every scope a student's request may read, read at its start in one round trip. */
export function studentRequestScopes(id: number): string[] {
  return [scope.epoch, ...NAMESPACE_NAMES.map(scope.namespace), scope.curriculum, scope.student(id)];
}

/** The student a scope made by scope.student belongs to. */
export function studentOfScope(s: string): number | undefined {
  const id = /^student:(\d+)$/.exec(s)?.[1];
  return id === undefined ? undefined : Number(id);
}

/** Namespaces whose entries one account's writes change: bypassed while Redis is unreachable. */
export const PER_ACCOUNT: ReadonlySet<Namespace> = new Set(['students', 'progress', 'sessions', 'schools']);
