import type { Level, Period } from '../../../src/db/database.js';
import type { Rng } from './prng.js';
import { de, lecture, type ModuleSpec, PEOPLE } from './util.js';

/**
 * Reading comprehension. CP to CE2: short stories with slots (names, animals, places) so each
 * exercise reads differently; CM1 and CM2: original texts, three questions each, from what the text
 * says to what it lets the reader infer.
 */

type Question = readonly [question: string, answer: string, wrong: readonly string[]];
interface Story {
  text: string;
  /** One question per tier: found in the text, a detail, an inference. */
  questions: readonly [Question, Question, Question];
}

const others = <T>(list: readonly T[], x: T): T[] => list.filter((y) => y !== x);

function pet(rng: Rng): Story {
  const pets = [['un chat', 'le chat', 'des croquettes'], ['un chien', 'le chien', 'un gros os'], ['un lapin', 'le lapin', 'des carottes'], ['un hamster', 'le hamster', 'des graines']] as const;
  const [a, the, food] = rng.pick(pets);
  const p = rng.pick(PEOPLE);
  const names = ['Moka', 'Filou', 'Caramel', 'Pompon', 'Biscuit', 'Réglisse'];
  const name = rng.pick(names);
  const colours = ['noir', 'blanc', 'gris', 'roux'];
  const colour = rng.pick(colours);
  return {
    text: `${p.name} a ${a}. Il s'appelle ${name}. Il est ${colour}. Il mange ${food}.`,
    questions: [
      [`Quel animal a ${p.name} ?`, a, others(pets.map((x) => x[0]), a)],
      [`Comment s'appelle ${the} ?`, name, [...others(names, name), p.name]],
      [`De quelle couleur est ${name} ?`, colour, others(colours, colour)],
    ],
  };
}

function outing(rng: Rng): Story {
  const places = [['au parc', 'joue au ballon'], ['à la plage', 'fait un château de sable'], ['au zoo', 'regarde les girafes'], ['à la ferme', 'donne du foin aux vaches'], ['à la piscine', 'saute dans l\'eau']] as const;
  const [place, activity] = rng.pick(places);
  const p = rng.pick(PEOPLE);
  const withWho = ['sa mamie', 'son papi', 'sa maman', 'son papa', 'sa tante', 'son oncle'];
  const who = rng.pick(withWho);
  const snacks = ['une glace', 'une crêpe', 'une pomme', 'une gaufre'];
  const snack = rng.pick(snacks);
  const Il = p.il === 'il' ? 'Il' : 'Elle';
  return {
    text: `Aujourd'hui, ${p.name} va ${place} avec ${who}. ${Il} ${activity}. Ensuite, ${p.il} mange ${snack}.`,
    questions: [
      [`Où va ${p.name} ?`, place, others(places.map((x) => x[0]), place)],
      [`Avec qui ${p.name} y va-t-${p.il} ?`, `avec ${who}`, others(withWho, who).map((w) => `avec ${w}`)],
      [`Que mange ${p.name} à la fin ?`, snack, others(snacks, snack)],
    ],
  };
}

function weather(rng: Rng): Story {
  const kinds = [['il pleut', 'Il pleut.', 'ses bottes', 'son parapluie'], ['il y a beaucoup de vent', 'Il y a beaucoup de vent.', 'son coupe-vent', 'son écharpe'], ['il neige', 'Il neige.', 'ses gants', 'sa luge'], ['il fait beau', 'Il fait beau.', 'ses sandales', 'sa casquette']] as const;
  const [w, answer, wear, take] = rng.pick(kinds);
  const p = rng.pick(PEOPLE);
  const companions = ['son frère', 'sa sœur', 'son voisin', 'sa cousine'];
  const c = rng.pick(companions);
  return {
    text: `Ce matin, ${w}. ${p.name} met ${wear} et prend ${take}. ${p.il === 'il' ? 'Il' : 'Elle'} part à l'école avec ${c}.`,
    questions: [
      ['Quel temps fait-il ce matin ?', answer, others(kinds.map((k) => k[1]), answer)],
      [`Que prend ${p.name} ?`, take, others(kinds.map((k) => k[3]), take)],
      [`Avec qui ${p.name} part-${p.il} à l'école ?`, `avec ${c}`, others(companions, c).map((x) => `avec ${x}`)],
    ],
  };
}

