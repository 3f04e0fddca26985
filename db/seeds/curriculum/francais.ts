import type { Level, Period } from '../../../src/db/database.js';
import { THIRD_PERSONS } from './conjugaison.js';
import * as F from './francais-gen.js';
import { lectureModule, textsModule } from './francais-lecture.js';
import { CM1_P1, CM1_P5, CM2_P1, CM2_P5 } from './francais-textes.js';
import type { Draft, MakeContext, ModuleSpec } from './util.js';

/** Français: reading, conjugation, spelling, vocabulary and grammar, CP to CM2. */

type Maker = (ctx: MakeContext) => Draft;

function mod(level: Level, period: Period, slug: string, title: string, description: string, count: number, tiers: readonly (readonly Maker[])[]): ModuleSpec {
  return { level, subject: 'FRANCAIS', period, slug, title, description, count, make: (ctx) => ctx.rng.pick(tiers[ctx.tier] as readonly Maker[])(ctx) };
}

function conjModule(level: Level, period: Period, slug: string, title: string, description: string, tiers: readonly [F.ConjTier, F.ConjTier, F.ConjTier]): ModuleSpec {
  const used = new Map<string, number>();
  return { level, subject: 'FRANCAIS', period, slug, title, description, count: 12, make: ({ rng, tier }) => F.conjFrom(rng, tiers[tier], used) };
}

const ER = ['chanter', 'jouer', 'parler', 'danser', 'regarder', 'marcher', 'dessiner', 'sauter'];
const ER_VOWEL = ['aimer', 'écouter', 'arriver', 'habiter', 'aider'];
const ER_SOFT = ['manger', 'commencer', 'nager', 'lancer', 'ranger', 'avancer'];
const SECOND = ['finir', 'choisir', 'grandir', 'réussir', 'remplir', 'obéir'];
const ETRE_VERBS = ['aller', 'venir', 'partir', 'arriver', 'tomber', 'rester', 'entrer', 'monter'];
const IRR_1 = ['aller', 'faire', 'dire', 'venir'];
const IRR_2 = ['prendre', 'pouvoir', 'voir', 'vouloir'];

