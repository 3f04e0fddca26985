import type { Level, Subject } from '../common/enums.js';

/** What the curriculum's lists hold now (ExercisesRepository.listSizes). */
export interface CurriculumListSizes {
  modules: readonly { level: Level; subject: Subject; count: number }[];
  /** Active exercises of active modules. */
  exercises: number;
}

/**
 * The real sizes of the lists an operation's cost depends on (process scope): the curriculum's,
 * read at start and again whenever the curriculum watcher sees it change. Until they are read,
 * generous guesses stand in, so an unknown curriculum is never taken for an empty one.
 */
export class ListSizes {
  private byLevelSubject = new Map<string, number>();
  private total = 0;
  private perModule = 0;
  private known = false;

  /** Active modules `modules(level, subject)` returns. */
  modules(level: Level | null | undefined, subject: Subject | null | undefined): number {
    if (!this.known) return UNKNOWN_MODULES;
    if (!level && !subject) return this.total;
    let n = 0;
    for (const [key, count] of this.byLevelSubject) {
      const [l, s] = key.split('/');
      if ((!level || l === level) && (!subject || s === subject)) n += count;
    }
    return n;
  }

  /**
   * The exercises `Module.exercises` returns, on average: under `modules` that is exactly the
   * curriculum's count; a cycle through one large module is underestimated by its ratio to the
   * mean per level of nesting, which the depth limit and the response bound keep small.
   */
  get exercisesPerModule(): number {
    return this.known ? this.perModule : UNKNOWN_EXERCISES_PER_MODULE;
  }

  update(sizes: CurriculumListSizes): void {
    this.byLevelSubject = new Map(sizes.modules.map((m) => [`${m.level}/${m.subject}`, m.count]));
    this.total = sizes.modules.reduce((n, m) => n + m.count, 0);
    this.perModule = this.total === 0 ? 0 : Math.ceil(sizes.exercises / this.total);
    this.known = true;
  }
}

// Before the curriculum is read (or when it cannot be): more than a curriculum of this service holds.
const UNKNOWN_MODULES = 500;
const UNKNOWN_EXERCISES_PER_MODULE = 60;
