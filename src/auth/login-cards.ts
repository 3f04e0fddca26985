import { randomInt } from 'node:crypto';

/**
 * What a child's login card holds, and the codes a school types. Pure; randomness from crypto.
 */

/** The sign-in screen's pictures, by id (their index): things a child of six names at once. */
export const PICTURES = ['chat', 'chien', 'lapin', 'poisson', 'oiseau', 'cheval', 'vache', 'cochon', 'soleil', 'lune', 'étoile', 'fleur', 'arbre', 'maison', 'bateau', 'ballon'] as const;

/** How many pictures a child taps, all different: 16 x 15 x 14 x 13 = 43,680 sequences. */
export const SEQUENCE_LENGTH = 4;

/** The animals a child recognises itself by on the roster. */
export const AVATARS = ['renard', 'hibou', 'ours', 'tortue', 'lion', 'girafe', 'panda', 'koala', 'pingouin', 'grenouille', 'abeille', 'papillon', 'dauphin', 'écureuil', 'hérisson', 'zèbre'] as const;

/** A class holds at most this many children. */
export const MAX_CLASS_SIZE = 60;

/** Read aloud and typed without doubt: no 0/O, no 1/I. 32 symbols, 5 bits each. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 8 symbols: 40 bits. */
const CODE_LENGTH = 8;

/** A new class code, as stored: 8 symbols, 40 random bits. */
export function newClassCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** As shown and printed: two groups of four ("K7PQ-3MZX"). */
export function displayClassCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as typed (any case, spaces, dashes) in its stored form, or undefined when it cannot be one. */
export function normalizeClassCode(typed: string): string | undefined {
  if (typed.length > 40) return undefined;
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`).test(code) ? code : undefined;
}

/** A new picture sequence: SEQUENCE_LENGTH different pictures, in a random order. */
export function newPictureSequence(): number[] {
  const left = PICTURES.map((_, i) => i);
  const sequence: number[] = [];
  for (let i = 0; i < SEQUENCE_LENGTH; i++) sequence.push(left.splice(randomInt(left.length), 1)[0]!);
  return sequence;
}

/** What is hashed for a sequence (and compared at sign-in): its ids in order. */
export function sequenceText(pictures: readonly number[]): string {
  return `pictures:${pictures.join('-')}`;
}

/** Whether a sequence sent at sign-in can be one at all (checked before any hash is computed). */
export function isPictureSequence(pictures: readonly number[]): boolean {
  return pictures.length === SEQUENCE_LENGTH && pictures.every((p) => Number.isInteger(p) && p >= 0 && p < PICTURES.length);
}

/** A random avatar, for a child enrolled without one. */
export function randomAvatar(): string {
  return AVATARS[randomInt(AVATARS.length)]!;
}

/** A child's username: its first name without accents or symbols, and 4 random symbols ("lea-k7pq"). */
export function newChildUsername(firstName: string): string {
  const base =
    firstName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 20) || 'eleve';
  let suffix = '';
  for (let i = 0; i < 4; i++) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!.toLowerCase();
  return `${base}-${suffix}`;
}

/** A teacher's temporary password: 14 symbols of the code alphabet (70 bits), to be replaced at first sign-in. */
export function newTemporaryPassword(): string {
  let password = '';
  for (let i = 0; i < 14; i++) password += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${password.slice(0, 7)}-${password.slice(7)}`;
}
