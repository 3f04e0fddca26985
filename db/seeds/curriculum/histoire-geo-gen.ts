import { type Maker, sequence, write } from './bank.js';
import * as D from './histoire-geo-data.js';
import type { Rng } from './prng.js';
import { de, type Draft, order, qcm } from './util.js';

/** Generators shared by the history and geography modules: timelines, dates, calendars, places. */

function year(y: number): string {
  return y < 0 ? `${-y} av. J.-C.` : String(y);
}

function chrono(rng: Rng, title: string, events: readonly D.Event[], size: number): Draft {
  const picked = rng.sample(events, size).sort((a, b) => a[1] - b[1]);
  const question = events === D.INVENTIONS ? 'Range ces inventions de la plus ancienne à la plus récente.' : 'Range ces événements du plus ancien au plus récent.';
  return order(rng, title, question, picked.map(([e]) => e));
}

function when(rng: Rng, title: string, events: readonly D.Event[], what = 'cet événement'): Draft {
  const [label, y] = rng.pick(events);
  return qcm(rng, title, `En quelle année situe-t-on ${what} : « ${label} » ?`, year(y), events.filter(([, x]) => x !== y).map(([, x]) => year(x)));
}

export const chronoOf = (title: string, events: readonly D.Event[], sizes: readonly number[]): Maker => ({ rng }) => chrono(rng, title, events, rng.pick(sizes));
export const whenOf = (title: string, events: readonly D.Event[], what?: string): Maker => ({ rng }) => when(rng, title, events, what);

function rotate<T>(list: readonly T[], start: number): T[] {
  return [...list.slice(start), ...list.slice(0, start)];
}

export const nextOf = (title: string, list: readonly string[], what: string): Maker => ({ rng }) => {
  const i = rng.int(0, list.length - 1);
  const after = rng.bool();
  const right = list[(i + (after ? 1 : list.length - 1)) % list.length] as string;
  return qcm(rng, title, `Quel ${what} vient juste ${after ? 'après' : 'avant'} ${list[i]} ?`, right, list.filter((x) => x !== right && x !== list[i]));
};

export const cycleOrder = (title: string, list: readonly string[], what: string, size: number): Maker => ({ rng }) => {
  const start = rng.int(0, list.length - 1);
  return sequence(rng, title, `Range ces ${what} dans l'ordre, en commençant par ${list[start]}.`, rotate(list, start), size, true);
};

export const MOMENTS = ['le matin', 'le midi', 'l\'après-midi', 'le soir', 'la nuit'];
const LANDSCAPES = ['en ville', 'à la campagne', 'à la montagne', 'au bord de la mer'];
export const landscape = (items: readonly (readonly [string, number])[]): Maker[] => items.map(([thing, i]) => ({ rng }) =>
  qcm(rng, 'Les paysages', `Où trouve-t-on ${thing} ?`, LANDSCAPES[i] as string, LANDSCAPES));

export const capital = (list: typeof D.EUROPE_CAPITALS, tier: number): Maker[] => list.filter((c) => c[2] === tier).map(([of, city]) => ({ rng }) =>
  qcm(rng, 'Les capitales', `Quelle est la capitale ${of} ?`, city, list.map(([, c]) => c)));
export const capitalWritten = (list: typeof D.EUROPE_CAPITALS): Maker[] => write('Les capitales', list.map(([of, city]) => [`Écris le nom de la capitale ${of}.`, city] as const), { ignoreAccents: true });

export const continent = (tier: 0 | 1): Maker[] => D.COUNTRY_CONTINENT.filter((c) => c[2] === tier).map(([country, i]) => ({ rng }) =>
  qcm(rng, 'Les continents', `Sur quel continent ${country.startsWith('les ') ? 'se trouvent' : 'se trouve'} ${country} ?`, D.CONTINENTS[i] as string, D.CONTINENTS));

export const region = (tier: 0 | 1): Maker[] => D.REGIONS.filter((r) => r[2] === tier).map(([city, reg]) => ({ rng }) =>
  qcm(rng, 'Les régions de France', `Dans quelle région se trouve la ville ${de(city)} ?`, reg, [...new Set(D.REGIONS.map(([, r]) => r))]));

export const river: Maker[] = D.RIVER_CITIES.map(([city, r]) => ({ rng }) => qcm(rng, 'Les fleuves de France', `Quel fleuve traverse ${city} ?`, r, D.RIVERS));

export const period: Maker[] = D.PERIOD_ITEMS.map(([thing, i]) => ({ rng }) =>
  qcm(rng, 'Les grandes périodes', `À quelle période de l'histoire rattaches-tu ${thing} ?`, D.PERIODS[i] as string, D.PERIODS));
