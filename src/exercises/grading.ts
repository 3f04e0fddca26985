import type { ExerciseType } from '../db/database.js';
import { solutionSchemas, type NumberSolution, type TextSolution } from './exercise-content.js';

/**
 * Server-side grading, per exercise type. Pure functions: the answer as the client sent it and
 * the stored solution in, right or wrong out. An answer whose shape cannot be an answer to this
 * type at all (an array for a sum...) is a client bug, reported as AnswerShapeError; an answer
 * of the right shape with the wrong content (letters typed in a number field) is simply wrong.
 *
 * Accepted answer shapes (the solution's own shape is always one of them):
 *   QCM, LECTURE                  "b" or { choice: "b" }
 *   CALCUL, GEOMETRIE, PROBLEME   56, "56", "3,5" or { value: ... }
 *   TEXTE_LIBRE, CONJUGAISON      "chantons" or { text: "chantons" }
 *   DRAG_DROP                     ["c", "a", "b"] or { order: [...] }
 */
export class AnswerShapeError extends Error {
  constructor(readonly type: ExerciseType, expected: string) {
    super(`answer for a ${type} exercise must be ${expected}`);
    this.name = 'AnswerShapeError';
  }
}

export function grade(type: ExerciseType, solution: unknown, answer: unknown): boolean {
  switch (type) {
    case 'QCM':
    case 'LECTURE':
      return gradeChoice(solutionSchemas[type].parse(solution).choice, answer, type);
    case 'CALCUL':
    case 'GEOMETRIE':
    case 'PROBLEME':
      return gradeNumber(solutionSchemas[type].parse(solution), answer, type);
    case 'TEXTE_LIBRE':
    case 'CONJUGAISON':
      return gradeText(solutionSchemas[type].parse(solution), answer, type);
    case 'DRAG_DROP':
      return gradeOrder(solutionSchemas[type].parse(solution).order, answer, type);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unwrap(answer: unknown, key: string): unknown {
  return isRecord(answer) && key in answer ? answer[key] : answer;
}

function gradeChoice(expected: string, answer: unknown, type: ExerciseType): boolean {
  const given = unwrap(answer, 'choice');
  if (typeof given !== 'string') throw new AnswerShapeError(type, 'a choice id, "b" or {"choice": "b"}');
  return given.trim() === expected;
}

/** "12", "12,5", "1 000", 12.5 -> number; anything else -> undefined (a wrong answer). */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

function gradeNumber(solution: NumberSolution, answer: unknown, type: ExerciseType): boolean {
  const given = unwrap(answer, 'value');
  if (typeof given !== 'number' && typeof given !== 'string') {
    throw new AnswerShapeError(type, 'a number, "12,5" or {"value": 12.5}');
  }
  const n = parseNumber(given);
  return n !== undefined && Math.abs(n - solution.value) <= (solution.tolerance ?? 1e-9);
}

export function normalizeText(value: string, options: { ignoreCase: boolean; ignoreAccents: boolean }): string {
  let s = value
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[.!?]+$/, '')
    .replace(/\s*'\s*/g, "'");
  if (options.ignoreCase) s = s.toLocaleLowerCase('fr');
  if (options.ignoreAccents) s = s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return s;
}

function gradeText(solution: TextSolution, answer: unknown, type: ExerciseType): boolean {
  const given = unwrap(answer, 'text');
  if (typeof given !== 'string') throw new AnswerShapeError(type, 'a text, "chat" or {"text": "chat"}');
  const options = { ignoreCase: solution.ignoreCase ?? true, ignoreAccents: solution.ignoreAccents ?? false };
  const mine = normalizeText(given, options);
  return [solution.text, ...(solution.accepted ?? [])].some((t) => normalizeText(t, options) === mine);
}

function gradeOrder(expected: string[], answer: unknown, type: ExerciseType): boolean {
  const given = unwrap(answer, 'order');
  if (!Array.isArray(given) || !given.every((x) => typeof x === 'string')) {
    throw new AnswerShapeError(type, 'a list of item ids, ["c","a","b"] or {"order": [...]}');
  }
  return given.length === expected.length && given.every((id, i) => id === expected[i]);
}
