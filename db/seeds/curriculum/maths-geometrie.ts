import type { Maker } from './maths-gen.js';
import type { Rng } from './prng.js';
import { de, type Draft, fr, geometrie } from './util.js';

/** Geometry and measurement exercises (GEOMETRIE): figures, solids, perimeters, areas, volumes, lengths. */

const POLYGONS: readonly [string, string, number][] = [
  ['triangle', 'ce triangle', 3], ['carré', 'ce carré', 4], ['rectangle', 'ce rectangle', 4], ['losange', 'ce losange', 4],
  ['pentagone', 'ce pentagone', 5], ['hexagone', 'cet hexagone', 6], ['octogone', 'cet octogone', 8],
];

export const polygon: Maker = ({ rng }) => {
  const [shape, named, n] = rng.pick(POLYGONS);
  const what = rng.pick(['côtés', 'sommets']);
  return geometrie('Les polygones', `Combien ${de(what)} a ${named} ?`, n, what, { shape, dimensions: {} }, 'Observe la figure, puis réponds.');
};

const SOLIDS: readonly [string, string, number, number, number][] = [
  ['cube', 'ce cube', 6, 12, 8],
  ['pavé droit', 'ce pavé droit', 6, 12, 8],
  ['pyramide à base carrée', 'cette pyramide à base carrée', 5, 8, 5],
  ['pyramide à base triangulaire', 'cette pyramide à base triangulaire', 4, 6, 4],
  ['prisme à base triangulaire', 'ce prisme à base triangulaire', 5, 9, 6],
];

export const solid: Maker = ({ rng }) => {
  const [shape, named, faces, aretes, sommets] = rng.pick(SOLIDS);
  const [what, n] = rng.pick([['faces', faces], ['arêtes', aretes], ['sommets', sommets]] as const);
  return geometrie('Les solides', `Combien ${de(what)} a ${named} ?`, n, what, { shape, dimensions: {} }, 'Observe le solide, puis réponds.');
};

export function brokenLine(rng: Rng, segments: number, max: number): Draft {
  const lengths = Array.from({ length: segments }, () => rng.int(1, max));
  const dimensions = Object.fromEntries(lengths.map((l, i) => [`segment${i + 1}`, l]));
  const list = lengths.map((l) => `${l} cm`).join(', ');
  return geometrie('Ligne brisée', `Une ligne brisée est faite de ${segments} segments : ${list}. Quelle est sa longueur totale ?`, lengths.reduce((a, b) => a + b, 0), 'cm', { shape: 'ligne brisée', dimensions });
}

export function perimeter(rng: Rng, max: number, unit = 'cm'): Draft {
  const kind = rng.int(0, 2);
  if (kind === 0) {
    const c = rng.int(2, max);
    return geometrie('Périmètre du carré', `Calcule le périmètre de ce carré de ${c} ${unit} de côté.`, 4 * c, unit, { shape: 'carré', dimensions: { cote: c } });
  }
  if (kind === 1) {
    const L = rng.int(3, max);
    const l = rng.int(1, L - 1);
    return geometrie('Périmètre du rectangle', `Calcule le périmètre de ce rectangle de ${L} ${unit} de longueur et ${l} ${unit} de largeur.`, 2 * (L + l), unit, { shape: 'rectangle', dimensions: { longueur: L, largeur: l } });
  }
  const [a, b, c] = [rng.int(2, max), rng.int(2, max), rng.int(2, max)].sort((x, y) => x - y) as [number, number, number];
  if (a + b <= c) return perimeter(rng, max, unit);
  return geometrie('Périmètre du triangle', `Les côtés de ce triangle mesurent ${a} ${unit}, ${b} ${unit} et ${c} ${unit}. Calcule son périmètre.`, a + b + c, unit, { shape: 'triangle', dimensions: { a, b, c } });
}

export function sideFromPerimeter(rng: Rng, max: number): Draft {
  const c = rng.int(3, max);
  return geometrie('Du périmètre au côté', `Le périmètre d'un carré est ${4 * c} cm. Combien mesure son côté ?`, c, 'cm', { shape: 'carré', dimensions: { perimetre: 4 * c } });
}

export function gridArea(rng: Rng): Draft {
  const rows = rng.int(2, 6);
  const cols = rng.int(3, 9);
  return geometrie('Aire en carreaux', `Un rectangle est formé de ${rows} rangées de ${cols} carreaux. Combien de carreaux le recouvrent ?`, rows * cols, 'carreaux', { shape: 'rectangle quadrillé', dimensions: { rangees: rows, colonnes: cols } });
}

