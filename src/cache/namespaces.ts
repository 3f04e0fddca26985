/**
 * Every namespace of the shared cache, with its TTL, in one place. Two things are cached: the
 * curriculum (exercises/exercises.loaders.ts), shared by everyone, and what the student read model
 * keeps of each student (student-model/), each under one version scope.
 *
 * Values are never updated in place: a key embeds the versions of what it was computed from
 * (see request-cache.ts), so a write bumps a version and the old entries become unreachable on
 * every instance at once, then age out by TTL or LRU.
 */
export const CACHE_NAMESPACES = {
  /** Modules, a level's exercises, exercises by id. Changes only with the curriculum. */
  curriculum: { ttlSeconds: 24 * 3600, what: 'the exercise hierarchy: modules and exercises' },
  /** A student's profile row: points, streak, last activity, token version. */
  students: { ttlSeconds: 15 * 60, what: "students' profiles" },
  /** A student's progress rows, with the scheduler's state. */
  progress: { ttlSeconds: 3600, what: "students' progress" },
  /** A student's recent sessions. */
  sessions: { ttlSeconds: 15 * 60, what: "students' learning sessions" },
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
} as const;

/**
 * Every scope a student's own request may read a token of, read together at the start of the
 * request (one Redis round trip) instead of one batch for the token check and another for the rest.
 */
export function studentRequestScopes(id: number): string[] {
  return [scope.epoch, ...NAMESPACE_NAMES.map(scope.namespace), scope.curriculum, scope.student(id)];
}

/** The student a scope made by scope.student belongs to. */
export function studentOfScope(s: string): number | undefined {
  const id = /^student:(\d+)$/.exec(s)?.[1];
  return id === undefined ? undefined : Number(id);
}

/** Namespaces whose entries belong to one student: bypassed while Redis is unreachable. */
export const PER_STUDENT: ReadonlySet<Namespace> = new Set(['students', 'progress', 'sessions']);