export function francaisModules(): ModuleSpec[] {
  return [
    // ---- CP
    mod('CP', 'P1', 'les-sons', 'Les sons', 'Entendre les voyelles, puis les sons ch, ou, on, an, in, oi.', 12, [[F.sound], [F.sound], [F.sound]]),
    lectureModule('CP', 'P1', 9, 'Je lis de petites histoires', 'Lire trois phrases et retrouver qui, où, quoi.'),
    mod('CP', 'P2', 'les-syllabes', 'Les syllabes', 'Assembler des syllabes pour écrire des mots de plus en plus longs.', 12, [[F.syllables], [F.syllables], [F.syllables]]),
    lectureModule('CP', 'P2', 9, 'Je lis et je comprends', 'Lire une courte histoire et répondre à une question.'),
    mod('CP', 'P3', 'remettre-en-ordre', 'Remettre une phrase en ordre', 'Une phrase commence par une majuscule et finit par un point.', 9, [[(c) => F.sentenceOrder(c, 'short')], [(c) => F.sentenceOrder(c, 'short')], [(c) => F.sentenceOrder(c, 'short')]]),
    mod('CP', 'P3', 'ecrire-des-mots', 'J\'écris des mots', 'Écrire le nom d\'un animal ou d\'un objet familier.', 12, [[F.pictureWord], [F.pictureWord], [F.pictureWord]]),
    mod('CP', 'P4', 'un-ou-une', 'Un, une, le, la', 'Choisir le bon déterminant devant un nom.', 12, [[F.article], [F.article], [F.article]]),
    lectureModule('CP', 'P4', 9, 'Je lis tout seul', 'Lire une courte histoire et trouver les informations.'),
    mod('CP', 'P5', 'le-pluriel', 'Un, des : le pluriel', 'Mettre un nom au pluriel : le plus souvent, on ajoute un s.', 12, [[(c) => F.plural(c, 1)], [(c) => F.plural(c, 1)], [(c) => F.plural(c, 1)]]),
    conjModule('CP', 'P5', 'etre-et-avoir', 'Être et avoir au présent', 'Conjuguer être et avoir au présent.', [
      { verbs: ['être'], tenses: ['présent'] }, { verbs: ['avoir'], tenses: ['présent'] }, { verbs: ['être', 'avoir'], tenses: ['présent'] },
    ]),

    // ---- CE1
    conjModule('CE1', 'P1', 'le-present', 'Le présent : être, avoir et les verbes en -er', 'Conjuguer être, avoir et les verbes en -er au présent.', [
      { verbs: ['être', 'avoir'], tenses: ['présent'] }, { verbs: ER, tenses: ['présent'] }, { verbs: ER_VOWEL, tenses: ['présent'] },
    ]),
    lectureModule('CE1', 'P1', 12, 'Lire des histoires', 'Lire un texte de quelques phrases et répondre aux questions.'),
    conjModule('CE1', 'P2', 'present-verbes-en-er', 'Les verbes en -er au présent', 'Bien écrire la terminaison, même avec nous mangeons et nous commençons.', [
      { verbs: ER, tenses: ['présent'] }, { verbs: ER_VOWEL, tenses: ['présent'] }, { verbs: ER_SOFT, tenses: ['présent'], pronouns: ['nous', 'je', 'ils', 'vous'] },
    ]),
    mod('CE1', 'P2', 'nature-des-mots', 'Nom, verbe, déterminant', 'Reconnaître le verbe, le nom et le déterminant dans une phrase.', 12, [
      [(c) => F.nature(c, ['V'])], [(c) => F.nature(c, ['N', 'D'])], [(c) => F.nature(c, ['N', 'V', 'D'])],
    ]),
    conjModule('CE1', 'P3', 'present-aller-faire-dire-venir', 'Aller, faire, dire, venir au présent', 'Conjuguer quatre verbes très utilisés au présent.', [
      { verbs: ['aller', 'faire'], tenses: ['présent'] }, { verbs: ['dire', 'venir'], tenses: ['présent'] }, { verbs: [...IRR_1, 'être', 'avoir'], tenses: ['présent'] },
    ]),
    mod('CE1', 'P3', 'pluriel-des-noms', 'Le pluriel des noms', 'Noms en -s, en -x, et noms qui ne changent pas.', 12, [[(c) => F.plural(c)], [(c) => F.plural(c)], [(c) => F.plural(c)]]),
    conjModule('CE1', 'P4', 'le-futur', 'Le futur', 'Conjuguer les verbes en -er, être et avoir au futur.', [
      { verbs: ER, tenses: ['futur'] }, { verbs: ['être', 'avoir'], tenses: ['futur'] }, { verbs: ['aller', 'faire', ...ER_VOWEL], tenses: ['futur'] },
    ]),
    mod('CE1', 'P4', 'a-ou-a', 'a ou à ?', 'Choisir entre a (verbe avoir) et à.', 12, [[({ rng }) => F.homophone(rng, 'a/à')], [({ rng }) => F.homophone(rng, 'a/à')], [({ rng }) => F.homophone(rng, 'a/à')]]),
    mod('CE1', 'P5', 'construire-des-phrases', 'Construire des phrases', 'Remettre dans l\'ordre les mots d\'une phrase.', 9, [[(c) => F.sentenceOrder({ ...c, tier: 2 }, 'short')], [(c) => F.sentenceOrder({ ...c, tier: 0 }, 'long')], [(c) => F.sentenceOrder({ ...c, tier: 1 }, 'long')]]),
    lectureModule('CE1', 'P5', 12, 'Lire et comprendre', 'Lire des récits et des textes documentaires.'),

    // ---- CE2
    conjModule('CE2', 'P1', 'present-3e-groupe', 'Le présent des verbes irréguliers', 'Faire, aller, dire, venir, prendre, voir, pouvoir, vouloir, et les verbes comme finir.', [
      { verbs: IRR_1, tenses: ['présent'] }, { verbs: IRR_2, tenses: ['présent'] }, { verbs: [...IRR_1, ...IRR_2, ...SECOND], tenses: ['présent'] },
    ]),
    lectureModule('CE2', 'P1', 12, 'Lire des textes variés', 'Comprendre un récit ou un texte documentaire.'),
    conjModule('CE2', 'P2', 'imparfait', 'L\'imparfait', 'Conjuguer à l\'imparfait : -ais, -ais, -ait, -ions, -iez, -aient.', [
      { verbs: ['être', 'avoir', ...ER], tenses: ['imparfait'] }, { verbs: IRR_1, tenses: ['imparfait'] }, { verbs: [...ER_SOFT, ...IRR_2], tenses: ['imparfait'] },
    ]),
    mod('CE2', 'P2', 'et-est-son-sont', 'et / est, son / sont', 'Distinguer les homophones grammaticaux.', 12, [
      [({ rng }) => F.homophone(rng, 'et/est')], [({ rng }) => F.homophone(rng, 'son/sont')], [({ rng }) => F.homophone(rng, rng.pick(['et/est', 'son/sont']))],
    ]),
    conjModule('CE2', 'P3', 'le-futur', 'Le futur', 'Conjuguer au futur les verbes en -er et les verbes irréguliers.', [
      { verbs: [...ER, ...ER_VOWEL], tenses: ['futur'] }, { verbs: ['être', 'avoir', 'aller', 'faire'], tenses: ['futur'] }, { verbs: ['venir', 'dire', ...IRR_2], tenses: ['futur'] },
    ]),
    mod('CE2', 'P3', 'feminin-des-adjectifs', 'Le féminin des adjectifs', 'Accorder un adjectif au féminin : -e, -ère, -euse, -ive, consonne doublée.', 12, [[F.feminine], [F.feminine], [F.feminine]]),
    conjModule('CE2', 'P4', 'passe-compose', 'Le passé composé', 'Auxiliaire avoir ou être et participe passé.', [
      { verbs: ER, tenses: ['passé composé'] }, { verbs: ['être', 'avoir', 'faire', 'dire', 'prendre', 'voir'], tenses: ['passé composé'] }, { verbs: ['aller', 'venir', 'arriver', 'partir'], tenses: ['passé composé'] },
    ]),
    mod('CE2', 'P4', 'classes-de-mots', 'Nom, verbe, déterminant, adjectif', 'Reconnaître la nature des mots dans une phrase.', 12, [
      [(c) => F.nature(c, ['V', 'N'])], [(c) => F.nature(c, ['D', 'A'])], [(c) => F.nature(c, ['N', 'V', 'D', 'A'])],
    ]),
    lectureModule('CE2', 'P5', 12, 'Lire pour apprendre', 'Lire des récits et des documentaires, et savoir en tirer des informations.'),
    mod('CE2', 'P5', 'accords-dans-le-groupe-nominal', 'Les accords dans le groupe nominal', 'Accorder le déterminant, le nom et l\'adjectif au pluriel.', 12, [[F.nounGroup], [F.nounGroup], [F.nounGroup]]),

    // ---- CM1
    conjModule('CM1', 'P1', 'present-et-imparfait', 'Présent et imparfait', 'Réviser le présent et l\'imparfait de tous les groupes.', [
      { verbs: [...SECOND, ...IRR_1], tenses: ['présent'] }, { verbs: [...SECOND, ...IRR_2, 'partir'], tenses: ['imparfait'] }, { verbs: [...ER_SOFT, ...IRR_2, 'partir'], tenses: ['présent', 'imparfait'] },
    ]),
    textsModule('CM1', 'P1', 'Lire des récits et des documentaires', 'Comprendre un texte, repérer les détails et faire des déductions.', CM1_P1),
    conjModule('CM1', 'P2', 'passe-compose', 'Le passé composé avec être et avoir', 'Choisir l\'auxiliaire et accorder le participe passé avec être.', [
      { verbs: [...ER, ...SECOND, 'faire', 'prendre'], tenses: ['passé composé'] }, { verbs: ETRE_VERBS, tenses: ['passé composé'], pronouns: THIRD_PERSONS }, { verbs: ETRE_VERBS, tenses: ['passé composé'] },
    ]),
    mod('CM1', 'P2', 'ou-ou-on-ont', 'ou / où, on / ont', 'Distinguer les homophones grammaticaux.', 12, [
      [({ rng }) => F.homophone(rng, 'ou/où')], [({ rng }) => F.homophone(rng, 'on/ont')], [({ rng }) => F.homophone(rng, rng.pick(['ou/où', 'on/ont']))],
    ]),
    conjModule('CM1', 'P3', 'le-futur', 'Le futur de l\'indicatif', 'Conjuguer au futur les verbes des trois groupes.', [
      { verbs: [...ER, ...SECOND], tenses: ['futur'] }, { verbs: ['être', 'avoir', 'aller', 'faire'], tenses: ['futur'] }, { verbs: ['venir', 'dire', 'partir', ...IRR_2], tenses: ['futur'] },
    ]),
    mod('CM1', 'P3', 'synonymes-et-contraires', 'Synonymes et contraires', 'Trouver un mot de sens proche ou de sens contraire.', 12, [
      [({ rng }) => F.meaning(rng, 'contraire')], [({ rng }) => F.meaning(rng, 'synonyme')], [({ rng }) => F.meaning(rng, rng.pick(['contraire', 'synonyme'] as const))],
    ]),
    conjModule('CM1', 'P4', 'passe-simple', 'Le passé simple', 'Conjuguer au passé simple, à la troisième personne.', [
      { verbs: ['être', 'avoir'], tenses: ['passé simple'], pronouns: THIRD_PERSONS }, { verbs: ['chanter', 'marcher', 'arriver', 'manger', 'commencer', 'regarder'], tenses: ['passé simple'], pronouns: THIRD_PERSONS }, { verbs: ['faire', 'prendre', 'venir', 'dire', 'partir', 'finir'], tenses: ['passé simple'], pronouns: THIRD_PERSONS },
    ]),
    mod('CM1', 'P4', 'le-sujet', 'Le sujet du verbe', 'Trouver le sujet, même long ou placé après le verbe.', 12, [[F.subject], [F.subject], [F.subject]]),
    textsModule('CM1', 'P5', 'Lire et interpréter', 'Comprendre des récits et des documentaires, justifier ses réponses.', CM1_P5),
    mod('CM1', 'P5', 'construire-des-phrases', 'Construire des phrases', 'Remettre en ordre les mots de phrases longues.', 9, [[(c) => F.sentenceOrder(c, 'long')], [(c) => F.sentenceOrder(c, 'long')], [(c) => F.sentenceOrder(c, 'long')]]),

    // ---- CM2
    conjModule('CM2', 'P1', 'imparfait-et-passe-simple', 'Imparfait et passé simple', 'Les deux temps du récit au passé.', [
      { verbs: [...ER, ...SECOND, ...IRR_1], tenses: ['imparfait'] }, { verbs: ['être', 'avoir', ...ER, ...ER_SOFT], tenses: ['passé simple'], pronouns: THIRD_PERSONS }, { verbs: [...IRR_1, ...IRR_2, 'partir', 'finir'], tenses: ['passé simple'], pronouns: THIRD_PERSONS },
    ]),
    textsModule('CM2', 'P1', 'Lire des textes variés', 'Récits, documentaires et lettres : comprendre et interpréter.', CM2_P1),
    conjModule('CM2', 'P2', 'plus-que-parfait', 'Le plus-que-parfait', 'Auxiliaire à l\'imparfait et participe passé.', [
      { verbs: ER, tenses: ['plus-que-parfait'] }, { verbs: ['être', 'avoir', 'faire', 'prendre', 'voir', 'finir'], tenses: ['plus-que-parfait'] }, { verbs: ETRE_VERBS, tenses: ['plus-que-parfait'] },
    ]),
    mod('CM2', 'P2', 'ces-ses-c-est-s-est', 'ces / ses, c\'est / s\'est', 'Distinguer les homophones grammaticaux.', 12, [
      [({ rng }) => F.homophone(rng, 'ces/ses')], [({ rng }) => F.homophone(rng, 'c\'est/s\'est')], [({ rng }) => F.homophone(rng, rng.pick(['ces/ses', 'c\'est/s\'est']))],
    ]),
    conjModule('CM2', 'P3', 'futur-et-passe-compose', 'Futur et passé composé', 'Réviser le futur et le passé composé de tous les verbes.', [
      { verbs: [...ER, ...SECOND], tenses: ['futur', 'passé composé'] }, { verbs: [...IRR_1, ...IRR_2], tenses: ['futur'] }, { verbs: [...ETRE_VERBS, ...IRR_2], tenses: ['passé composé'] },
    ]),
    mod('CM2', 'P3', 'les-prefixes', 'Les préfixes', 'Former le contraire d\'un mot avec un préfixe.', 12, [[F.prefixOpposite], [F.prefixOpposite], [F.prefixOpposite]]),
    conjModule('CM2', 'P4', 'passe-simple', 'Le passé simple', 'Conjuguer au passé simple les verbes des trois groupes, à la troisième personne.', [
      { verbs: [...ER, ...ER_SOFT], tenses: ['passé simple'], pronouns: THIRD_PERSONS }, { verbs: [...SECOND, 'être', 'avoir'], tenses: ['passé simple'], pronouns: THIRD_PERSONS }, { verbs: [...IRR_1, ...IRR_2, 'partir'], tenses: ['passé simple'], pronouns: THIRD_PERSONS },
    ]),
    mod('CM2', 'P4', 'fonctions-dans-la-phrase', 'Les fonctions dans la phrase', 'Sujet, COD, COI, complément circonstanciel, attribut du sujet.', 12, [[F.grammaticalFunction], [F.grammaticalFunction], [F.grammaticalFunction]]),
    textsModule('CM2', 'P5', 'Lire, comprendre, interpréter', 'Lire des textes plus longs et en tirer des conclusions.', CM2_P5),
    mod('CM2', 'P5', 'construire-des-phrases', 'Construire des phrases complexes', 'Remettre en ordre les mots de phrases avec une proposition subordonnée.', 9, [[(c) => F.sentenceOrder(c, 'complex')], [(c) => F.sentenceOrder(c, 'complex')], [(c) => F.sentenceOrder(c, 'complex')]]),
  ];
}
