/**
 * Numbers written in French words, traditional spelling (the one CP-CM2 textbooks still teach):
 * vingt et un, quatre-vingts, deux cents, deux cent trois, mille, deux millions.
 */
const UNITS = [
  'zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
  'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf',
];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function below100(n: number, final: boolean): string {
  if (n < 20) return UNITS[n] as string;
  if (n < 70) {
    const t = TENS[Math.floor(n / 10)] as string;
    const u = n % 10;
    if (u === 0) return t;
    return u === 1 ? `${t} et un` : `${t}-${UNITS[u]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${UNITS[n - 60]}`;
  // quatre-vingts takes its s only at the very end of the number.
  if (n === 80) return final ? 'quatre-vingts' : 'quatre-vingt';
  return `quatre-vingt-${UNITS[n - 80]}`;
}

function below1000(n: number, final: boolean): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 0) return below100(rest, final);
  const hundreds = h === 1 ? 'cent' : `${UNITS[h]} cent${rest === 0 && final ? 's' : ''}`;
  return rest === 0 ? hundreds : `${hundreds} ${below100(rest, final)}`;
}

export function enLettres(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) throw new Error(`enLettres: ${n} out of range`);
  if (n === 0) return 'zéro';
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor((n % 1e6) / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (millions > 0) parts.push(`${below1000(millions, true)} million${millions > 1 ? 's' : ''}`);
  // mille is invariable, and cent / quatre-vingt lose their s before it.
  if (thousands > 0) parts.push(thousands === 1 ? 'mille' : `${below1000(thousands, false)} mille`);
  if (rest > 0) parts.push(below1000(rest, true));
  return parts.join(' ');
}
