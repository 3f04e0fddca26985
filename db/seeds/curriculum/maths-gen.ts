import { enLettres } from './lettres.js';
import type { Rng } from './prng.js';
import { calcul, type Draft, fr, type MakeContext, order, PEOPLE, type Person, qcm, SAY } from './util.js';

/** Small generators the maths modules share: comparing, ordering, writing and computing numbers. */

export function compare(rng: Rng, nums: readonly number[], biggest = rng.bool()): Draft {
  const best = biggest ? Math.max(...nums) : Math.min(...nums);
  const question = biggest ? 'Quel est le plus grand nombre ?' : 'Quel est le plus petit nombre ?';
  return qcm(rng, 'Comparer des nombres', question, fr(best), nums.filter((n) => n !== best).map(fr));
}

export function orderNumbers(rng: Rng, nums: readonly number[], ascending = rng.bool()): Draft {
  const sorted = [...nums].sort((a, b) => (ascending ? a - b : b - a));
  const question = ascending ? 'Range ces nombres du plus petit au plus grand.' : 'Range ces nombres du plus grand au plus petit.';
  return order(rng, 'Ranger des nombres', question, sorted.map(fr), 'Fais glisser les nombres pour les ranger.');
}

/** Numbers a child confuses with n: swapped digits, one ten or one unit off, a zero too many. */
export function neighbours(n: number): number[] {
  const s = String(n);
  const out = [n + 10, n - 10, n + 1, n - 1, Number([...s].reverse().join('')), n + 100, n - 100];
  if (s.length >= 3) out.push(Number(s.slice(0, 1) + s.slice(2, 3) + s.slice(1, 2) + s.slice(3)));
  return out.filter((x) => x > 0 && x !== n && String(x).length >= s.length - 1);
}

export function wordsToNumber(rng: Rng, n: number): Draft {
  return qcm(rng, 'Nombres en lettres', `Quel nombre s'écrit « ${enLettres(n)} » ?`, fr(n), neighbours(n).map(fr));
}

export function numberToWords(rng: Rng, n: number): Draft {
  const wrong = neighbours(n).map(enLettres);
  return qcm(rng, 'Écrire un nombre en lettres', `Comment s'écrit ${fr(n)} en lettres ?`, enLettres(n), wrong);
}

export function writeInDigits(n: number): Draft {
  return calcul('Écrire en chiffres', `Écris en chiffres le nombre « ${enLettres(n)} ».`, n, { instructions: SAY.write });
}

export function add(a: number, b: number, title = 'Addition'): Draft {
  return calcul(title, `${fr(a)} + ${fr(b)} = ?`, a + b);
}

export function sub(a: number, b: number, title = 'Soustraction'): Draft {
  return calcul(title, `${fr(a)} − ${fr(b)} = ?`, a - b);
}

export function mul(a: number, b: number, title = 'Multiplication'): Draft {
  return calcul(title, `${fr(a)} × ${fr(b)} = ?`, a * b);
}

export function div(a: number, b: number, title = 'Division'): Draft {
  return calcul(title, `${fr(a)} ÷ ${fr(b)} = ?`, a / b);
}

export function table(rng: Rng, t: number, maxFactor = 10): Draft {
  const k = rng.int(1, maxFactor);
  return rng.bool() ? mul(t, k, `Table de ${t}`) : mul(k, t, `Table de ${t}`);
}

/** A number with exactly `digits` digits. */
export function digits(rng: Rng, d: number): number {
  return rng.int(10 ** (d - 1), 10 ** d - 1);
}

/** a + b with (carry) or without a carry in every column. */
export function addPair(rng: Rng, da: number, db: number, carry: boolean): [number, number] {
  for (;;) {
    const a = digits(rng, da);
    const b = digits(rng, db);
    if (hasCarry(a, b) === carry) return [a, b];
  }
}

function hasCarry(a: number, b: number): boolean {
  for (; a > 0 || b > 0; a = Math.floor(a / 10), b = Math.floor(b / 10)) if ((a % 10) + (b % 10) >= 10) return true;
  return false;
}

/** a − b with b having db digits and a borrow somewhere (or nowhere). */
export function subPair(rng: Rng, da: number, db: number, borrow: boolean): [number, number] {
  for (;;) {
    const a = digits(rng, da);
    const b = digits(rng, db);
    if (b < a && hasCarry(a - b, b) === borrow) return [a, b];
  }
}

export function person(rng: Rng): Person {
  return rng.pick(PEOPLE);
}

/** "a-t-il" / "a-t-elle", for questions like « Combien de billes Léa a-t-elle ? ». */
export function at(p: Person): string {
  return `a-t-${p.il}`;
}

export type Maker = (ctx: MakeContext) => Draft;
