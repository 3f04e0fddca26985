import type { Level, Period } from '../../../src/db/database.js';
import { add, compare, digits, div, type Maker, mul, orderNumbers, sub, wordsToNumber } from './maths-gen.js';
import * as G from './maths-geometrie.js';
import * as P from './maths-problemes.js';
import type { Rng } from './prng.js';
import { byTier, calcul, fr, type ModuleSpec, qcm, SAY } from './util.js';

/** Cycle 3 (CM1, CM2): large numbers, fractions, decimals, areas, volumes, proportionality. */

type Tiers = readonly (readonly Maker[])[];

function mod(level: Level, period: Period, slug: string, title: string, description: string, count: number, tiers: Tiers): ModuleSpec {
  return { level, subject: 'MATHEMATIQUES', period, slug, title, description, count, make: (ctx) => byTier(ctx, tiers) };
}

/** A decimal with `places` decimals between min and max, never a whole number. */
function decimal(rng: Rng, min: number, max: number, places: 1 | 2): number {
  const scale = 10 ** places;
  for (;;) {
    const n = rng.int(Math.ceil(min * scale), Math.floor(max * scale));
    if (n % 10 !== 0) return n / scale;
  }
}

/** Numbers that share their first digits, so comparing them takes more than a glance. */
function close(rng: Rng, count: number, magnitude: number): number[] {
  const base = rng.int(1, 9) * magnitude;
  return rng.distinctInts(count, 0, magnitude / 10 - 1).map((x) => base + x * rng.pick([1, 10]));
}

const FRACTION_QUANTITIES: readonly number[] = [2, 3, 4, 5, 10];

function fractionOf(rng: Rng, unitOnly: boolean): ReturnType<Maker> {
  const d = rng.pick(FRACTION_QUANTITIES);
  const num = unitOnly ? 1 : rng.int(2, d - 1 || 1);
  const q = rng.int(2, 12) * d;
  if (num >= d) return fractionOf(rng, true);
  return calcul('Fraction d\'une quantité', `Combien font ${num}/${d} de ${q} ?`, (q / d) * num);
}

function pizza(rng: Rng): ReturnType<Maker> {
  const parts = rng.pick([4, 6, 8, 10]);
  const eaten = rng.int(1, parts - 1);
  const wrong = [`${parts - eaten}/${parts}`, `${parts}/${eaten}`, `${eaten}/${parts - eaten}`, `1/${parts}`];
  return qcm(rng, 'Les fractions', `Une pizza est coupée en ${parts} parts égales. On en mange ${eaten}. Quelle fraction de la pizza a-t-on mangée ?`, `${eaten}/${parts}`, wrong.filter((w) => w !== `${eaten}/${parts}`));
}

function biggestFraction(rng: Rng): ReturnType<Maker> {
  const d = rng.pick([5, 6, 7, 8, 9, 10, 12]);
  const nums = rng.distinctInts(4, 1, d + 3);
  const max = Math.max(...nums);
  return qcm(rng, 'Comparer des fractions', 'Quelle est la plus grande fraction ?', `${max}/${d}`, nums.filter((x) => x !== max).map((x) => `${x}/${d}`));
}

function equivalentFraction(rng: Rng): ReturnType<Maker> {
  const b = rng.int(2, 6);
  const a = rng.int(1, b - 1);
  const k = rng.int(2, 5);
  const wrong = [`${k * a}/${b}`, `${a + k}/${b + k}`, `${a}/${k * b}`, `${k * a}/${k * b + 1}`];
  return qcm(rng, 'Fractions égales', `Quelle fraction est égale à ${a}/${b} ?`, `${k * a}/${k * b}`, wrong);
}

const DECIMAL_FRACTIONS: readonly [number, number][] = [[1, 2], [1, 4], [3, 4], [1, 5], [2, 5], [3, 5], [4, 5], [7, 10], [3, 10], [9, 10], [1, 100], [25, 100], [3, 2], [5, 4], [7, 4], [9, 5]];

