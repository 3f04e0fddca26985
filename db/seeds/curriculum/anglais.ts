import type { Level, Period } from '../../../src/db/database.js';
import { type Topic, TOPICS, type TopicName } from './anglais-data.js';
import { type Draft, lecture, type MakeContext, type ModuleSpec, order, qcm, texte } from './util.js';

/** Anglais: vocabulary by theme, word order and short dialogues; instructions stay in French. */

type Maker = (ctx: MakeContext) => Draft;

const frToEn = (t: TopicName): Maker => ({ rng }) => {
  const [fr, en] = rng.pick(TOPICS[t].words);
  return qcm(rng, 'Traduire en anglais', `Comment dit-on « ${fr} » en anglais ?`, en, TOPICS[t].words.map((w) => w[1]));
};

const enToFr = (t: TopicName): Maker => ({ rng }) => {
  const [fr, en] = rng.pick(TOPICS[t].words);
  return qcm(rng, 'Comprendre un mot anglais', `Que veut dire « ${en} » en français ?`, fr, TOPICS[t].words.map((w) => w[0]));
};

/** « un chat » -> cat, a cat, the cat; « les frites » -> chips, the chips; no article for countries. */
function withArticles(fr: string, en: string, proper: boolean): string[] {
  if (proper || en.startsWith('the ')) return [];
  if (/^(un|une) /.test(fr)) return [`${/^[aeiou]/i.test(en) ? 'an' : 'a'} ${en}`, `the ${en}`];
  return /^(le |la |les |l'|des |de la )/.test(fr) ? [`the ${en}`] : [];
}

const translate = (t: TopicName): Maker => ({ rng }) => {
  const topic: Topic = TOPICS[t];
  const [fr, en, ...alt] = rng.pick(topic.words);
  const accepted = [...alt, ...[en, ...alt].flatMap((w) => withArticles(fr, w, topic.proper ?? false))];
  // An English answer never needs accents.
  return texte('Écrire en anglais', `Écris en anglais : ${fr}`, en, { accepted, ignoreAccents: true, instructions: 'Écris le mot ou la phrase en anglais.' });
};

const sentence = (t: TopicName): Maker => ({ rng }) =>
  order(rng, 'Une phrase en anglais', 'Remets les mots dans l\'ordre pour former une phrase en anglais.', rng.pick(TOPICS[t].sentences).split(' '), 'Fais glisser les mots pour former la phrase.');

const dialogue = (t: TopicName): Maker => ({ rng }) => {
  const d = TOPICS[t].dialogue(rng);
  return lecture(rng, 'Un dialogue en anglais', d.text, d.question, d.answer, d.wrong);
};

function mod(level: Level, period: Period, topic: TopicName, title: string, description: string): ModuleSpec {
  // CP pupils mostly listen and recognise: no writing, no word order yet.
  const tiers: readonly (readonly Maker[])[] =
    level === 'CP'
      ? [[frToEn(topic)], [enToFr(topic)], [dialogue(topic)]]
      : [[frToEn(topic)], [enToFr(topic), sentence(topic)], [translate(topic), dialogue(topic)]];
  return {
    level,
    subject: 'ANGLAIS',
    period,
    slug: topic,
    title,
    description,
    count: level === 'CP' ? 9 : 12,
    make: (ctx) => ctx.rng.pick(tiers[ctx.tier] as readonly Maker[])(ctx),
  };
}

export function anglaisModules(): ModuleSpec[] {
  return [
    mod('CP', 'P1', 'colours', 'Hello! Les couleurs', 'Dire bonjour et nommer les couleurs en anglais.'),
    mod('CP', 'P2', 'numbers10', 'Les nombres de 1 à 10', 'Compter jusqu\'à dix et dire son âge.'),
    mod('CP', 'P3', 'animals', 'Les animaux', 'Nommer les animaux familiers.'),
    mod('CP', 'P4', 'family', 'La famille', 'Présenter les membres de sa famille.'),
    mod('CP', 'P5', 'fruits', 'Les fruits et légumes', 'Nommer des fruits et dire ce qu\'on aime.'),
    mod('CE1', 'P1', 'school', 'Le matériel scolaire', 'Nommer les objets de la trousse et du cartable.'),
    mod('CE1', 'P2', 'numbers20', 'Les nombres jusqu\'à 20', 'Compter et dénombrer jusqu\'à vingt.'),
    mod('CE1', 'P3', 'body', 'Le corps', 'Nommer les parties du corps, dire où l\'on a mal.'),
    mod('CE1', 'P4', 'days', 'Les jours de la semaine', 'Dire quel jour on est.'),
    mod('CE1', 'P5', 'clothes', 'Les vêtements', 'Nommer les vêtements et dire ce que l\'on porte.'),
    mod('CE2', 'P1', 'months', 'Les mois de l\'année', 'Dire la date de son anniversaire.'),
    mod('CE2', 'P2', 'food', 'La nourriture', 'Dire ce que l\'on aime et ce que l\'on n\'aime pas.'),
    mod('CE2', 'P3', 'house', 'La maison', 'Nommer les pièces de la maison.'),
    mod('CE2', 'P4', 'weather', 'La météo', 'Dire le temps qu\'il fait.'),
    mod('CE2', 'P5', 'hobbies', 'Les loisirs', 'Dire ce que l\'on sait faire : I can, I can\'t.'),
    mod('CM1', 'P1', 'numbers100', 'Les nombres jusqu\'à 100', 'Compter de dix en dix, dire un prix.'),
    mod('CM1', 'P2', 'time', 'L\'heure', 'Demander et dire l\'heure.'),
    mod('CM1', 'P3', 'town', 'La ville', 'Nommer les lieux de la ville, demander son chemin.'),
    mod('CM1', 'P4', 'feelings', 'Les émotions', 'Dire comment on se sent.'),
    mod('CM1', 'P5', 'countries', 'Les pays', 'Dire d\'où l\'on vient.'),
    mod('CM2', 'P1', 'subjects', 'Les matières scolaires', 'Parler de son emploi du temps et de ses goûts.'),
    mod('CM2', 'P2', 'jobs', 'Les métiers', 'Nommer des métiers, dire ce que l\'on veut faire plus tard.'),
    mod('CM2', 'P3', 'routine', 'La journée', 'Raconter sa routine quotidienne.'),
    mod('CM2', 'P4', 'shop', 'Faire des achats', 'Demander un prix, acheter un objet.'),
    mod('CM2', 'P5', 'travel', 'Voyager', 'Les transports et le vocabulaire du voyage.'),
  ];
}
