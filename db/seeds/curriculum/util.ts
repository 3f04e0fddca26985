import type { Difficulty, ExerciseType, Level, Period, Subject } from '../../../src/db/database.js';
import type { CurriculumExercise, CurriculumModule } from '../curriculum.js';
import { hashString, Rng } from './prng.js';

export type Tier = 0 | 1 | 2;

/** What a subject file writes for one exercise; the module builder adds the rest. */
export interface Draft {
  title: string;
  instructions: string;
  type: ExerciseType;
  content: unknown;
  solution: unknown;
}

export interface MakeContext {
  rng: Rng;
  /** 0, 1, 2: the third of the module this exercise falls in (DECOUVERTE, CONSOLIDATION, MAITRISE). */
  tier: Tier;
  /** 0-based position in the module. */
  index: number;
}

export interface ModuleSpec {
  level: Level;
  subject: Subject;
  period: Period;
  slug: string;
  title: string;
  description: string;
  /** 6..15 exercises. */
  count: number;
  make: (ctx: MakeContext) => Draft;
}

const DIFFICULTIES: readonly Difficulty[] = ['DECOUVERTE', 'CONSOLIDATION', 'MAITRISE'];
const LEVELS: readonly Level[] = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'];
const BASE_MINUTES: Record<ExerciseType, number> = {
  QCM: 1,
  CALCUL: 1,
  CONJUGAISON: 1,
  TEXTE_LIBRE: 2,
  DRAG_DROP: 2,
  GEOMETRIE: 3,
  PROBLEME: 3,
  LECTURE: 4,
};
const LONGER: ReadonlySet<ExerciseType> = new Set(['GEOMETRIE', 'PROBLEME', 'LECTURE']);

/**
 * Two exercises are the same when they ask the same thing: same question with the same right
 * choice (whatever the distractors and their order), or the same items to put in order.
 */
export function exerciseIdentity(type: ExerciseType, content: unknown, solution: unknown): string {
  const c = { ...(content as Record<string, unknown>) };
  const choices = c.choices as { id: string; label: string }[] | undefined;
  if (choices) c.choices = choices.find((x) => x.id === (solution as { choice: string }).choice)?.label;
  const items = c.items as { label: string }[] | undefined;
  if (items) c.items = items.map((x) => x.label).sort();
  return JSON.stringify([type, c]);
}

const MAX_ATTEMPTS = 200;

export function buildModule(spec: ModuleSpec, sortOrder: number): CurriculumModule {
  const key = `${spec.level}-${spec.subject}-${spec.period}-${spec.slug}`;
  if (spec.count < 6 || spec.count > 15) throw new Error(`${key}: ${spec.count} exercises, expected 6..15`);
  // One PRNG per module, seeded by its key: modules do not shift when another one changes.
  const rng = new Rng(hashString(key));
  const seen = new Set<string>();
  const drafts: { draft: Draft; tier: Tier }[] = [];
  for (let index = 0; index < spec.count; index++) {
    const tier = Math.min(2, Math.floor((index * 3) / spec.count)) as Tier;
    let draft: Draft | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && draft === undefined; attempt++) {
      const candidate = spec.make({ rng, tier, index });
      const id = exerciseIdentity(candidate.type, candidate.content, candidate.solution);
      if (!seen.has(id)) {
        seen.add(id);
        draft = candidate;
      }
    }
    if (draft === undefined) throw new Error(`${key}: no distinct exercise found for #${index + 1}`);
    drafts.push({ draft, tier });
  }

  const titleTotals = new Map<string, number>();
  for (const { draft } of drafts) titleTotals.set(draft.title, (titleTotals.get(draft.title) ?? 0) + 1);
  const titleSeen = new Map<string, number>();
  const level = LEVELS.indexOf(spec.level);
  const exercises = drafts.map(({ draft, tier }, i): CurriculumExercise => {
    const n = (titleSeen.get(draft.title) ?? 0) + 1;
    titleSeen.set(draft.title, n);
    return {
      title: (titleTotals.get(draft.title) ?? 0) > 1 ? `${draft.title} — ${n}` : draft.title,
      instructions: draft.instructions,
      type: draft.type,
      difficulty: DIFFICULTIES[tier] as Difficulty,
      points: 10 + tier * 10 + level * 2 + (LONGER.has(draft.type) ? 4 : 0),
      estimatedMinutes: BASE_MINUTES[draft.type] + tier,
      sortOrder: i + 1,
      content: draft.content,
      solution: draft.solution,
    };
  });
  return {
    key,
    title: spec.title,
    description: spec.description,
    level: spec.level,
    subject: spec.subject,
    period: spec.period,
    sortOrder,
    exercises,
  };
}