export function cycle3(): ModuleSpec[] {
  return [
    // ---- CM1
    mod('CM1', 'P1', 'grands-nombres', 'Les grands nombres', 'Lire, écrire, décomposer, comparer et ranger les nombres jusqu\'au million.', 12, [
      [({ rng }) => wordsToNumber(rng, rng.int(10, 999) * 1000 + rng.pick([0, rng.int(1, 999)]))],
      [({ rng }) => { const n = rng.int(10_000, 999_999); const d = Math.floor(n / 1000) % 10; return calcul('Le chiffre des milliers', `Quel est le chiffre des milliers dans ${fr(n)} ?`, d, { instructions: SAY.write }); },
        ({ rng }) => compare(rng, close(rng, 4, 100_000))],
      [({ rng }) => orderNumbers(rng, close(rng, 4, 100_000))],
    ]),
    mod('CM1', 'P1', 'multiplier', 'Multiplier', 'Multiplier par 10, 100, 1 000 et poser une multiplication à deux chiffres.', 12, [
      [({ rng }) => mul(rng.int(2, 999), rng.pick([10, 100, 1000]))],
      [({ rng }) => mul(rng.int(11, 29), rng.int(11, 19), 'Multiplication posée')],
      [({ rng }) => mul(digits(rng, 2), digits(rng, 2), 'Multiplication posée'), ({ rng }) => mul(digits(rng, 3), rng.int(11, 39), 'Multiplication posée')],
    ]),
    mod('CM1', 'P2', 'diviser', 'La division', 'Diviser un nombre par un nombre à un chiffre ; quotient et reste.', 12, [
      [({ rng }) => { const d = rng.int(2, 4); return div(d * rng.int(11, Math.floor(99 / d)), d); }],
      [({ rng }) => { const d = rng.int(3, 9); return div(d * rng.int(20, Math.floor(999 / d)), d); }],
      [({ rng }) => { const d = rng.int(3, 9); const a = d * rng.int(15, 99) + rng.int(1, d - 1); return calcul('Le reste', `Dans la division de ${a} par ${d}, quel est le reste ?`, a % d); },
        ({ rng }) => P.sharing(rng, [6, 7, 8, 9], 15, true)],
    ]),
    mod('CM1', 'P2', 'problemes-a-etapes', 'Problèmes à étapes', 'Résoudre des problèmes qui demandent plusieurs calculs.', 9, [
      [({ rng }) => P.shopping(rng, false)],
      [({ rng }) => P.groups(rng, [6, 8, 12, 15, 24], 9)],
      [({ rng }) => P.shopping(rng, true)],
    ]),
    mod('CM1', 'P3', 'fractions', 'Les fractions', 'Comprendre une fraction, la fraction d\'une quantité, comparer des fractions.', 12, [
      [({ rng }) => pizza(rng), ({ rng }) => fractionOf(rng, true)],
      [({ rng }) => fractionOf(rng, false)],
      [({ rng }) => biggestFraction(rng), ({ rng }) => equivalentFraction(rng)],
    ]),
    mod('CM1', 'P3', 'aires', 'Les aires', 'Mesurer une aire en carreaux, puis en centimètres carrés.', 9, [
      [({ rng }) => G.gridArea(rng)],
      [({ rng }) => G.area(rng, 12)],
      [({ rng }) => G.area(rng, 25)],
    ]),
    mod('CM1', 'P4', 'nombres-decimaux', 'Les nombres décimaux', 'Fractions décimales et nombres décimaux, additions et soustractions.', 12, [
      [({ rng }) => { const k = rng.int(11, 99); return calcul('Fractions décimales', `Écris ${k}/10 sous forme de nombre décimal.`, k / 10, { instructions: SAY.write }); }],
      [({ rng }) => add(decimal(rng, 1, 20, 1), decimal(rng, 1, 20, 1), 'Addition de décimaux')],
      [({ rng }) => { const a = decimal(rng, 5, 30, 2); const b = decimal(rng, 1, a - 1, 1); return sub(a, b, 'Soustraction de décimaux'); }],
    ]),
    mod('CM1', 'P4', 'comparer-des-decimaux', 'Comparer des décimaux', 'Comparer et ranger des nombres décimaux.', 12, [
      [({ rng }) => compare(rng, rng.distinctInts(3, 11, 99).map((x) => x / 10))],
      [({ rng }) => { const u = rng.int(1, 9); return compare(rng, [u + rng.int(1, 9) / 10, u + rng.int(11, 99) / 100, u + rng.int(1, 9) / 100].filter((x, i, a) => a.indexOf(x) === i)); }],
      [({ rng }) => { const u = rng.int(1, 9); return orderNumbers(rng, [...new Set([u + rng.int(1, 9) / 10, u + rng.int(11, 99) / 100, u + rng.int(1, 9) / 100, u + 1 + rng.int(1, 9) / 10])]); }],
    ]),
    mod('CM1', 'P5', 'perimetres-et-aires', 'Périmètres et aires', 'Ne pas confondre périmètre et aire ; retrouver un côté.', 9, [
      [({ rng }) => G.perimeter(rng, 20)],
      [({ rng }) => G.area(rng, 15)],
      [({ rng }) => G.sideFromPerimeter(rng, 20)],
    ]),
    mod('CM1', 'P5', 'conversions', 'Convertir des longueurs', 'Toutes les unités de longueur, du kilomètre au millimètre.', 12, [
      [({ rng }) => G.pickConversion(rng, [['km', 'm'], ['m', 'cm'], ['m', 'mm']], () => rng.int(2, 15))],
      [({ rng }) => G.pickConversion(rng, [['dam', 'm'], ['hm', 'm'], ['dm', 'cm'], ['km', 'dam']], () => rng.int(2, 30))],
      [({ rng }) => G.pickConversion(rng, [['m', 'km'], ['cm', 'm'], ['mm', 'cm']], () => rng.int(2, 9) * 1000 + rng.pick([0, 500]))],
    ]),

    // ---- CM2
    mod('CM2', 'P1', 'nombres-jusqu-au-milliard', 'Les nombres jusqu\'au milliard', 'Lire, écrire, comparer et ranger des nombres de plusieurs millions.', 12, [
      [({ rng }) => wordsToNumber(rng, rng.int(1, 99) * 1_000_000 + rng.int(1, 999) * 1000)],
      [({ rng }) => compare(rng, close(rng, 4, 10_000_000))],
      [({ rng }) => orderNumbers(rng, close(rng, 5, 10_000_000))],
    ]),
    mod('CM2', 'P1', 'multiplications', 'Multiplications posées', 'Multiplier des nombres entiers à plusieurs chiffres.', 12, [
      [({ rng }) => mul(digits(rng, 2), digits(rng, 2), 'Multiplication posée')],
      [({ rng }) => mul(digits(rng, 3), digits(rng, 2), 'Multiplication posée')],
      [({ rng }) => mul(digits(rng, 3), digits(rng, 3), 'Multiplication posée'), ({ rng }) => mul(digits(rng, 4), digits(rng, 2), 'Multiplication posée')],
    ]),
    mod('CM2', 'P2', 'division-decimale', 'La division décimale', 'Diviser par un nombre à deux chiffres ; quotient décimal ; valeur approchée.', 12, [
      [({ rng }) => { const d = rng.int(11, 25); return div(d * rng.int(3, 40), d); }],
      [({ rng }) => { const d = rng.pick([2, 4, 5, 8]); let a = rng.int(10, 99); if (a % d === 0) a += 1; return div(a, d, 'Quotient décimal'); }],
      [({ rng }) => { const d = rng.pick([3, 6, 7, 9]); let a = rng.int(10, 80); if (a % d === 0) a += 1; return calcul('Valeur approchée', `Calcule ${a} ÷ ${d} et donne une valeur approchée au dixième près.`, a / d, { tolerance: 0.1 }); }],
    ]),
    mod('CM2', 'P2', 'proportionnalite', 'La proportionnalité', 'Résoudre des problèmes de prix, de recettes et de quantités proportionnelles.', 9, [
      [({ rng }) => P.proportion(rng, 0)],
      [({ rng }) => P.proportion(rng, 1)],
      [({ rng }) => P.proportion(rng, 2)],
    ]),
    mod('CM2', 'P3', 'fractions-et-decimaux', 'Fractions et décimaux', 'Passer d\'une fraction à un nombre décimal, fractions égales.', 12, [
      [({ rng }) => { const [a, b] = rng.pick(DECIMAL_FRACTIONS); return calcul('Fraction et décimal', `Écris ${a}/${b} sous forme de nombre décimal.`, a / b, { instructions: SAY.write }); }],
      [({ rng }) => fractionOf(rng, false), ({ rng }) => equivalentFraction(rng)],
      [({ rng }) => { const [a, b] = rng.pick(DECIMAL_FRACTIONS); const k = rng.int(1, 3); return calcul('Fraction et décimal', `${k} + ${a}/${b} = ? (écris le résultat sous forme décimale)`, k + a / b); }],
    ]),
    mod('CM2', 'P3', 'aires-de-figures', 'Aires de figures', 'Aire du carré, du rectangle, du triangle rectangle et de figures composées.', 9, [
      [({ rng }) => G.area(rng, 20)],
      [({ rng }) => G.area(rng, 20, true)],
      [({ rng }) => G.compositeArea(rng)],
    ]),
    mod('CM2', 'P4', 'calculs-avec-decimaux', 'Calculer avec les décimaux', 'Multiplier un décimal par 10, 100, 1 000 ou par un entier ; additionner des décimaux.', 12, [
      [({ rng }) => mul(decimal(rng, 0, 20, rng.pick([1, 2] as const)), rng.pick([10, 100, 1000]))],
      [({ rng }) => add(decimal(rng, 1, 50, 2), decimal(rng, 1, 50, 1), 'Addition de décimaux')],
      [({ rng }) => mul(decimal(rng, 1, 15, 1), rng.int(3, 9), 'Multiplier un décimal')],
    ]),
    mod('CM2', 'P4', 'pourcentages', 'Les pourcentages', 'Calculer 10 %, 25 %, 50 % ou 75 % d\'une quantité ; soldes.', 9, [
      [({ rng }) => P.percent(rng)],
      [({ rng }) => P.percent(rng)],
      [({ rng }) => P.percent(rng)],
    ]),
    mod('CM2', 'P5', 'volumes', 'Les volumes', 'Volume du cube et du pavé droit ; litres et centimètres cubes.', 9, [
      [({ rng }) => G.volume(rng)],
      [({ rng }) => G.volume(rng)],
      [({ rng }) => G.aquarium(rng)],
    ]),
    mod('CM2', 'P5', 'durees-et-vitesses', 'Durées et vitesses', 'Calculer des durées, des distances et des vitesses moyennes.', 9, [
      [({ rng }) => P.elapsed(rng, true), ({ rng }) => P.minutesIn(rng)],
      [({ rng }) => P.speed(rng)],
      [({ rng }) => P.speed(rng), ({ rng }) => P.elapsed(rng, true)],
    ]),
  ];
}