function birthday(rng: Rng): Story {
  const p = rng.pick(PEOPLE);
  const ages = ['six ans', 'sept ans', 'huit ans', 'neuf ans'];
  const age = rng.pick(ages);
  const days = ['samedi', 'dimanche', 'mercredi'];
  const day = rng.pick(days);
  const cakes = ['un gâteau au chocolat', 'une tarte aux fraises', 'un gâteau au citron', 'une tarte aux pommes'];
  const cake = rng.pick(cakes);
  const Il = p.il === 'il' ? 'Il' : 'Elle';
  return {
    text: `${day.charAt(0).toUpperCase()}${day.slice(1)}, c'est l'anniversaire ${de(p.name)}. ${Il} a ${age}. Ses amis arrivent à trois heures avec des cadeaux. Tout le monde mange ${cake}. Le soir, ${p.name} s'endort avec un grand sourire.`,
    questions: [
      [`Quel âge a ${p.name} ?`, age, others(ages, age)],
      ['Que mangent les enfants ?', cake, others(cakes, cake)],
      [`Comment se sent ${p.name} le soir ?`, `${Il} est heureu${p.il === 'il' ? 'x' : 'se'}.`, [`${Il} est triste.`, `${Il} est en colère.`, `${Il} a peur.`]],
    ],
  };
}

function lost(rng: Rng): Story {
  const p = rng.pick(PEOPLE);
  const things = ['son cartable', 'son manteau', 'son bonnet', 'son ballon'];
  const thing = rng.pick(things);
  const places = ['sous son lit', 'dans le salon', 'dans la cuisine', 'dans la salle de bains'];
  const [first, second] = rng.sample(places, 2) as [string, string];
  const found = rng.pick(['dans le garage', 'dans la voiture', 'derrière le canapé', 'dans le jardin']);
  const finder = rng.pick(['Sa sœur', 'Son père', 'Sa mère', 'Son grand frère']);
  return {
    text: `Ce matin, ${p.name} ne trouve plus ${thing}. ${p.il === 'il' ? 'Il' : 'Elle'} cherche ${first}, puis ${second}. Finalement, ${finder.toLowerCase()} le trouve ${found}. ${p.name} sourit : ${p.il} ne sera pas en retard à l'école.`,
    questions: [
      [`Que cherche ${p.name} ?`, thing, others(things, thing)],
      [`Où l'objet perdu était-il ?`, found, [first, second, others(places, first).find((x) => x !== second) as string]],
      [`Comment se sent ${p.name} à la fin ?`, 'soulagé' + (p.il === 'elle' ? 'e' : ''), p.il === 'il' ? ['inquiet', 'fâché', 'triste'] : ['inquiète', 'fâchée', 'triste']],
    ],
  };
}

const ANIMALS = [
  { name: 'le hérisson', Name: 'Le hérisson', home: 'dans les haies et les jardins', diet: 'Il se nourrit d\'insectes, de vers et de limaces.', food: 'des insectes, des vers et des limaces', fact: 'Quand il a peur, il se roule en boule.', truth: 'Cet animal se roule en boule pour se protéger.' },
  { name: 'l\'écureuil', Name: 'L\'écureuil', home: 'dans les arbres de la forêt', diet: 'Il se nourrit de noisettes et de glands.', food: 'des noisettes et des glands', fact: 'En automne, il cache des provisions pour l\'hiver.', truth: 'Cet animal prépare des réserves pour l\'hiver.' },
  { name: 'la chouette', Name: 'La chouette', home: 'dans les bois et les vieilles granges', diet: 'Elle se nourrit de souris et de mulots.', food: 'des souris et des mulots', fact: 'Elle chasse la nuit grâce à ses grands yeux.', truth: 'Cet animal voit bien dans l\'obscurité.' },
  { name: 'le castor', Name: 'Le castor', home: 'au bord des rivières', diet: 'Il se nourrit de l\'écorce des arbres.', food: 'l\'écorce des arbres', fact: 'Avec des branches et de la boue, il construit des barrages.', truth: 'Cet animal sait construire des barrages.' },
  { name: 'l\'abeille', Name: 'L\'abeille', home: 'dans une ruche', diet: 'Elle se nourrit du nectar des fleurs.', food: 'le nectar des fleurs', fact: 'Avec ce nectar, elle fabrique du miel.', truth: 'Cet animal fabrique du miel.' },
] as const;