export function area(rng: Rng, max: number, withTriangle = false): Draft {
  const kind = rng.int(0, withTriangle ? 2 : 1);
  if (kind === 0) {
    const c = rng.int(2, Math.min(max, 12));
    return geometrie('Aire du carré', `Calcule l'aire de ce carré de ${c} cm de côté.`, c * c, 'cm²', { shape: 'carré', dimensions: { cote: c } });
  }
  if (kind === 1) {
    const L = rng.int(3, max);
    const l = rng.int(2, L - 1);
    return geometrie('Aire du rectangle', `Calcule l'aire de ce rectangle de ${L} cm de longueur et ${l} cm de largeur.`, L * l, 'cm²', { shape: 'rectangle', dimensions: { longueur: L, largeur: l } });
  }
  const a = 2 * rng.int(2, Math.floor(max / 2));
  const b = rng.int(3, max);
  return geometrie('Aire du triangle rectangle', `Les côtés de l'angle droit de ce triangle rectangle mesurent ${a} cm et ${b} cm. Calcule son aire.`, (a * b) / 2, 'cm²', { shape: 'triangle rectangle', dimensions: { a, b } });
}

/** An L-shaped figure: a big rectangle with a corner cut away. */
export function compositeArea(rng: Rng): Draft {
  const L = rng.int(8, 14);
  const l = rng.int(6, 10);
  const cutL = rng.int(2, L - 4);
  const cutl = rng.int(2, l - 3);
  return geometrie(
    'Aire d\'une figure en L',
    `Dans un rectangle de ${L} cm sur ${l} cm, on a découpé un coin rectangulaire de ${cutL} cm sur ${cutl} cm. Quelle est l'aire de la figure restante ?`,
    L * l - cutL * cutl,
    'cm²',
    { shape: 'figure en L', dimensions: { longueur: L, largeur: l, decoupeLongueur: cutL, decoupeLargeur: cutl } },
  );
}

export function aquarium(rng: Rng): Draft {
  const [L, l, h] = [rng.pick([30, 40, 50, 60, 80]), rng.pick([20, 30, 40]), rng.pick([20, 30, 40, 50])];
  return geometrie('Volume et contenance', `Un aquarium a la forme d'un pavé droit de ${L} cm de longueur, ${l} cm de largeur et ${h} cm de hauteur. Sachant que 1 L = 1 000 cm³, combien de litres d'eau peut-il contenir ?`, (L * l * h) / 1000, 'L', { shape: 'pavé droit', dimensions: { longueur: L, largeur: l, hauteur: h } });
}

export function volume(rng: Rng): Draft {
  if (rng.bool()) {
    const c = rng.int(2, 6);
    return geometrie('Volume du cube', `Combien de petits cubes de 1 cm³ faut-il pour remplir un cube de ${c} cm d'arête ?`, c ** 3, 'cm³', { shape: 'cube', dimensions: { arete: c } });
  }
  const [L, l, h] = [rng.int(3, 10), rng.int(2, 6), rng.int(2, 5)];
  return geometrie('Volume du pavé droit', `Calcule le volume d'un pavé droit de ${L} cm de longueur, ${l} cm de largeur et ${h} cm de hauteur.`, L * l * h, 'cm³', { shape: 'pavé droit', dimensions: { longueur: L, largeur: l, hauteur: h } });
}

const LENGTH_UNITS = ['km', 'hm', 'dam', 'm', 'dm', 'cm', 'mm'] as const;
type LengthUnit = (typeof LENGTH_UNITS)[number];

/** `value` `from` = ? `to`, e.g. 3 m = ? cm. */
export function convert(value: number, from: LengthUnit, to: LengthUnit): Draft {
  const factor = 10 ** (LENGTH_UNITS.indexOf(to) - LENGTH_UNITS.indexOf(from));
  return geometrie('Conversions de longueurs', `${fr(value)} ${from} = ? ${to}`, value * factor, to, undefined, 'Convertis la longueur.');
}

export function convertMixed(rng: Rng): Draft {
  const m = rng.int(1, 9);
  const cm = rng.int(1, 99);
  return geometrie('Conversions de longueurs', `${m} m ${cm} cm = ? cm`, m * 100 + cm, 'cm', undefined, 'Convertis la longueur.');
}

export function pickConversion(rng: Rng, pairs: readonly [LengthUnit, LengthUnit][], values: () => number): Draft {
  const [from, to] = rng.pick(pairs);
  return convert(values(), from, to);
}
