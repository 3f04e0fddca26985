import { conjugate, type Pronoun, PRONOUNS, type Tense, withArticle, withPronoun } from './conjugaison.js';
import { FEMININES, MEANINGS, NOUN_GROUPS, NOUNS, PLURALS, PREFIX_OPPOSITES, SENTENCES_COMPLEX, SENTENCES_LONG, SENTENCES_SHORT, SOUND_WORDS, SOUNDS_EASY, SOUNDS_HARD, startsWithVowel, SYLLABLE_WORDS } from './francais-mots.js';
import { FUNCTION_GROUPS, FUNCTIONS, HOMOPHONES, NATURE, SUBJECTS, TAGGED } from './francais-grammaire.js';
import type { Rng } from './prng.js';
import { cap, type Draft, type MakeContext, order, qcm, SAY, texte, type Tier } from './util.js';

/** Generators for the French modules; each returns one exercise. */

export function conj(verb: string, tense: Tense, pronoun: Pronoun): Draft {
  const forms = conjugate(verb, tense, pronoun);
  const [text, ...others] = forms as [string, ...string[]];
  return {
    title: `${cap(verb)} ${withArticle(tense)}`,
    instructions: SAY.conj,
    type: 'CONJUGAISON',
    content: { question: `Conjugue le verbe « ${verb} » ${withArticle(tense)} avec « ${pronoun} ».`, verb, tense, pronoun },
    // Accents count: « chantera » is not « chanterà ». The pronoun may be typed or not.
    solution: { text, accepted: [...others, ...forms.map((f) => withPronoun(pronoun, f))], ignoreAccents: false },
  };
}

export interface ConjTier {
  verbs: readonly string[];
  tenses: readonly Tense[];
  pronouns?: readonly Pronoun[];
}

/** Picks among the verbs used least so far (`used` lives as long as one module), for variety. */
export function conjFrom(rng: Rng, t: ConjTier, used: Map<string, number>): Draft {
  const least = Math.min(...t.verbs.map((v) => used.get(v) ?? 0));
  const verb = rng.pick(t.verbs.filter((v) => (used.get(v) ?? 0) === least));
  used.set(verb, least + 1);
  return conj(verb, rng.pick(t.tenses), rng.pick(t.pronouns ?? PRONOUNS));
}

export function sound({ rng, tier }: MakeContext): Draft {
  const target = rng.pick(tier === 0 ? SOUNDS_EASY : SOUNDS_HARD);
  const has = SOUND_WORDS.filter(([, s]) => s.includes(target));
  const hasNot = SOUND_WORDS.filter(([w, s]) => !s.includes(target) && !w.includes(target) && !(target === 'a' && s.includes('oi')));
  const [word] = rng.pick(has);
  return qcm(rng, `Le son « ${target} »`, `Dans quel mot entends-tu le son « ${target} » ?`, word, hasNot.map(([w]) => w), 'Lis les mots à voix haute et choisis.');
}

export function syllables({ rng, tier }: MakeContext): Draft {
  const pool = SYLLABLE_WORDS.filter(([s]) => (tier === 0 ? s.length === 2 : tier === 1 ? s.length === 3 : s.length >= 4));
  const [parts, clue] = rng.pick(pool);
  return order(rng, 'Les syllabes', `Range les syllabes pour écrire le mot : ${clue}.`, parts, 'Remets les syllabes dans l\'ordre.');
}

const POOLS = { short: SENTENCES_SHORT, long: SENTENCES_LONG, complex: SENTENCES_COMPLEX } as const;

/** A sentence from `pool`; within it, longer sentences for higher tiers. */
export function sentenceOrder({ rng, tier }: MakeContext, pool: keyof typeof POOLS): Draft {
  const byLength = [...POOLS[pool]].sort((a, b) => a.split(' ').length - b.split(' ').length);
  const third = Math.ceil(byLength.length / 3);
  const sentence = rng.pick(byLength.slice(tier * third, (tier + 1) * third));
  return order(rng, 'Remettre une phrase en ordre', 'Remets les mots dans l\'ordre pour écrire une phrase correcte.', sentence.split(' '), 'Fais glisser les mots pour former la phrase.');
}

const PICTURES: readonly [string, string, 'm' | 'f', Tier][] = [
  ['🐱', 'chat', 'm', 0], ['🌙', 'lune', 'f', 0], ['🚲', 'vélo', 'm', 0], ['🐭', 'souris', 'f', 0], ['🦁', 'lion', 'm', 0], ['🍎', 'pomme', 'f', 0],
  ['🐰', 'lapin', 'm', 1], ['🏠', 'maison', 'f', 1], ['🐟', 'poisson', 'm', 1], ['🐮', 'vache', 'f', 1], ['🌳', 'arbre', 'm', 1], ['🌸', 'fleur', 'f', 1],
  ['🐸', 'grenouille', 'f', 2], ['🐦', 'oiseau', 'm', 2], ['🚗', 'voiture', 'f', 2], ['🐴', 'cheval', 'm', 2], ['🥕', 'carotte', 'f', 2], ['⭐', 'étoile', 'f', 2],
];

export function pictureWord({ rng, tier }: MakeContext): Draft {
  const [emoji, word, g] = rng.pick(PICTURES.filter((p) => p[3] === tier));
  const articles = g === 'm' ? ['un', 'le'] : ['une', 'la'];
  const accepted = articles.map((a) => (a.length === 2 && startsWithVowel(word) ? `l'${word}` : `${a} ${word}`));
  return texte('Écrire un mot', `Écris le nom de ce que tu vois : ${emoji}`, word, { accepted, instructions: 'Regarde l\'image et écris le mot.' });
}

