import { at, person } from './maths-gen.js';
import type { Rng } from './prng.js';
import { de, type Draft, fr, PEOPLE, probleme } from './util.js';

/** Word problems (PROBLEME): adding, sharing, money, durations, proportions, percentages. */

/** Prices as written on a label: 7 €, 7,50 €. */
function euros(n: number): string {
  return Number.isInteger(n) ? `${fr(n)} €` : `${n.toFixed(2).replace('.', ',')} €`;
}


const THINGS = ['billes', 'images', 'cartes', 'autocollants', 'bonbons', 'perles'] as const;
const ITEMS: readonly [string, string][] = [
  ['un livre', 'le livre'], ['un ballon', 'le ballon'], ['une trousse', 'la trousse'], ['un jeu', 'le jeu'],
  ['une poupée', 'la poupée'], ['un puzzle', 'le puzzle'], ['une règle', 'la règle'], ['un cahier', 'le cahier'],
];

export function gain(rng: Rng, max: number): Draft {
  const p = person(rng);
  const thing = rng.pick(THINGS);
  const a = rng.int(2, max - 2);
  const b = rng.int(1, max - a);
  return probleme('Problème : on ajoute', `${p.name} a ${a} ${thing}. À la récréation, ${p.il} en gagne ${b}.`, `Combien ${de(thing)} ${p.name} ${at(p)} maintenant ?`, a + b, thing);
}

export function loss(rng: Rng, max: number): Draft {
  const p = person(rng);
  const q = person(rng);
  const thing = rng.pick(THINGS);
  const a = rng.int(3, max);
  const b = rng.int(1, a - 1);
  const friend = q.name === p.name ? 'sa sœur' : q.name;
  return probleme('Problème : on enlève', `${p.name} a ${a} ${thing}. ${p.il === 'il' ? 'Il' : 'Elle'} en donne ${b} à ${friend}.`, `Combien ${de(thing)} lui reste-t-il ?`, a - b, thing);
}

export function bus(rng: Rng, max: number): Draft {
  const a = rng.int(5, max - 5);
  const b = rng.int(2, max - a);
  const c = rng.int(2, a + b - 1);
  return probleme('Problème : le bus', `Dans le bus, il y a ${a} enfants. Au premier arrêt, ${b} enfants montent. Au deuxième arrêt, ${c} enfants descendent.`, 'Combien d\'enfants y a-t-il maintenant dans le bus ?', a + b - c, 'enfants');
}

export function complement(rng: Rng, max: number): Draft {
  const total = rng.int(Math.floor(max / 2), max);
  const girls = rng.int(Math.floor(total / 3), total - 3);
  return probleme('Problème : la classe', `Dans la classe, il y a ${total} élèves. ${girls} sont des filles.`, 'Combien y a-t-il de garçons ?', total - girls, 'garçons');
}

export function compareMore(rng: Rng, max: number): Draft {
  const p = person(rng);
  const q = rng.pick(PEOPLE.filter((x) => x.name !== p.name));
  const thing = rng.pick(THINGS);
  const a = rng.int(5, max - 5);
  const more = rng.bool();
  const b = more ? rng.int(2, max - a) : rng.int(2, a - 2);
  return probleme('Problème : comparer', `${p.name} a ${a} ${thing}. ${q.name} en a ${b} de ${more ? 'plus' : 'moins'} que ${p.name}.`, `Combien ${de(thing)} ${q.name} ${at(q)} ?`, more ? a + b : a - b, thing);
}

export function moneyTotal(rng: Rng, max: number): Draft {
  const p = person(rng);
  const [x, y] = rng.sample(ITEMS, 2) as [[string, string], [string, string]];
  const a = rng.int(2, Math.floor(max / 2));
  const b = rng.int(1, max - a);
  return probleme('Problème : les achats', `${p.name} achète ${x[0]} à ${fr(a)} € et ${y[0]} à ${fr(b)} €.`, `Combien ${p.name} paie-t-${p.il} en tout ?`, a + b, '€');
}

export function moneyChange(rng: Rng, notes: readonly number[]): Draft {
  const p = person(rng);
  const [item] = rng.pick(ITEMS);
  const note = rng.pick(notes);
  const price = rng.int(Math.ceil(note / 4), note - 1);
  return probleme('Problème : la monnaie', `${p.name} achète ${item} qui coûte ${fr(price)} €. ${p.il === 'il' ? 'Il' : 'Elle'} paie avec un billet de ${note} €.`, 'Combien d\'argent doit-on lui rendre ?', note - price, '€');
}