// ---------------------------------------------------------------------------------------------
// Draft builders, one per answer shape. Choice and item ids follow the display order ('a' is shown
// first), so neither the ids nor their order say anything about the answer.

const IDS = 'abcdefghijkl';

export const SAY = {
  choose: 'Choisis la bonne réponse.',
  calc: 'Calcule le résultat.',
  write: 'Écris ta réponse.',
  order: 'Remets les étiquettes dans le bon ordre.',
  conj: 'Conjugue le verbe au temps demandé.',
  read: 'Lis le texte, puis réponds à la question.',
  geo: 'Observe la figure, puis calcule.',
  problem: 'Lis le problème, puis trouve la réponse.',
} as const;

function choices(rng: Rng, answer: string, wrong: readonly string[], maxWrong: number) {
  const others = [...new Set(wrong)].filter((w) => w.toLocaleLowerCase('fr') !== answer.toLocaleLowerCase('fr'));
  if (others.length === 0) throw new Error(`no wrong choice for « ${answer} »`);
  const shown = rng.sample(others, Math.min(maxWrong, others.length));
  shown.splice(rng.int(0, shown.length), 0, answer);
  const list = shown.map((label, i) => ({ id: IDS[i] as string, label }));
  const id = list.find((c) => c.label === answer)?.id as string;
  return { list, id };
}

export function qcm(
  rng: Rng,
  title: string,
  question: string,
  answer: string,
  wrong: readonly string[],
  instructions: string = SAY.choose,
  maxWrong = 3,
): Draft {
  const { list, id } = choices(rng, answer, wrong, maxWrong);
  return { title, instructions, type: 'QCM', content: { question, choices: list }, solution: { choice: id } };
}

export function lecture(
  rng: Rng,
  title: string,
  text: string,
  question: string,
  answer: string,
  wrong: readonly string[],
): Draft {
  const { list, id } = choices(rng, answer, wrong, 3);
  return { title, instructions: SAY.read, type: 'LECTURE', content: { text, question, choices: list }, solution: { choice: id } };
}

/** `labels` in the right order; they are shown shuffled, never already in order. */
export function order(rng: Rng, title: string, question: string, labels: readonly string[], instructions: string = SAY.order): Draft {
  if (new Set(labels.map((l) => l.toLocaleLowerCase('fr'))).size !== labels.length) {
    throw new Error(`ambiguous order, repeated label in ${labels.join(' | ')}`);
  }
  let shown = rng.shuffle(labels);
  while (shown.every((l, i) => l === labels[i])) shown = rng.shuffle(labels);
  const items = shown.map((label, i) => ({ id: IDS[i] as string, label }));
  const orderIds = labels.map((l) => items.find((x) => x.label === l)?.id as string);
  return { title, instructions, type: 'DRAG_DROP', content: { question, items }, solution: { order: orderIds } };
}

export function calcul(title: string, question: string, value: number, opts: { unit?: string; tolerance?: number; instructions?: string } = {}): Draft {
  return {
    title,
    instructions: opts.instructions ?? SAY.calc,
    type: 'CALCUL',
    content: opts.unit === undefined ? { question } : { question, unit: opts.unit },
    solution: opts.tolerance === undefined ? { value: round(value) } : { value: round(value), tolerance: opts.tolerance },
  };
}

