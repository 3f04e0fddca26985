import { CACHE_NAMESPACES, scope } from '../cache/namespaces.js';
import { loader, type LoaderOptions } from '../cache/loaders.js';
import type { Clock } from '../common/time.js';
import { ProgressStatus } from '../common/enums.js';
import type { ExerciseLoaders } from '../exercises/exercises.loaders.js';
import type { ProgressLoaders } from '../progress/progress.loaders.js';
import { loadStudentWork, type StudentWork } from '../progress/student-work.js';
import type { StudentLoaders } from '../students/students.loaders.js';
import { rankRecommendations, type RankedExercise } from './ranking.js';

export interface CachedRanking {
  ranked: RankedExercise[];
  /** When the next review falls due: the ranking changes then, whatever else happens. */
  validUntil: number;
}

/** How a student's ranking is keyed in the cache (the loader reads it, a write refreshes it). */
export const rankingKey = { id: (id: number) => String(id), scopes: (id: number) => [scope.work(id), scope.curriculum] };

const MAX_TTL_MS = CACHE_NAMESPACES.recommendations.ttlSeconds * 1000;

/** A student's ranking as cached: valid until the next review falls due, or the namespace TTL. */
export function rankingOf(work: StudentWork, now: number): CachedRanking {
  const upcoming = work.progress
    .filter((p) => (p.status === ProgressStatus.COMPLETED || p.status === ProgressStatus.MASTERED) && p.nextReviewAt !== null && p.nextReviewAt > now)
    .map((p) => p.nextReviewAt!);
  return { ranked: rankRecommendations(work, new Date(now)), validUntil: Math.min(now + MAX_TTL_MS, ...upcoming) };
}

/** How long a ranking may be cached from `now`. */
export function rankingTtlMs(r: CachedRanking, now: number): number {
  return Math.max(1, Math.min(MAX_TTL_MS, r.validUntil - now));
}

export function createRecommendationLoaders(base: StudentLoaders & ExerciseLoaders & ProgressLoaders, clock: Clock, options: LoaderOptions) {
  return {
    /** A student's whole ranking, cached until its work or the curriculum changes, or a review falls due. */
    rankingByStudent: loader<number, RankedExercise[]>(options, async (ids) => {
      const now = clock.now().getTime();
      const rankings = await options.cache.many<number, CachedRanking>(
        'recommendations',
        ids,
        { ...rankingKey, ttlMs: (r) => rankingTtlMs(r, now) },
        (missing) => Promise.all(missing.map(compute)),
      );
      // TTLs run on the machine's clock; the service's clock decides when a review is due.
      return Promise.all(rankings.map(async (r, i) => (r && r.validUntil > now ? r : await compute(ids[i]!)).ranked));

      async function compute(id: number): Promise<CachedRanking> {
        return rankingOf(await loadStudentWork(base, await base.student.load(id)), now);
      }
    }),
  };
}
export type RecommendationLoaders = ReturnType<typeof createRecommendationLoaders>;

declare module '../context.js' {
  interface Loaders extends RecommendationLoaders {}
}