export function moneyCoins(rng: Rng): Draft {
  const p = person(rng);
  const note = rng.pick([5, 10]);
  const k = rng.int(1, 4);
  const coin = rng.pick([1, 2]);
  return probleme('Problème : compter l\'argent', `${p.name} a un billet de ${note} € et ${k} pièce${k > 1 ? 's' : ''} de ${coin} €.`, `Combien d'argent ${p.name} ${at(p)} ?`, note + k * coin, '€');
}

const GROUPS: readonly [string, string, string][] = [
  ['boîtes', 'œufs', 'Combien d\'œufs y a-t-il en tout ?'],
  ['rangées', 'chaises', 'Combien de chaises y a-t-il en tout ?'],
  ['sachets', 'bonbons', 'Combien de bonbons y a-t-il en tout ?'],
  ['paquets', 'gâteaux', 'Combien de gâteaux y a-t-il en tout ?'],
  ['équipes', 'joueurs', 'Combien de joueurs y a-t-il en tout ?'],
];

export function groups(rng: Rng, factors: readonly number[], maxCount = 10): Draft {
  const [group, thing, question] = rng.pick(GROUPS);
  const n = rng.int(2, maxCount);
  const k = rng.pick(factors);
  return probleme('Problème : des groupes', `Il y a ${n} ${group} de ${k} ${thing}.`, question, n * k, thing);
}

export function sharing(rng: Rng, divisors: readonly number[], maxQuotient = 10, remainder = false): Draft {
  const p = person(rng);
  const d = rng.pick(divisors);
  const q = rng.int(2, maxQuotient);
  const r = remainder ? rng.int(1, d - 1) : 0;
  const n = d * q + r;
  const thing = rng.pick(THINGS);
  if (!remainder) {
    return probleme('Problème : partager', `${p.name} partage ${n} ${thing} entre ${d} amis. Chacun en reçoit autant.`, `Combien ${de(thing)} chaque ami reçoit-il ?`, q, thing);
  }
  const askRest = rng.bool();
  return probleme(
    'Problème : partager',
    `${p.name} range ${n} ${thing} dans des sachets de ${d}. ${p.il === 'il' ? 'Il' : 'Elle'} ne remplit que des sachets complets.`,
    askRest ? `Combien ${de(thing)} reste-t-il hors des sachets ?` : 'Combien de sachets complets peut-on remplir ?',
    askRest ? r : q,
    askRest ? thing : 'sachets',
  );
}

export function shopping(rng: Rng, withChange: boolean): Draft {
  const p = person(rng);
  const k = rng.int(2, 5);
  const unit = rng.int(2, 9);
  const [item] = rng.pick(ITEMS);
  const extra = rng.int(3, 15);
  const total = k * unit + extra;
  const statement = `${p.name} achète ${k} cahiers à ${unit} € l'un et ${item} à ${extra} €.`;
  if (!withChange) return probleme('Problème à étapes', statement, `Combien ${p.name} paie-t-${p.il} en tout ?`, total, '€');
  const note = total < 50 ? 50 : 100;
  return probleme('Problème à étapes', `${statement} ${p.il === 'il' ? 'Il' : 'Elle'} paie avec un billet de ${note} €.`, 'Combien d\'argent lui rend-on ?', note - total, '€');
}

export function minutesIn(rng: Rng): Draft {
  const h = rng.int(1, 4);
  const m = rng.pick([0, 10, 15, 20, 30, 45]);
  const text = m === 0 ? `${h} h` : `${h} h ${m} min`;
  return probleme('Problème : les durées', `Un film dure ${text}. On rappelle que 1 h = 60 min.`, 'Combien de minutes dure le film ?', h * 60 + m, 'min');
}

export function daysIn(rng: Rng): Draft {
  const w = rng.int(2, 6);
  return probleme('Problème : les durées', `Les vacances de ${rng.pick(['Noël', 'printemps', 'la Toussaint'])} durent ${w} semaines. Une semaine compte 7 jours.`, 'Combien de jours durent ces vacances ?', w * 7, 'jours');
}

