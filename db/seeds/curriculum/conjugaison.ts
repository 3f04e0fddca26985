/**
 * A small conjugator for the verbs taught from CP to CM2: regular -er and -ir verbs are built by
 * rule, the irregular ones come from tables. Good enough for these verbs only; not a general one.
 */

export type Tense = 'présent' | 'imparfait' | 'futur' | 'passé composé' | 'passé simple' | 'plus-que-parfait';
export type Pronoun = 'je' | 'tu' | 'il' | 'elle' | 'nous' | 'vous' | 'ils' | 'elles';

export const PRONOUNS: readonly Pronoun[] = ['je', 'tu', 'il', 'elle', 'nous', 'vous', 'ils', 'elles'];
export const THIRD_PERSONS: readonly Pronoun[] = ['il', 'elle', 'ils', 'elles'];

/** « au présent », « à l'imparfait »... */
export function withArticle(tense: Tense): string {
  return tense === 'imparfait' ? "à l'imparfait" : `au ${tense}`;
}

const PERSON: Record<Pronoun, number> = { je: 0, tu: 1, il: 2, elle: 2, nous: 3, vous: 4, ils: 5, elles: 5 };

interface Verb {
  present: readonly string[];
  /** Stem of the future, e.g. 'ir' for aller. */
  future: string;
  participle: string;
  aux: 'avoir' | 'être';
  /** Passé simple, 3rd person singular and plural (the only ones taught in CM). */
  simple: readonly [string, string];
  /** Imparfait stem when it is not the « nous » form of the present minus -ons (être). */
  imperfect?: string;
}

const IRREGULAR: Record<string, Verb> = {
  être: { present: ['suis', 'es', 'est', 'sommes', 'êtes', 'sont'], future: 'ser', participle: 'été', aux: 'avoir', simple: ['fut', 'furent'], imperfect: 'ét' },
  avoir: { present: ['ai', 'as', 'a', 'avons', 'avez', 'ont'], future: 'aur', participle: 'eu', aux: 'avoir', simple: ['eut', 'eurent'] },
  aller: { present: ['vais', 'vas', 'va', 'allons', 'allez', 'vont'], future: 'ir', participle: 'allé', aux: 'être', simple: ['alla', 'allèrent'] },
  faire: { present: ['fais', 'fais', 'fait', 'faisons', 'faites', 'font'], future: 'fer', participle: 'fait', aux: 'avoir', simple: ['fit', 'firent'] },
  dire: { present: ['dis', 'dis', 'dit', 'disons', 'dites', 'disent'], future: 'dir', participle: 'dit', aux: 'avoir', simple: ['dit', 'dirent'] },
  venir: { present: ['viens', 'viens', 'vient', 'venons', 'venez', 'viennent'], future: 'viendr', participle: 'venu', aux: 'être', simple: ['vint', 'vinrent'] },
  prendre: { present: ['prends', 'prends', 'prend', 'prenons', 'prenez', 'prennent'], future: 'prendr', participle: 'pris', aux: 'avoir', simple: ['prit', 'prirent'] },
  pouvoir: { present: ['peux', 'peux', 'peut', 'pouvons', 'pouvez', 'peuvent'], future: 'pourr', participle: 'pu', aux: 'avoir', simple: ['put', 'purent'] },
  voir: { present: ['vois', 'vois', 'voit', 'voyons', 'voyez', 'voient'], future: 'verr', participle: 'vu', aux: 'avoir', simple: ['vit', 'virent'] },
  vouloir: { present: ['veux', 'veux', 'veut', 'voulons', 'voulez', 'veulent'], future: 'voudr', participle: 'voulu', aux: 'avoir', simple: ['voulut', 'voulurent'] },
  partir: { present: ['pars', 'pars', 'part', 'partons', 'partez', 'partent'], future: 'partir', participle: 'parti', aux: 'être', simple: ['partit', 'partirent'] },
};

/** -er verbs conjugated with être in the passé composé. */
const ETRE_ER = new Set(['arriver', 'tomber', 'rester', 'entrer', 'monter', 'rentrer']);

