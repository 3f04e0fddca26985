import type { Rng } from './prng.js';
import { de } from './util.js';

/** English vocabulary by topic: [French, English, other accepted English spellings...]. */

export type Word = readonly [string, string, ...string[]];

export interface Dialogue {
  text: string;
  question: string;
  answer: string;
  wrong: readonly string[];
}

export interface Topic {
  words: readonly Word[];
  /** Proper nouns (countries): « the China » is not English, so no article is accepted. */
  proper?: boolean;
  /** Sentences whose words fit in one order only (no word twice). */
  sentences: readonly string[];
  dialogue: (rng: Rng) => Dialogue;
}

interface Speaker {
  name: string;
  il: 'il' | 'elle';
}
const SPEAKERS: readonly Speaker[] = [
  { name: 'Tom', il: 'il' }, { name: 'Emma', il: 'elle' }, { name: 'Jack', il: 'il' }, { name: 'Lucy', il: 'elle' },
  { name: 'Harry', il: 'il' }, { name: 'Olivia', il: 'elle' }, { name: 'Sam', il: 'il' }, { name: 'Mia', il: 'elle' },
];
const frOf = (words: readonly Word[]) => words.map(([fr]) => fr);

function two<T>(rng: Rng, list: readonly T[]): [T, T] {
  return rng.sample(list, 2) as [T, T];
}

/** A dialogue where the answer is the French meaning of one word of the topic. */
function about(words: readonly Word[], text: (a: Word, b: Word, name: string) => string, question: (a: Word, b: Word, name: string, il: string) => string, pickSecond = false) {
  return (rng: Rng): Dialogue => {
    const [a, b] = two(rng, words);
    const s = rng.pick(SPEAKERS);
    const right = pickSecond ? b : a;
    return { text: text(a, b, s.name), question: question(a, b, s.name, s.il), answer: right[0], wrong: frOf(words).filter((f) => f !== right[0]) };
  };
}