function time(h: number, m: number): string {
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

export function elapsed(rng: Rng, crossHour: boolean): Draft {
  const h = rng.int(8, 16);
  const m1 = rng.pick([0, 5, 10, 15, 20, 25, 30, 35, 40]);
  const d = crossHour ? rng.int(65 - m1, 130) : rng.int(1, Math.floor((55 - m1) / 5)) * 5;
  const end = h * 60 + m1 + d;
  const [what, il] = rng.pick([['La séance de piscine', 'elle'], ['Le match', 'il'], ['La répétition', 'elle'], ['Le spectacle', 'il']] as const);
  return probleme('Problème : les durées', `${what} commence à ${time(h, m1)} et se termine à ${time(Math.floor(end / 60), end % 60)}.`, `Combien de minutes dure-t-${il} ?`, d, 'min');
}

export function proportion(rng: Rng, kind = rng.int(0, 2)): Draft {
  if (kind === 0) {
    const n = rng.int(2, 5);
    const price = rng.int(2, 6);
    const k = n * rng.int(2, 4);
    return probleme('Proportionnalité', `${n} cahiers coûtent ${n * price} €.`, `Combien coûtent ${k} cahiers ?`, k * price, '€');
  }
  if (kind === 1) {
    const base = rng.pick([2, 4]);
    const flour = rng.pick([100, 150, 200, 250]);
    const people = base * rng.int(2, 4) + (base === 4 ? rng.pick([0, 2]) : 0);
    return probleme('Proportionnalité', `Pour faire un gâteau pour ${base} personnes, il faut ${flour} g de farine.`, `Combien de grammes de farine faut-il pour ${people} personnes ?`, (flour * people) / base, 'g');
  }
  const kg = rng.int(2, 5);
  const perKg = rng.pick([1.5, 2, 2.5, 3]);
  const k = rng.int(6, 10);
  return probleme('Proportionnalité', `${kg} kg de pommes coûtent ${euros(kg * perKg)}.`, `Combien coûtent ${k} kg de ces pommes ?`, k * perKg, '€');
}

const BIG_ITEMS: readonly [string, string][] = [
  ['Un vélo', 'le vélo'], ['Une trottinette', 'la trottinette'], ['Un manteau', 'le manteau'], ['Une tablette', 'la tablette'], ['Une tente de camping', 'la tente'],
];

export function percent(rng: Rng): Draft {
  const p = rng.pick([10, 20, 25, 50, 75]);
  if (rng.bool()) {
    const pupils = rng.pick([100, 120, 200, 240, 300, 400]);
    return probleme('Pourcentages', `Dans une école de ${pupils} élèves, ${p} % des élèves mangent à la cantine.`, 'Combien d\'élèves mangent à la cantine ?', (pupils * p) / 100, 'élèves');
  }
  const price = rng.pick([40, 60, 80, 100, 120, 200]);
  const [item, the] = rng.pick(BIG_ITEMS);
  return probleme('Pourcentages', `${item} coûte ${price} €. Pendant les soldes, son prix baisse de ${p} %.`, `Combien coûte ${the} pendant les soldes ?`, price - (price * p) / 100, '€');
}

export function speed(rng: Rng): Draft {
  const v = rng.pick([40, 50, 60, 80, 90, 100]);
  const h = rng.int(2, 4);
  if (rng.bool()) return probleme('Distances et vitesses', `Un train roule à la vitesse constante de ${v} km/h pendant ${h} heures.`, 'Quelle distance parcourt-il ?', v * h, 'km');
  const cyclist = rng.pick([12, 15, 18, 20, 25]);
  return probleme('Distances et vitesses', `Un cycliste parcourt ${cyclist * h} km en ${h} heures, toujours à la même vitesse.`, 'Quelle est sa vitesse en km/h ?', cyclist, 'km/h');
}

export function pricesWithCents(rng: Rng): Draft {
  const p = person(rng);
  const k = rng.int(2, 5);
  const cents = rng.pick([80, 90, 110, 120, 150, 250]);
  return probleme('Problème : les achats', `${p.name} achète ${k} croissants à ${euros(cents / 100)} l'un.`, `Combien ${p.name} paie-t-${p.il} ?`, (k * cents) / 100, '€');
}
