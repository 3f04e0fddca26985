import { describe, expect, it } from 'vitest';
import { AnswerShapeError, grade, normalizeText, parseNumber } from './grading.js';

describe('grade', () => {
  it('compares numbers as numbers, in every form a child or a client may send', () => {
    const s = { value: 56 };
    for (const a of [56, '56', ' 56 ', '56,0', '56.00', { value: 56 }, { value: '56' }]) expect(grade('CALCUL', s, a)).toBe(true);
    for (const a of [55, '57', 'cinquante-six', '', { value: 57 }]) expect(grade('CALCUL', s, a)).toBe(false);
    expect(grade('GEOMETRIE', { value: 3.5 }, '3,5')).toBe(true);
    expect(grade('PROBLEME', { value: 1000 }, '1 000')).toBe(true);
    expect(grade('PROBLEME', { value: 0.3, tolerance: 0.001 }, 0.1 + 0.2)).toBe(true);
  });

  it('compares text after trimming and case folding, and folds accents only where allowed', () => {
    expect(grade('TEXTE_LIBRE', { text: 'chat' }, '  Chat. ')).toBe(true);
    expect(grade('CONJUGAISON', { text: 'étions' }, 'etions')).toBe(false);
    expect(grade('CONJUGAISON', { text: 'étions' }, 'Étions')).toBe(true);
    expect(grade('TEXTE_LIBRE', { text: 'Orléans', ignoreAccents: true }, 'orleans')).toBe(true);
    expect(grade('TEXTE_LIBRE', { text: 'Paris', ignoreCase: false }, 'paris')).toBe(false);
    expect(grade('CONJUGAISON', { text: 'chantons', accepted: ['nous chantons'] }, { text: 'Nous  chantons' })).toBe(true);
    expect(grade('TEXTE_LIBRE', { text: "l'arbre" }, 'l’arbre')).toBe(true);
  });

  it('compares choices and orderings exactly', () => {
    expect(grade('QCM', { choice: 'b' }, 'b')).toBe(true);
    expect(grade('QCM', { choice: 'b' }, { choice: 'a' })).toBe(false);
    expect(grade('LECTURE', { choice: 'c' }, { choice: 'c' })).toBe(true);
    expect(grade('DRAG_DROP', { order: ['c', 'a', 'b'] }, ['c', 'a', 'b'])).toBe(true);
    expect(grade('DRAG_DROP', { order: ['c', 'a', 'b'] }, { order: ['a', 'c', 'b'] })).toBe(false);
    expect(grade('DRAG_DROP', { order: ['c', 'a', 'b'] }, ['c', 'a'])).toBe(false);
  });

  it('accepts the solution itself as the answer for every type', () => {
    const cases: [Parameters<typeof grade>[0], unknown][] = [
      ['QCM', { choice: 'a' }],
      ['LECTURE', { choice: 'b' }],
      ['CALCUL', { value: 12 }],
      ['GEOMETRIE', { value: 24 }],
      ['PROBLEME', { value: 7.5 }],
      ['TEXTE_LIBRE', { text: 'maison', accepted: ['maisons'] }],
      ['CONJUGAISON', { text: 'finissons', accepted: ['nous finissons'] }],
      ['DRAG_DROP', { order: ['b', 'a'] }],
    ];
    for (const [type, solution] of cases) expect(grade(type, solution, structuredClone(solution)), type).toBe(true);
  });

  it('rejects answers whose shape cannot answer the type', () => {
    expect(() => grade('CALCUL', { value: 1 }, [1])).toThrow(AnswerShapeError);
    expect(() => grade('DRAG_DROP', { order: ['a', 'b'] }, 'ab')).toThrow(AnswerShapeError);
    expect(() => grade('QCM', { choice: 'a' }, 1)).toThrow(AnswerShapeError);
    expect(() => grade('TEXTE_LIBRE', { text: 'a' }, null)).toThrow(AnswerShapeError);
  });
});

describe('normalizeText and parseNumber', () => {
  it('normalises what a child types', () => {
    expect(normalizeText('  Le   CHAT !', { ignoreCase: true, ignoreAccents: false })).toBe('le chat');
    expect(normalizeText('Élève', { ignoreCase: true, ignoreAccents: true })).toBe('eleve');
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1e3')).toBeUndefined();
    expect(parseNumber(Number.NaN)).toBeUndefined();
  });
});