const COLOURS: readonly Word[] = [
  ['rouge', 'red'], ['bleu', 'blue'], ['vert', 'green'], ['jaune', 'yellow'], ['noir', 'black'], ['blanc', 'white'],
  ['rose', 'pink'], ['violet', 'purple'], ['gris', 'grey', 'gray'], ['marron', 'brown'],
];
const NUMBERS_10: readonly Word[] = [
  ['1', 'one'], ['2', 'two'], ['3', 'three'], ['4', 'four'], ['5', 'five'], ['6', 'six'], ['7', 'seven'], ['8', 'eight'], ['9', 'nine'], ['10', 'ten'],
];
const NUMBERS_20: readonly Word[] = [
  ...NUMBERS_10, ['11', 'eleven'], ['12', 'twelve'], ['13', 'thirteen'], ['14', 'fourteen'], ['15', 'fifteen'], ['16', 'sixteen'],
  ['17', 'seventeen'], ['18', 'eighteen'], ['19', 'nineteen'], ['20', 'twenty'],
];
const TENS: readonly Word[] = [
  ['20', 'twenty'], ['30', 'thirty'], ['40', 'forty'], ['50', 'fifty'], ['60', 'sixty'], ['70', 'seventy'], ['80', 'eighty'], ['90', 'ninety'], ['100', 'one hundred', 'a hundred'],
];
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const NUMBERS_100: readonly Word[] = [
  ...TENS,
  ...[21, 34, 45, 57, 63, 76, 88, 92, 29, 51].map((n): Word => {
    const en = `${(TENS[Math.floor(n / 10) - 2] as Word)[1]}-${UNITS[(n % 10) - 1]}`;
    return [String(n), en, en.replace('-', ' ')];
  }),
];
const ANIMALS: readonly Word[] = [
  ['un chat', 'cat'], ['un chien', 'dog'], ['un oiseau', 'bird'], ['un poisson', 'fish'], ['un cheval', 'horse'], ['une vache', 'cow'],
  ['un lapin', 'rabbit'], ['une souris', 'mouse'], ['un cochon', 'pig'], ['un canard', 'duck'], ['un singe', 'monkey'], ['une grenouille', 'frog'],
];
const FAMILY: readonly Word[] = [
  ['la mère', 'mother', 'mum', 'mom'], ['le père', 'father', 'dad'], ['la sœur', 'sister'], ['le frère', 'brother'], ['la grand-mère', 'grandmother', 'grandma', 'granny'],
  ['le grand-père', 'grandfather', 'grandpa'], ['le bébé', 'baby'], ['l\'oncle', 'uncle'], ['la tante', 'aunt'],
];
const FRUITS: readonly Word[] = [
  ['une pomme', 'apple'], ['une banane', 'banana'], ['une fraise', 'strawberry'], ['une poire', 'pear'], ['une cerise', 'cherry'], ['un citron', 'lemon'],
  ['une carotte', 'carrot'], ['une tomate', 'tomato'],
];
const SCHOOL: readonly Word[] = [
  ['un crayon', 'pencil'], ['un stylo', 'pen'], ['un livre', 'book'], ['une gomme', 'rubber', 'eraser'], ['une règle', 'ruler'], ['un cartable', 'schoolbag', 'school bag'],
  ['une trousse', 'pencil case'], ['des ciseaux', 'scissors'], ['de la colle', 'glue'], ['un cahier', 'exercise book', 'notebook'],
];
const BODY: readonly Word[] = [
  ['la tête', 'head'], ['la main', 'hand'], ['le pied', 'foot'], ['le bras', 'arm'], ['la jambe', 'leg'], ['l\'œil', 'eye'], ['le nez', 'nose'],
  ['la bouche', 'mouth'], ['l\'oreille', 'ear'], ['les cheveux', 'hair'], ['le dos', 'back'],
];
const DAYS: readonly Word[] = [
  ['lundi', 'Monday'], ['mardi', 'Tuesday'], ['mercredi', 'Wednesday'], ['jeudi', 'Thursday'], ['vendredi', 'Friday'], ['samedi', 'Saturday'], ['dimanche', 'Sunday'],
];
const CLOTHES: readonly Word[] = [
  ['un pull', 'jumper', 'sweater'], ['un pantalon', 'trousers', 'pants'], ['une robe', 'dress'], ['des chaussures', 'shoes'], ['un chapeau', 'hat'], ['un manteau', 'coat'],
  ['une jupe', 'skirt'], ['des chaussettes', 'socks'], ['une écharpe', 'scarf'],
];
const MONTHS: readonly Word[] = [
  ['janvier', 'January'], ['février', 'February'], ['mars', 'March'], ['avril', 'April'], ['mai', 'May'], ['juin', 'June'], ['juillet', 'July'],
  ['août', 'August'], ['septembre', 'September'], ['octobre', 'October'], ['novembre', 'November'], ['décembre', 'December'],
];
const FOOD: readonly Word[] = [
  ['le pain', 'bread'], ['le lait', 'milk'], ['l\'eau', 'water'], ['le fromage', 'cheese'], ['les œufs', 'eggs'], ['le gâteau', 'cake'],
  ['le poulet', 'chicken'], ['le riz', 'rice'], ['la glace', 'ice cream'], ['les frites', 'chips', 'french fries', 'fries'],
];
const HOUSE: readonly Word[] = [
  ['la cuisine', 'kitchen'], ['la chambre', 'bedroom'], ['la salle de bains', 'bathroom'], ['le salon', 'living room', 'sitting room'], ['le jardin', 'garden'],
  ['la maison', 'house', 'home'], ['la porte', 'door'], ['la fenêtre', 'window'], ['le lit', 'bed'], ['l\'escalier', 'stairs'],
];
const WEATHER: readonly Word[] = [
  ['Il pleut.', 'It\'s raining.', 'It is raining.'], ['Il fait beau et il y a du soleil.', 'It\'s sunny.', 'It is sunny.'], ['Il neige.', 'It\'s snowing.', 'It is snowing.'],
  ['Il y a du vent.', 'It\'s windy.', 'It is windy.'], ['Il fait froid.', 'It\'s cold.', 'It is cold.'], ['Il fait chaud.', 'It\'s hot.', 'It is hot.'],
  ['Il y a des nuages.', 'It\'s cloudy.', 'It is cloudy.'],
];
const HOBBIES: readonly Word[] = [
  ['nager', 'swim'], ['courir', 'run'], ['chanter', 'sing'], ['danser', 'dance'], ['lire', 'read'], ['dessiner', 'draw'], ['sauter', 'jump'],
  ['cuisiner', 'cook'], ['faire du vélo', 'ride a bike'], ['jouer au football', 'play football'],
];
const TIMES: readonly Word[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((h): Word => {
  const en = UNITS[h - 1] ?? (h === 10 ? 'ten' : h === 11 ? 'eleven' : 'twelve');
  return [`Il est ${h} heure${h > 1 ? 's' : ''}.`, `It's ${en} o'clock.`, `It is ${en} o'clock.`, `${en} o'clock`];
});
const TOWN: readonly Word[] = [
  ['l\'école', 'school'], ['la boulangerie', 'bakery'], ['la gare', 'station', 'train station'], ['l\'hôpital', 'hospital'], ['le parc', 'park'],
  ['la bibliothèque', 'library'], ['la piscine', 'swimming pool', 'pool'], ['le supermarché', 'supermarket'], ['le musée', 'museum'], ['l\'église', 'church'],
];
const FEELINGS: readonly Word[] = [
  ['content', 'happy'], ['triste', 'sad'], ['fatigué', 'tired'], ['en colère', 'angry'], ['effrayé', 'scared', 'afraid'], ['affamé', 'hungry'],
  ['malade', 'ill', 'sick'], ['assoiffé', 'thirsty'],
];
const SUBJECTS: readonly Word[] = [
  ['les mathématiques', 'maths', 'math', 'mathematics'], ['l\'histoire', 'history'], ['la géographie', 'geography'], ['les sciences', 'science'],
  ['la musique', 'music'], ['le dessin', 'art'], ['l\'anglais', 'English'], ['l\'éducation physique', 'PE'],
];
const JOBS: readonly Word[] = [
  ['un professeur', 'teacher'], ['un médecin', 'doctor'], ['un boulanger', 'baker'], ['un pompier', 'firefighter', 'fireman'], ['un policier', 'police officer', 'policeman'],
  ['un agriculteur', 'farmer'], ['un infirmier', 'nurse'], ['un vétérinaire', 'vet'], ['un cuisinier', 'cook', 'chef'],
];
const ROUTINE: readonly Word[] = [
  ['je me réveille', 'I wake up'], ['je m\'habille', 'I get dressed'], ['je prends mon petit-déjeuner', 'I have breakfast'], ['je me brosse les dents', 'I brush my teeth'],
  ['je vais à l\'école', 'I go to school'], ['je fais mes devoirs', 'I do my homework'], ['je me couche', 'I go to bed'],
];
const SHOP: readonly Word[] = [
  ['un ballon', 'ball'], ['une poupée', 'doll'], ['un jeu vidéo', 'video game'], ['une casquette', 'cap'], ['un sac', 'bag'], ['une montre', 'watch'], ['un vélo', 'bike', 'bicycle'],
];
const TRAVEL: readonly Word[] = [
  ['l\'avion', 'plane', 'airplane', 'aeroplane'], ['le bateau', 'boat', 'ship'], ['la voiture', 'car'], ['la valise', 'suitcase'], ['le billet', 'ticket'],
  ['la plage', 'beach'], ['l\'aéroport', 'airport'], ['le passeport', 'passport'], ['la carte', 'map'], ['la gare', 'station', 'train station'],
];
const COUNTRIES: readonly Word[] = [
  ['l\'Angleterre', 'England'], ['l\'Écosse', 'Scotland'], ['l\'Irlande', 'Ireland'], ['le pays de Galles', 'Wales'], ['les États-Unis', 'the United States', 'United States', 'the USA', 'USA'],
  ['l\'Allemagne', 'Germany'], ['l\'Espagne', 'Spain'], ['l\'Italie', 'Italy'], ['la Chine', 'China'], ['le Japon', 'Japan'],
];

export const TOPICS = {
  colours: {
    words: COLOURS,
    sentences: ['My cat is black.', 'The sky is blue.', 'I like green apples.', 'Her dress is pink.', 'The sun is yellow.'],
    dialogue: about(COLOURS, (a, b, n) => `— Hello ${n}! What colour is your bike?\n— My bike is ${a[1]}. And my helmet is ${b[1]}.`, () => 'De quelle couleur est le vélo ?'),
  },
  numbers10: {
    words: NUMBERS_10,
    sentences: ['I am seven years old.', 'I have got two cats.', 'She is six.', 'Count to ten, please.'],
    dialogue: about(NUMBERS_10.slice(2), (a, _b, n) => `— Hello! What's your name?\n— My name is ${n}.\n— How old are you?\n— I'm ${a[1]}.`, (_a, _b, n) => `Quel âge a ${n} ?`),
  },
  numbers20: {
    words: NUMBERS_20,
    sentences: ['There are twelve pencils.', 'My brother is fifteen.', 'I can count to twenty.', 'We have got eleven players.'],
    dialogue: about(NUMBERS_20.slice(10), (a, _b, n) => `— How many children are there in your class, ${n}?\n— There are ${a[1]} children in my class.`, () => 'Combien d\'enfants y a-t-il dans la classe ?'),
  },
  numbers100: {
    words: NUMBERS_100,
    sentences: ['My grandmother is seventy.', 'This book costs twenty pounds.', 'There are fifty stars.', 'Our school has ninety pupils.'],
    dialogue: about(TENS.slice(0, 8), (a, _b, n) => `— How much is this bike, please?\n— It's ${a[1]} pounds.\n— Thank you! Here you are, says ${n}.`, () => 'Combien de livres (pounds) coûte le vélo ?'),
  },
  animals: {
    words: ANIMALS,
    sentences: ['I have got a dog.', 'The cow is brown.', 'My rabbit is white.', 'Look at the monkey!', 'The frog can jump.'],
    dialogue: about(ANIMALS, (a, _b, n) => `— Have you got a pet, ${n}?\n— Yes! I've got a ${a[1]}.\n— What's its name?\n— Its name is Biscuit.`, (_a, _b, n, il) => `Quel animal ${n} a-t-${il} ?`),
  },
  family: {
    words: FAMILY,
    sentences: ['This is my sister.', 'My dad is tall.', 'I love my grandma.', 'Her brother is ten.'],
    dialogue: about(FAMILY.filter(([fr]) => fr !== 'le bébé'), (a, _b, n) => `— Who is this on the photo, ${n}?\n— This is my ${a[1]}. Isn't it a nice photo?`, () => 'Qui est sur la photo ?'),
  },
  fruits: {
    words: FRUITS,
    sentences: ['I like apples.', 'Bananas are yellow.', 'This pear is green.', 'Do you like strawberries?'],
    // Only the words with a regular plural (apples, not strawberrys).
    dialogue: about(FRUITS.filter(([, en]) => !/(y|o)$/.test(en)), (a, b, n) => `— Do you like ${a[1]}s, ${n}?\n— Yes, I do! But I don't like ${b[1]}s.`, (_a, _b, n, il) => `Quel fruit ou légume ${n} n'aime-t-${il} pas ?`, true),
  },
  school: {
    words: SCHOOL,
    sentences: ['I have got a red pencil.', 'Open your book, please.', 'Where is my ruler?', 'Can I borrow your glue?'],
    dialogue: about(SCHOOL, (a, _b, n) => `— Oh no! I can't find my ${a[1]}.\n— Here you are, ${n}. You can use mine.\n— Thank you!`, () => 'Que cherche l\'enfant ?'),
  },
  body: {
    words: BODY,
    sentences: ['Touch your nose!', 'I have got two hands.', 'My head hurts.', 'Clap your hands!'],
    dialogue: about(BODY.filter(([fr]) => fr !== 'les cheveux'), (a, _b, n) => `— What's the matter, ${n}?\n— My ${a[1]} hurts.\n— Oh dear! Let's go and see the nurse.`, (_a, _b, n, il) => `Où ${n} a-t-${il} mal ?`),
  },
  days: {
    words: DAYS,
    sentences: ['Today is Monday.', 'I play football on Saturday.', 'We go swimming on Wednesday.', 'See you on Friday!'],
    dialogue: about(DAYS, (a, _b, n) => `— What day is it today, ${n}?\n— It's ${a[1]}! We have got a music lesson.`, () => 'Quel jour sommes-nous ?'),
  },
  clothes: {
    words: CLOTHES,
    sentences: ['I am wearing a blue coat.', 'Put on your hat!', 'Her skirt is red.', 'These shoes are new.'],
    dialogue: about(CLOTHES, (a, _b, n) => `— It's cold today, ${n}! Put on your ${a[1]}.\n— OK, Mum!`, () => 'Qu\'est-ce que l\'enfant doit mettre ?'),
  },
  months: {
    words: MONTHS,
    sentences: ['My birthday is in May.', 'It snows in January.', 'School starts in September.', 'We go on holiday in August.'],
    dialogue: about(MONTHS, (a, _b, n) => `— When is your birthday, ${n}?\n— My birthday is in ${a[1]}.\n— Cool! Mine is in the same month.`, (_a, _b, n) => `En quel mois est l'anniversaire ${de(n)} ?`),
  },
  food: {
    words: FOOD,
    sentences: ['I like cheese.', 'I don\'t like milk.', 'Can I have some water, please?', 'Chicken is my favourite food.'],
    dialogue: about(FOOD, (a, b, n) => `— What would you like for lunch, ${n}?\n— I'd like some ${a[1]}, please. I don't like ${b[1]}.`, (_a, _b, n) => `Que veut manger ${n} ?`),
  },
  house: {
    words: HOUSE,
    sentences: ['My bedroom is upstairs.', 'Mum is in the kitchen.', 'Close the door, please.', 'The cat sleeps in my garden.'],
    dialogue: about(HOUSE.filter(([fr]) => !['la maison', 'la porte', 'la fenêtre', 'le lit', 'l\'escalier'].includes(fr)), (a, _b, n) => `— Where is Dad, ${n}?\n— He's in the ${a[1]}.`, () => 'Où est le papa ?'),
  },
  weather: {
    words: WEATHER,
    sentences: ['It is raining today.', 'Take your umbrella!', 'The sun is shining.', 'It is very cold outside.'],
    dialogue: (rng: Rng): Dialogue => {
      const [a] = two(rng, WEATHER);
      return { text: `— What's the weather like today?\n— ${a[1]}`, question: 'Quel temps fait-il ?', answer: a[0], wrong: frOf(WEATHER).filter((f) => f !== a[0]) };
    },
  },
  hobbies: {
    words: HOBBIES,
    sentences: ['I can swim.', 'She can\'t dance.', 'Can you ride a bike?', 'We play football after school.'],
    dialogue: about(HOBBIES, (a, b, n) => `— Can you ${a[1]}, ${n}?\n— Yes, I can! But I can't ${b[1]}.`, (_a, _b, n) => `Que sait faire ${n} ?`),
  },
  time: {
    words: TIMES,
    sentences: ['What time is it?', 'It is three o\'clock.', 'I go to bed at nine.', 'School starts at half past eight.'],
    dialogue: about(TIMES, (a) => `— Excuse me, what time is it?\n— ${a[1]}\n— Thank you!`, () => 'Quelle heure est-il ?'),
  },
  town: {
    words: TOWN,
    sentences: ['Where is the station?', 'Go straight on.', 'Turn left at the park.', 'The library is next to our school.'],
    dialogue: about(TOWN, (a, b) => `— Excuse me, where is the ${a[1]}, please?\n— It's next to the ${b[1]}. Turn left.\n— Thank you very much!`, () => 'Quel lieu la personne cherche-t-elle ?'),
  },
  feelings: {
    words: FEELINGS,
    sentences: ['I am very happy today.', 'Are you tired?', 'He is hungry.', 'Why are you sad?'],
    dialogue: (rng: Rng): Dialogue => {
      const [a] = two(rng, FEELINGS);
      const s = rng.pick(SPEAKERS);
      // The French adjective agrees with the speaker: « Emma est fatiguée ».
      const agree = (fr: string) => (s.il === 'elle' && /é$|t$/.test(fr) ? `${fr}e` : fr);
      return { text: `— Hi ${s.name}! How are you today?\n— I'm ${a[1]}.`, question: `Comment se sent ${s.name} ?`, answer: agree(a[0]), wrong: FEELINGS.map(([fr]) => agree(fr)).filter((f) => f !== agree(a[0])) };
    },
  },
  subjects: {
    words: SUBJECTS,
    sentences: ['My favourite subject is music.', 'We have got maths on Monday.', 'I love science.', 'Is history difficult?'],
    dialogue: about(SUBJECTS, (a, b, n) => `— What's your favourite subject, ${n}?\n— I love ${a[1]}! But I don't like ${b[1]} very much.`, (_a, _b, n) => `Quelle est la matière préférée de ${n} ?`),
  },
  jobs: {
    words: JOBS,
    sentences: ['My mum is a doctor.', 'I want to be a vet.', 'The baker makes bread.', 'Is your dad a farmer?'],
    dialogue: about(JOBS, (a, _b, n) => `— What does your dad do, ${n}?\n— He's a ${a[1]}. He works every day.`, (_a, _b, n) => `Quel est le métier du papa de ${n} ?`),
  },
  routine: {
    words: ROUTINE,
    sentences: ['I wake up at seven.', 'I brush my teeth.', 'Then I go to school.', 'I go to bed at nine.'],
    dialogue: (rng: Rng): Dialogue => {
      // Two steps of the morning, in the order they happen.
      const [i, j] = rng.distinctInts(2, 0, ROUTINE.length - 1).sort((x, y) => x - y) as [number, number];
      const [a, b] = [ROUTINE[i] as Word, ROUTINE[j] as Word];
      const n = rng.pick(SPEAKERS).name;
      return {
        text: `${n}: Every day, ${a[1]} first. Then ${b[1]}.`,
        question: `Complète ce que dit ${n} : « Chaque jour, d'abord, … »`,
        answer: a[0],
        wrong: frOf(ROUTINE).filter((f) => f !== a[0]),
      };
    },
  },
  shop: {
    words: SHOP,
    sentences: ['How much is this ball?', 'It costs ten pounds.', 'Can I help you?', 'I would like a red cap.'],
    dialogue: about(SHOP, (a, _b, n) => `— Good morning! Can I help you?\n— Yes, please. I'd like a ${a[1]} for my brother, says ${n}.\n— Here you are. That's eight pounds.`, (_a, _b, n) => `Qu'est-ce que ${n} veut acheter ?`),
  },
  countries: {
    words: COUNTRIES,
    proper: true,
    sentences: ['I am from Scotland.', 'Where are you from?', 'London is in England.', 'She lives in Spain.'],
    dialogue: about(COUNTRIES.filter(([fr]) => fr !== 'les États-Unis'), (a, _b, n) => `— Hello! My name is ${n}. I'm from ${a[1]}.\n— Nice to meet you!`, (_a, _b, n) => `D'où vient ${n} ?`),
  },
  travel: {
    words: TRAVEL,
    sentences: ['Pack your suitcase!', 'The plane is late.', 'Where is the airport?', 'I have got my passport.', 'Look at the map.'],
    dialogue: (rng: Rng): Dialogue => {
      const ways = [['en avion', 'by plane'], ['en bateau', 'by boat'], ['en voiture', 'by car'], ['en train', 'by train']] as const;
      const [fr, en] = rng.pick(ways);
      const s = rng.pick(SPEAKERS);
      const place = rng.pick(['Scotland', 'Ireland', 'London', 'Wales']);
      return { text: `— How do you travel to ${place}, ${s.name}?\n— We travel ${en}. It's fun!`, question: `Comment la famille ${de(s.name)} voyage-t-elle ?`, answer: fr, wrong: ways.map((w) => w[0]).filter((w) => w !== fr) };
    },
  },
} satisfies Record<string, Topic>;

export type TopicName = keyof typeof TOPICS;
