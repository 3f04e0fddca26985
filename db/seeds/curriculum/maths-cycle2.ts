import { add, addPair, compare, digits, div, type Maker, mul, numberToWords, orderNumbers, sub, subPair, table, wordsToNumber, writeInDigits } from './maths-gen.js';
import * as G from './maths-geometrie.js';
import * as P from './maths-problemes.js';
import { byTier, calcul, fr, type ModuleSpec, SAY } from './util.js';
import type { Level, Period } from '../../../src/db/database.js';

/** Cycle 2 (CP, CE1, CE2): numbers to 10 000, the four operations, measures, first word problems. */

type Tiers = readonly (readonly Maker[])[];

function mod(level: Level, period: Period, slug: string, title: string, description: string, count: number, tiers: Tiers): ModuleSpec {
  return { level, subject: 'MATHEMATIQUES', period, slug, title, description, count, make: (ctx) => byTier(ctx, tiers) };
}

export function cycle2(): ModuleSpec[] {
  return [
    // ---- CP
    mod('CP', 'P1', 'nombres-jusqu-a-10', 'Les nombres jusqu\'à 10', 'Comparer, ranger et connaître la suite des nombres de 0 à 10.', 12, [
      [({ rng }) => compare(rng, rng.distinctInts(3, 0, 10))],
      [
        ({ rng }) => { const k = rng.int(0, 9); return calcul('Le nombre suivant', `Quel nombre vient juste après ${k} ?`, k + 1, { instructions: SAY.write }); },
        ({ rng }) => { const k = rng.int(1, 10); return calcul('Le nombre précédent', `Quel nombre vient juste avant ${k} ?`, k - 1, { instructions: SAY.write }); },
      ],
      [({ rng }) => orderNumbers(rng, rng.distinctInts(4, 0, 10))],
    ]),
    mod('CP', 'P1', 'additions-jusqu-a-10', 'Additions jusqu\'à 10', 'Ajouter deux petits nombres, sans dépasser 10.', 12, [
      [({ rng }) => { const a = rng.int(1, 4); return add(a, rng.int(1, 5 - a)); }],
      [({ rng }) => { const a = rng.int(2, 8); return add(a, rng.int(1, 10 - a)); }],
      [({ rng }) => { const a = rng.int(1, 8); const t = rng.int(a + 1, 10); return calcul('Le nombre manquant', `${a} + ? = ${t}`, t - a); }],
    ]),
    mod('CP', 'P2', 'nombres-jusqu-a-20', 'Les nombres jusqu\'à 20', 'Dizaine et unités, comparer et ranger les nombres jusqu\'à 20.', 12, [
      [({ rng }) => compare(rng, rng.distinctInts(3, 5, 20))],
      [({ rng }) => { const u = rng.int(0, 9); return calcul('Dizaine et unités', `1 dizaine et ${u} unité${u > 1 ? 's' : ''}, quel nombre est-ce ?`, 10 + u, { instructions: SAY.write }); }],
      [({ rng }) => orderNumbers(rng, rng.distinctInts(5, 0, 20))],
    ]),
    mod('CP', 'P2', 'additions-jusqu-a-20', 'Additions jusqu\'à 20', 'Ajouter 10, utiliser les doubles et passer la dizaine.', 12, [
      [({ rng }) => add(10, rng.int(1, 9)), ({ rng }) => { const d = rng.int(1, 9); return add(d, d, 'Les doubles'); }],
      [({ rng }) => { const u = rng.int(1, 7); return add(10 + u, rng.int(1, 9 - u)); }],
      [({ rng }) => { const a = rng.int(5, 9); return add(a, rng.int(11 - a, 9)); }],
    ]),
    mod('CP', 'P3', 'soustractions-jusqu-a-20', 'Soustractions jusqu\'à 20', 'Enlever, retrouver l\'écart entre deux nombres jusqu\'à 20.', 12, [
      [({ rng }) => { const a = rng.int(3, 10); return sub(a, rng.int(1, a - 1)); }],
      [({ rng }) => { const u = rng.int(2, 9); return sub(10 + u, rng.int(1, u)); }],
      [({ rng }) => { const u = rng.int(0, 7); return sub(10 + u, rng.int(u + 1, 9)); }],
    ]),
    mod('CP', 'P3', 'petits-problemes', 'Petits problèmes', 'Résoudre des problèmes où l\'on ajoute ou enlève, jusqu\'à 20.', 9, [
      [({ rng }) => P.gain(rng, 20)],
      [({ rng }) => P.loss(rng, 20)],
      [({ rng }) => P.bus(rng, 20)],
    ]),
    mod('CP', 'P4', 'nombres-jusqu-a-100', 'Les nombres jusqu\'à 100', 'Dizaines et unités, comparer et ranger les nombres jusqu\'à 100.', 12, [
      [({ rng }) => { const d = rng.int(2, 9); const u = rng.int(0, 9); return calcul('Dizaines et unités', `${d} dizaines et ${u} unité${u > 1 ? 's' : ''}, quel nombre est-ce ?`, 10 * d + u, { instructions: SAY.write }); }],
      [({ rng }) => compare(rng, rng.distinctInts(3, 20, 99))],
      [({ rng }) => orderNumbers(rng, rng.distinctInts(4, 10, 99))],
    ]),
    mod('CP', 'P4', 'figures-et-longueurs', 'Figures et longueurs', 'Reconnaître les figures planes et mesurer une ligne brisée.', 9, [
      [G.polygon],
      [G.polygon],
      [({ rng }) => G.brokenLine(rng, 3, 6)],
    ]),
    mod('CP', 'P5', 'additions-de-dizaines', 'Additions avec les dizaines', 'Ajouter des dizaines et des unités à un nombre jusqu\'à 100.', 12, [
      [({ rng }) => { const a = rng.int(1, 6); return add(10 * a, 10 * rng.int(1, 9 - a)); }],
      [({ rng }) => { const a = 10 * rng.int(1, 8) + rng.int(0, 8); return add(a, rng.int(1, 9 - (a % 10))); }],
      [({ rng }) => { for (;;) { const [a, b] = addPair(rng, 2, 2, false); if (a + b < 100) return add(a, b); } }],
    ]),
    mod('CP', 'P5', 'la-monnaie', 'La monnaie', 'Compter des pièces et des billets, payer et rendre la monnaie jusqu\'à 20 €.', 9, [
      [({ rng }) => P.moneyCoins(rng)],
      [({ rng }) => P.moneyTotal(rng, 20)],
      [({ rng }) => P.moneyChange(rng, [10, 20])],
    ]),

    // ---- CE1
    mod('CE1', 'P1', 'nombres-jusqu-a-100', 'Lire et écrire les nombres jusqu\'à 100', 'Passer des lettres aux chiffres et ranger les nombres jusqu\'à 100.', 12, [
      [({ rng }) => wordsToNumber(rng, rng.int(17, 99))],
      [({ rng }) => writeInDigits(rng.int(60, 99))],
      [({ rng }) => orderNumbers(rng, rng.distinctInts(5, 10, 99))],
    ]),
    mod('CE1', 'P1', 'additions-jusqu-a-100', 'Additions jusqu\'à 100', 'Additionner des nombres à deux chiffres, avec ou sans retenue.', 12, [
      [({ rng }) => { const [a, b] = addPair(rng, 2, 1, false); return add(a, b); }],
      [({ rng }) => { for (;;) { const [a, b] = addPair(rng, 2, 2, false); if (a + b < 100) return add(a, b); } }],
      [({ rng }) => { for (;;) { const [a, b] = addPair(rng, 2, 2, true); if (a + b < 100) return add(a, b); } }],
    ]),
    mod('CE1', 'P2', 'soustractions-jusqu-a-100', 'Soustractions jusqu\'à 100', 'Soustraire des nombres à deux chiffres, avec ou sans retenue.', 12, [
      [({ rng }) => { const [a, b] = subPair(rng, 2, 1, false); return sub(a, b); }],
      [({ rng }) => { const [a, b] = subPair(rng, 2, 2, false); return sub(a, b); }],
      [({ rng }) => { const [a, b] = subPair(rng, 2, 2, true); return sub(a, b); }],
    ]),
    mod('CE1', 'P2', 'problemes-additifs', 'Problèmes : ajouter, enlever, comparer', 'Résoudre des problèmes additifs et soustractifs jusqu\'à 100.', 9, [
      [({ rng }) => P.gain(rng, 99), ({ rng }) => P.loss(rng, 99)],
      [({ rng }) => P.complement(rng, 30)],
      [({ rng }) => P.compareMore(rng, 99)],
    ]),
    mod('CE1', 'P3', 'tables-de-2-a-5', 'Les tables de 2, 3, 4 et 5', 'Apprendre les tables de multiplication de 2 à 5.', 15, [
      [({ rng }) => table(rng, rng.pick([2, 5]))],
      [({ rng }) => table(rng, rng.pick([3, 4]))],
      [({ rng }) => table(rng, rng.int(2, 5))],
    ]),
    mod('CE1', 'P3', 'mesurer-des-longueurs', 'Mesurer des longueurs', 'Le mètre et le centimètre, longueur d\'une ligne brisée.', 9, [
      [({ rng }) => G.convert(rng.int(1, 9), 'm', 'cm')],
      [({ rng }) => G.brokenLine(rng, rng.int(3, 4), 15)],
      [({ rng }) => G.convertMixed(rng)],
    ]),
    mod('CE1', 'P4', 'nombres-jusqu-a-1000', 'Les nombres jusqu\'à 1 000', 'Centaines, dizaines et unités ; comparer et ranger jusqu\'à 1 000.', 12, [
      [({ rng }) => { const [c, d, u] = [rng.int(1, 9), rng.int(0, 9), rng.int(0, 9)]; return calcul('Centaines, dizaines, unités', `${c} centaine${c > 1 ? 's' : ''}, ${d} dizaine${d > 1 ? 's' : ''} et ${u} unité${u > 1 ? 's' : ''} : quel nombre est-ce ?`, 100 * c + 10 * d + u, { instructions: SAY.write }); }],
      [({ rng }) => compare(rng, rng.distinctInts(4, 100, 999))],
      [({ rng }) => wordsToNumber(rng, rng.int(101, 999)), ({ rng }) => orderNumbers(rng, rng.distinctInts(4, 100, 999))],
    ]),
    mod('CE1', 'P4', 'doubles-et-moities', 'Doubles et moitiés', 'Calculer le double et la moitié d\'un nombre.', 12, [
      [({ rng }) => { const k = rng.int(2, 10); return calcul('Le double', `Quel est le double de ${k} ?`, 2 * k); }],
      [({ rng }) => { const k = 10 * rng.int(1, 5); return calcul('Le double', `Quel est le double de ${k} ?`, 2 * k); }, ({ rng }) => { const k = 2 * rng.int(2, 10); return calcul('La moitié', `Quelle est la moitié de ${k} ?`, k / 2); }],
      [({ rng }) => { const k = 2 * rng.int(11, 49); return calcul('La moitié', `Quelle est la moitié de ${k} ?`, k / 2); }, ({ rng }) => { const k = rng.int(11, 49); return calcul('Le double', `Quel est le double de ${k} ?`, 2 * k); }],
    ]),
    mod('CE1', 'P5', 'problemes-multiplicatifs', 'Problèmes de groupes et de partages', 'Résoudre des problèmes de multiplication et de partage.', 9, [
      [({ rng }) => P.groups(rng, [2, 5, 10], 5)],
      [({ rng }) => P.groups(rng, [3, 4, 5], 10)],
      [({ rng }) => P.sharing(rng, [2, 3, 4, 5], 8)],
    ]),
    mod('CE1', 'P5', 'figures-et-solides', 'Figures et solides', 'Reconnaître et décrire polygones, cubes, pavés et pyramides.', 12, [
      [G.polygon],
      [G.solid],
      [G.solid],
    ]),

    // ---- CE2
    mod('CE2', 'P1', 'nombres-jusqu-a-10000', 'Les nombres jusqu\'à 10 000', 'Lire, écrire, comparer et ranger les nombres jusqu\'à 10 000.', 12, [
      [({ rng }) => wordsToNumber(rng, rng.int(1001, 9999))],
      [({ rng }) => compare(rng, rng.distinctInts(4, 1000, 9999)), ({ rng }) => numberToWords(rng, rng.int(1001, 9999))],
      [({ rng }) => { const t = 1000 * rng.int(1, 9); return orderNumbers(rng, rng.distinctInts(4, 0, 999).map((x) => t + x)); }],
    ]),
    mod('CE2', 'P1', 'additions-soustractions', 'Additions et soustractions posées', 'Poser et calculer des additions et soustractions de nombres à trois chiffres.', 12, [
      [({ rng }) => { const [a, b] = addPair(rng, 3, 3, false); return add(a, b, 'Addition posée'); }],
      [({ rng }) => { const [a, b] = addPair(rng, 3, 3, true); return add(a, b, 'Addition posée'); }],
      [({ rng }) => { const [a, b] = subPair(rng, 3, 3, true); return sub(a, b, 'Soustraction posée'); }],
    ]),
    mod('CE2', 'P2', 'tables-de-6-a-9', 'Les tables de 6, 7, 8 et 9', 'Apprendre les tables de multiplication de 6 à 9.', 15, [
      [({ rng }) => table(rng, rng.pick([6, 9]))],
      [({ rng }) => table(rng, rng.pick([7, 8]))],
      [({ rng }) => table(rng, rng.int(6, 9))],
    ]),
    mod('CE2', 'P2', 'problemes-de-monnaie', 'Problèmes de monnaie', 'Calculer un prix, un total et la monnaie rendue.', 9, [
      [({ rng }) => P.moneyTotal(rng, 50)],
      [({ rng }) => P.moneyChange(rng, [20, 50])],
      [({ rng }) => P.pricesWithCents(rng)],
    ]),
    mod('CE2', 'P3', 'multiplication-posee', 'La multiplication posée', 'Multiplier par 10 ou 100, puis par un nombre à un chiffre.', 12, [
      [({ rng }) => mul(rng.int(2, 99), rng.pick([10, 100]))],
      [({ rng }) => mul(digits(rng, 2), rng.int(2, 9), 'Multiplication posée')],
      [({ rng }) => mul(digits(rng, 3), rng.int(2, 9), 'Multiplication posée')],
    ]),
    mod('CE2', 'P3', 'les-durees', 'Les durées', 'Heures, minutes, jours et semaines : calculer des durées.', 9, [
      [({ rng }) => P.minutesIn(rng), ({ rng }) => P.daysIn(rng)],
      [({ rng }) => P.elapsed(rng, false)],
      [({ rng }) => P.elapsed(rng, true)],
    ]),
    mod('CE2', 'P4', 'divisions-et-partages', 'Divisions et partages', 'Partager équitablement, chercher combien de fois un nombre est contenu dans un autre.', 12, [
      [({ rng }) => { const d = rng.int(2, 5); return div(d * rng.int(2, 10), d); }],
      [({ rng }) => { const d = rng.int(6, 9); return div(d * rng.int(2, 10), d); }],
      [({ rng }) => P.sharing(rng, [3, 4, 5, 6], 9, true)],
    ]),
    mod('CE2', 'P4', 'perimetres', 'Le périmètre', 'Calculer le périmètre d\'un carré, d\'un rectangle, d\'un triangle.', 9, [
      [({ rng }) => G.brokenLine(rng, 4, 12)],
      [({ rng }) => G.perimeter(rng, 12)],
      [({ rng }) => G.perimeter(rng, 25)],
    ]),
    mod('CE2', 'P5', 'conversions-de-longueurs', 'Convertir des longueurs', 'Kilomètre, mètre, centimètre et millimètre.', 12, [
      [({ rng }) => G.pickConversion(rng, [['m', 'cm'], ['cm', 'mm']], () => rng.int(2, 9))],
      [({ rng }) => G.pickConversion(rng, [['km', 'm'], ['m', 'mm']], () => rng.int(2, 9))],
      [({ rng }) => G.pickConversion(rng, [['cm', 'm'], ['m', 'km'], ['mm', 'cm']], () => rng.int(2, 9) * 1000), ({ rng }) => G.convertMixed(rng)],
    ]),
    mod('CE2', 'P5', 'masses-et-contenances', 'Masses et contenances', 'Le kilogramme, le gramme, le litre et le centilitre.', 12, [
      [({ rng }) => { const k = rng.int(2, 9); return calcul('Masses', `${k} kg = ? g`, 1000 * k, { unit: 'g', instructions: 'Convertis la masse.' }); }],
      [({ rng }) => { const k = rng.int(2, 9); return calcul('Contenances', `${k} L = ? cL`, 100 * k, { unit: 'cL', instructions: 'Convertis la contenance.' }); }],
      [({ rng }) => { const k = rng.int(1, 4); const g = 100 * rng.int(1, 9); return calcul('Masses', `${k} kg ${g} g = ? g`, 1000 * k + g, { unit: 'g', instructions: 'Convertis la masse.' }); },
        ({ rng }) => { const k = rng.int(2, 9); return calcul('Masses', `${fr(1000 * k)} g = ? kg`, k, { unit: 'kg', instructions: 'Convertis la masse.' }); }],
    ]),
  ];
}