export function geometrie(
  title: string,
  question: string,
  value: number,
  unit: string | undefined,
  figure?: { shape: string; dimensions: Record<string, number> },
  instructions: string = SAY.geo,
): Draft {
  const content: Record<string, unknown> = { question };
  if (unit !== undefined) content.unit = unit;
  if (figure !== undefined) content.figure = figure;
  return { title, instructions, type: 'GEOMETRIE', content, solution: { value: round(value) } };
}

export function probleme(title: string, statement: string, question: string, value: number, unit?: string): Draft {
  return {
    title,
    instructions: SAY.problem,
    type: 'PROBLEME',
    content: unit === undefined ? { statement, question } : { statement, question, unit },
    solution: { value: round(value) },
  };
}

export function texte(
  title: string,
  question: string,
  answer: string,
  opts: { accepted?: readonly string[]; hint?: string; ignoreAccents?: boolean; instructions?: string } = {},
): Draft {
  const content: Record<string, unknown> = { question };
  if (opts.hint !== undefined) content.hint = opts.hint;
  const solution: Record<string, unknown> = { text: answer };
  const accepted = (opts.accepted ?? []).filter((a) => a !== answer);
  if (accepted.length > 0) solution.accepted = [...new Set(accepted)];
  if (opts.ignoreAccents) solution.ignoreAccents = true;
  return { title, instructions: opts.instructions ?? SAY.write, type: 'TEXTE_LIBRE', content, solution };
}

/** Rounds away binary noise (0.1 + 0.2) so the stored value is the double a child's "0,3" parses to. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** French number writing: 12 345,5 (no-break space between thousands, decimal comma). */
export function fr(n: number): string {
  const [int = '', dec] = String(round(n)).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.length >= 4 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') : digits;
  return sign + grouped + (dec === undefined ? '' : `,${dec}`);
}

export interface Person {
  name: string;
  /** Subject pronoun. */
  il: 'il' | 'elle';
}

export const PEOPLE: readonly Person[] = [
  { name: 'Léa', il: 'elle' },
  { name: 'Hugo', il: 'il' },
  { name: 'Inès', il: 'elle' },
  { name: 'Nathan', il: 'il' },
  { name: 'Chloé', il: 'elle' },
  { name: 'Lucas', il: 'il' },
  { name: 'Jade', il: 'elle' },
  { name: 'Louis', il: 'il' },
  { name: 'Emma', il: 'elle' },
  { name: 'Gabriel', il: 'il' },
  { name: 'Manon', il: 'elle' },
  { name: 'Adam', il: 'il' },
  { name: 'Lina', il: 'elle' },
  { name: 'Jules', il: 'il' },
  { name: 'Zoé', il: 'elle' },
  { name: 'Noé', il: 'il' },
];

/** « de billes », « d'images », « d'Inès ». */
export function de(word: string): string {
  return /^[aeéèêiîouyhAEÉÈÊIÎOUYH]/.test(word) ? `d'${word}` : `de ${word}`;
}

/** « de » before a noun group with its article: du lapin, de la vache, de l'aigle, des loups. */
export function deLe(group: string): string {
  if (group.startsWith('le ')) return `du ${group.slice(3)}`;
  if (group.startsWith('les ')) return `des ${group.slice(4)}`;
  return `de ${group}`;
}

export function cap(s: string): string {
  return s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);
}

/** Picks a generator by tier: makers[tier], or one of the makers listed for that tier. */
export function byTier(ctx: MakeContext, makers: readonly (readonly ((ctx: MakeContext) => Draft)[])[]): Draft {
  const list = makers[ctx.tier] ?? makers[makers.length - 1] ?? [];
  return ctx.rng.pick(list)(ctx);
}
