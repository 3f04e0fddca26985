import type { Level, Period, Subject } from '../../../src/db/database.js';
import type { Rng } from './prng.js';
import { type Draft, type MakeContext, type ModuleSpec, order, qcm, texte } from './util.js';

/** Helpers for modules built from banks of facts rather than computed numbers. */

export type Maker = (ctx: MakeContext) => Draft;
export type Tiers = readonly (readonly Maker[])[];

export function moduleOf(subject: Subject) {
  return (level: Level, period: Period, slug: string, title: string, description: string, count: number, tiers: Tiers): ModuleSpec => ({
    level,
    subject,
    period,
    slug,
    title,
    description,
    count,
    make: (ctx) => ctx.rng.pick(tiers[ctx.tier] as readonly Maker[])(ctx),
  });
}

/** [question, right answer, wrong answers]. */
export type Fact = readonly [string, string, readonly string[]];

export function ask(title: string, facts: readonly Fact[]): Maker[] {
  return facts.map(([q, a, w]) => ({ rng }) => qcm(rng, title, q, a, w));
}

/**
 * [question, answer, other accepted answers]. An answer written with its article (« le coude »,
 * « l'épaule », « les poumons ») is stored bare (coude), with the article forms accepted too.
 */
export type Written = readonly [string, string, (readonly string[])?];

const ARTICLE = /^(le |la |les |l'|un |une |des )/;
const INDEFINITE: Record<string, string[]> = { 'le ': ['un '], 'la ': ['une ', 'de la '], 'les ': ['des '], "l'": [], 'un ': ['le '], 'une ': ['la '], 'des ': ['les '] };

export function write(title: string, items: readonly Written[], opts: { ignoreAccents?: boolean; hint?: string } = {}): Maker[] {
  return items.map(([q, a, more = []]) => () => {
    const article = ARTICLE.exec(a)?.[0];
    const bare = article ? a.slice(article.length) : a;
    const forms = article ? [a, ...(INDEFINITE[article] ?? []).map((x) => x + bare)] : [];
    return texte(title, q, bare, { accepted: [...forms, ...more], ignoreAccents: opts.ignoreAccents ?? false, ...(opts.hint ? { hint: opts.hint } : {}) });
  });
}

/**
 * `size` items of `labels`, kept in their relative order, to be put back in order. A cycle (seasons,
 * water) keeps its first step, or it would have no start and more than one right answer.
 */
export function sequence(rng: Rng, title: string, question: string, labels: readonly string[], size: number, keepFirst = false): Draft {
  const from = keepFirst ? 1 : 0;
  const rest = labels.map((_, i) => i).slice(from);
  const keep = new Set([...(keepFirst ? [0] : []), ...rng.sample(rest, Math.min(size, labels.length) - from)]);
  return order(rng, title, question, labels.filter((_, i) => keep.has(i)));
}

/** A QCM « which X is Y ? » from a classified list: the right one has `cls`, the wrong ones do not. */
export function classify<T extends string>(rng: Rng, title: string, question: string, items: readonly (readonly [string, T])[], cls: T): Draft {
  const right = rng.pick(items.filter(([, c]) => c === cls))[0];
  return qcm(rng, title, question, right, items.filter(([, c]) => c !== cls).map(([x]) => x));
}