function firstGroup(inf: string): Verb {
  const stem = inf.slice(0, -2);
  // manger -> nous mangeons, commencer -> nous commençons: keep the soft g / c before a and o.
  const soft = (ending: string) =>
    /^[ao]/.test(ending) ? (stem.endsWith('g') ? `${stem}e` : stem.endsWith('c') ? `${stem.slice(0, -1)}ç` : stem) : stem;
  return {
    present: ['e', 'es', 'e', 'ons', 'ez', 'ent'].map((e) => soft(e) + e),
    future: inf,
    participle: `${stem}é`,
    aux: ETRE_ER.has(inf) ? 'être' : 'avoir',
    simple: [`${soft('a')}a`, `${stem}èrent`],
  };
}

function secondGroup(inf: string): Verb {
  const stem = inf.slice(0, -2);
  return {
    present: ['is', 'is', 'it', 'issons', 'issez', 'issent'].map((e) => stem + e),
    future: inf,
    participle: `${stem}i`,
    aux: 'avoir',
    simple: [`${stem}it`, `${stem}irent`],
  };
}

const SECOND_GROUP = new Set(['finir', 'choisir', 'grandir', 'réussir', 'remplir', 'obéir', 'rougir', 'applaudir']);

function verb(inf: string): Verb {
  const v = IRREGULAR[inf];
  if (v) return v;
  if (SECOND_GROUP.has(inf)) return secondGroup(inf);
  if (inf.endsWith('er')) return firstGroup(inf);
  throw new Error(`unknown verb ${inf}`);
}

function imperfect(v: Verb, p: number): string {
  const ending = ['ais', 'ais', 'ait', 'ions', 'iez', 'aient'][p] as string;
  let stem = v.imperfect ?? (v.present[3] as string).slice(0, -3);
  // mangeais but mangions, commençais but commencions.
  if (ending.startsWith('i')) stem = stem.replace(/ge$/, 'g').replace(/ç$/, 'c');
  return stem + ending;
}

const FUTURE_ENDINGS = ['ai', 'as', 'a', 'ons', 'ez', 'ont'];

/** Past participles that agree with the subject (auxiliary être), every spelling a child may mean. */
function agreed(participle: string, pronoun: Pronoun): string[] {
  const [m, f, mp, fp] = [participle, `${participle}e`, `${participle}s`, `${participle}es`];
  switch (pronoun) {
    case 'il':
      return [m];
    case 'elle':
      return [f];
    case 'ils':
      return [mp];
    case 'elles':
      return [fp];
    case 'je':
    case 'tu':
      return [m, f];
    case 'nous':
      return [mp, fp];
    case 'vous':
      return [mp, fp, m, f];
  }
}

/** The conjugated forms, without the pronoun; the first is the one shown as the answer. */
export function conjugate(inf: string, tense: Tense, pronoun: Pronoun): string[] {
  const v = verb(inf);
  const p = PERSON[pronoun];
  switch (tense) {
    case 'présent':
      return [v.present[p] as string];
    case 'imparfait':
      return [imperfect(v, p)];
    case 'futur':
      return [v.future + FUTURE_ENDINGS[p]];
    case 'passé simple':
      if (p !== 2 && p !== 5) throw new Error('passé simple: 3rd person only');
      return [v.simple[p === 2 ? 0 : 1]];
    case 'passé composé':
    case 'plus-que-parfait': {
      const aux = tense === 'passé composé' ? verb(v.aux).present[p] as string : imperfect(verb(v.aux), p);
      const participles = v.aux === 'être' ? agreed(v.participle, pronoun) : [v.participle];
      return participles.map((pp) => `${aux} ${pp}`);
    }
  }
}

/** « j'aime » but « je chante ». */
export function withPronoun(pronoun: Pronoun, form: string): string {
  return pronoun === 'je' && /^[aeéèêiouyh]/.test(form) ? `j'${form}` : `${pronoun} ${form}`;
}