function animalDoc(rng: Rng): Story {
  const a = rng.pick(ANIMALS);
  const rest = ANIMALS.filter((x) => x !== a);
  return {
    text: `${a.Name} vit ${a.home}. ${a.diet} ${a.fact}`,
    questions: [
      [`Où vit ${a.name} ?`, a.home, rest.map((x) => x.home)],
      [`Que mange ${a.name} ?`, a.food, rest.map((x) => x.food)],
      ['Quelle phrase est vraie d\'après le texte ?', a.truth, rest.map((x) => x.truth)],
    ],
  };
}

function trip(rng: Rng): Story {
  const visits = [['un château fort', 'le pont-levis'], ['une ferme', 'la traite des vaches'], ['un musée', 'des squelettes de dinosaures'], ['une caserne de pompiers', 'la grande échelle']] as const;
  const [place, shown] = rng.pick(visits);
  const times = ['huit heures', 'huit heures et demie', 'neuf heures', 'neuf heures et quart'];
  const time = rng.pick(times);
  const p = rng.pick(PEOPLE);
  return {
    text: `Le jour de la sortie scolaire, la classe part visiter ${place}. Le car démarre à ${time}. Pendant le trajet, ${p.name} chante avec ses camarades. Sur place, le guide leur montre ${shown}. Au retour, tout le monde est fatigué mais ravi.`,
    questions: [
      ['Que visite la classe ?', place, others(visits.map((v) => v[0]), place)],
      ['À quelle heure part le car ?', time, others(times, time)],
      ['Comment les élèves ont-ils trouvé cette sortie ?', 'Ils l\'ont beaucoup aimée.', ['Ils se sont ennuyés.', 'Ils ont eu peur.', 'Ils ont été déçus.']],
    ],
  };
}

function recipe(rng: Rng): Story {
  const p = rng.pick(PEOPLE);
  const Il = p.il === 'il' ? 'Il' : 'Elle';
  const [first, second] = rng.sample(['une banane', 'deux kiwis', 'une pomme', 'des fraises', 'une poire', 'une orange'], 2) as [string, string];
  const extras = ['du jus d\'orange', 'un peu de miel', 'des feuilles de menthe', 'une pincée de sucre'];
  const extra = rng.pick(extras);
  return {
    text: `Pour le goûter, ${p.name} prépare une salade de fruits. ${Il} coupe ${first} et ${second} en petits morceaux. Ensuite, ${p.il} ajoute ${extra}. Enfin, ${p.il} met le saladier au réfrigérateur pendant une heure.`,
    questions: [
      [`Que prépare ${p.name} ?`, 'une salade de fruits', ['une tarte aux pommes', 'des crêpes', 'un gâteau au chocolat']],
      [`Qu'ajoute ${p.name} après avoir coupé les fruits ?`, extra, others(extras, extra)],
      [`Pourquoi ${p.name} met-${p.il} le saladier au réfrigérateur ?`, 'pour que la salade soit bien fraîche', ['pour faire cuire les fruits', 'pour cacher la salade', 'pour faire fondre les fruits']],
    ],
  };
}

const TEMPLATES: Record<'CP' | 'CE1' | 'CE2', readonly ((rng: Rng) => Story)[]> = {
  CP: [pet, outing, weather],
  CE1: [birthday, lost, animalDoc, outing, recipe],
  CE2: [lost, animalDoc, trip, birthday, recipe],
};

export function lectureModule(level: 'CP' | 'CE1' | 'CE2', period: Period, count: number, title: string, description: string): ModuleSpec {
  return {
    level,
    subject: 'FRANCAIS',
    period,
    slug: 'lecture',
    title,
    description,
    count,
    make: ({ rng, tier }) => {
      const story = rng.pick(TEMPLATES[level])(rng);
      const [question, answer, wrong] = story.questions[tier];
      return lecture(rng, 'Je lis et je comprends', story.text, question, answer, wrong);
    },
  };
}

/** Fixed texts: exercise i asks question floor(i / texts) of text i % texts. */
export function textsModule(level: Level, period: Period, title: string, description: string, stories: readonly Story[]): ModuleSpec {
  return {
    level,
    subject: 'FRANCAIS',
    period,
    slug: 'lecture',
    title,
    description,
    count: stories.length * 3,
    make: ({ rng, index }) => {
      const story = stories[index % stories.length] as Story;
      const [question, answer, wrong] = story.questions[Math.floor(index / stories.length) as 0 | 1 | 2];
      return lecture(rng, 'Je lis et je comprends', story.text, question, answer, wrong);
    },
  };
}

export type { Story };