export function article({ rng, tier }: MakeContext): Draft {
  const [noun, g] = rng.pick(NOUNS);
  if (tier < 2) {
    return qcm(rng, 'Un ou une ?', `Quel petit mot va devant « ${noun} » ?`, g === 'm' ? 'un' : 'une', [g === 'm' ? 'une' : 'un']);
  }
  const right = startsWithVowel(noun) ? 'l\'' : g === 'm' ? 'le' : 'la';
  return qcm(rng, 'Le, la ou l\' ?', `Quel petit mot va devant « ${noun} » ?`, right, ['le', 'la', 'l\''].filter((x) => x !== right));
}

const FEMININE_NOUNS = new Set(['fleur', 'table', 'pomme']);

export function plural({ rng, tier }: MakeContext, maxTier: Tier = 2): Draft {
  const t = Math.min(tier, maxTier);
  const [one, many] = rng.pick(PLURALS.filter((p) => p[2] === t));
  const det = FEMININE_NOUNS.has(one) ? 'une' : 'un';
  return texte('Le pluriel des noms', `Écris le nom au pluriel : ${det} ${one} → des …`, many, { accepted: [`des ${many}`] });
}

export function feminine({ rng, tier }: MakeContext): Draft {
  const [m, f] = rng.pick(FEMININES.filter((x) => x[2] === tier));
  const accepted = f === 'fraîche' ? ['fraiche'] : [];
  return texte('Le féminin des adjectifs', `Écris l'adjectif « ${m} » au féminin.`, f, { accepted, hint: 'Pense à : un garçon …, une fille …' });
}

export function nounGroup({ rng, tier }: MakeContext): Draft {
  const [one, many] = rng.pick(NOUN_GROUPS.filter((x) => x[2] === tier));
  return texte('Les accords dans le groupe nominal', `Écris ce groupe nominal au pluriel : ${one}.`, many, { hint: 'Accorde le nom et l\'adjectif.' });
}

function parseTagged(line: string): [string, string][] {
  return line.split(' ').map((w) => w.split(':') as [string, string]);
}

export function nature({ rng, tier }: MakeContext, tags: readonly string[]): Draft {
  const words = parseTagged(rng.pick(TAGGED));
  const sentence = `${words.map(([w]) => w).join(' ')}.`;
  if (tier < 2) {
    const tag = rng.pick(tags.filter((t) => words.some(([, wt]) => wt === t)));
    const right = rng.pick(words.filter(([, wt]) => wt === tag))[0];
    return qcm(rng, 'La nature des mots', `Dans la phrase « ${sentence} », quel mot est ${NATURE[tag]} ?`, right, words.filter(([, wt]) => wt !== tag).map(([w]) => w));
  }
  const [word, tag] = rng.pick(words.filter(([, t]) => tags.includes(t)));
  return qcm(rng, 'La nature des mots', `Dans la phrase « ${sentence} », quelle est la nature du mot « ${word} » ?`, NATURE[tag] as string, tags.filter((t) => t !== tag).map((t) => NATURE[t] as string));
}

export function homophone(rng: Rng, pair: keyof typeof HOMOPHONES): Draft {
  const [options, sentences] = HOMOPHONES[pair] as (typeof HOMOPHONES)[string];
  const [sentence, right] = rng.pick(sentences);
  return qcm(rng, `Les homophones ${pair}`, `Complète la phrase : « ${sentence.replace('___', '…')} »`, right, options.filter((o) => o !== right), 'Choisis le mot qui convient.');
}

export function meaning(rng: Rng, kind: 'synonyme' | 'contraire'): Draft {
  const [word, syn, ant, others] = rng.pick(MEANINGS);
  if (kind === 'synonyme') return qcm(rng, 'Les synonymes', `Quel mot a presque le même sens que « ${word} » ?`, syn, [ant, ...others]);
  return qcm(rng, 'Les contraires', `Quel est le contraire de « ${word} » ?`, ant, [syn, ...others]);
}

export function prefixOpposite({ rng, tier }: MakeContext): Draft {
  const [word, opposite] = rng.pick(PREFIX_OPPOSITES.filter((x) => x[2] === tier));
  return texte('Les préfixes', `Écris le contraire de « ${word} » en ajoutant un préfixe.`, opposite, { hint: 'Les préfixes in-, im-, il-, ir-, dé-, dés-, mé-, mal- veulent souvent dire « le contraire de ».' });
}

export function subject({ rng, tier }: MakeContext): Draft {
  const [sentence, verb, subj, wrong] = rng.pick(SUBJECTS.filter((x) => x[4] === tier));
  return qcm(rng, 'Le sujet du verbe', `Dans la phrase « ${sentence} », quel est le sujet du verbe « ${verb} » ?`, subj, wrong, 'Pose la question « Qui est-ce qui ? » devant le verbe.');
}

export function grammaticalFunction({ rng, tier }: MakeContext): Draft {
  const [sentence, group, key] = rng.pick(FUNCTION_GROUPS.filter((x) => x[3] === tier));
  const all = Object.values(FUNCTIONS);
  return qcm(rng, 'Les fonctions dans la phrase', `Dans la phrase « ${sentence} », quelle est la fonction du groupe « ${group} » ?`, FUNCTIONS[key], all.filter((f) => f !== FUNCTIONS[key]));
}
