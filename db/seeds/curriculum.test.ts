import { describe, expect, it } from 'vitest';
import type { ExerciseType, Level, Subject } from '../../src/db/database.js';
import { validateExerciseData } from '../../src/exercises/exercise-content.js';
import { grade, normalizeText } from '../../src/exercises/grading.js';
import { buildCurriculum, type CurriculumExercise, type CurriculumModule } from './curriculum.js';

const LEVELS: Level[] = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'];
const SUBJECTS: Subject[] = ['MATHEMATIQUES', 'FRANCAIS', 'SCIENCES', 'HISTOIRE_GEOGRAPHIE', 'ANGLAIS'];
const TYPES: ExerciseType[] = ['QCM', 'CALCUL', 'TEXTE_LIBRE', 'DRAG_DROP', 'CONJUGAISON', 'LECTURE', 'GEOMETRIE', 'PROBLEME'];
const DIFFICULTY_RANK = { DECOUVERTE: 0, CONSOLIDATION: 1, MAITRISE: 2 } as const;

interface Choice {
  id: string;
  label: string;
}
interface Content {
  question: string;
  text?: string;
  statement?: string;
  choices?: Choice[];
  items?: Choice[];
  verb?: string;
}
interface Solution {
  choice?: string;
  value?: number;
  tolerance?: number;
  text?: string;
  accepted?: string[];
  ignoreCase?: boolean;
  ignoreAccents?: boolean;
  order?: string[];
}

const curriculum = buildCurriculum();
const all = curriculum.flatMap((m) => m.exercises.map((e) => ({ m, e, c: e.content as Content, s: e.solution as Solution })));
const where = (m: CurriculumModule, e: CurriculumExercise) => `${m.key} #${e.sortOrder} (${e.type})`;

/** The answers a child who knows would give: the bare id, the number, the text, the id list. */
function naturalAnswer(e: CurriculumExercise): unknown {
  const s = e.solution as Solution;
  switch (e.type) {
    case 'QCM':
    case 'LECTURE':
      return s.choice;
    case 'CALCUL':
    case 'GEOMETRIE':
    case 'PROBLEME':
      return String(s.value).replace('.', ',');
    case 'TEXTE_LIBRE':
    case 'CONJUGAISON':
      return s.text;
    case 'DRAG_DROP':
      return [...(s.order ?? [])];
  }
}

/** Plausible mistakes, each of which must be graded wrong. */
function wrongAnswers(e: CurriculumExercise): unknown[] {
  const c = e.content as Content;
  const s = e.solution as Solution;
  switch (e.type) {
    case 'QCM':
    case 'LECTURE':
      return (c.choices ?? []).filter((x) => x.id !== s.choice).map((x) => x.id);
    case 'CALCUL':
    case 'GEOMETRIE':
    case 'PROBLEME':
      return [(s.value ?? 0) + 1, (s.value ?? 0) - 1, 'je ne sais pas'];
    case 'TEXTE_LIBRE':
    case 'CONJUGAISON': {
      // A letter missing (chevau, chantons -> chanton), one too many, or the bare infinitive;
      // minus the ones that are in fact right (« êtes arrivé » when « êtes arrivés » is asked).
      const text = s.text ?? '';
      const options = { ignoreCase: s.ignoreCase ?? true, ignoreAccents: s.ignoreAccents ?? false };
      const right = new Set([text, ...(s.accepted ?? [])].map((t) => normalizeText(t, options)));
      return [text.slice(0, -1), `${text}x`, ...(c.verb === undefined ? [] : [c.verb])].filter((w) => !right.has(normalizeText(w, options)));
    }
    case 'DRAG_DROP':
      return [[...(s.order ?? [])].reverse(), (c.items ?? []).map((x) => x.id)];
  }
}

/** What makes two exercises the same question for a child. */
function identity(e: CurriculumExercise): string {
  const c = { ...(e.content as Content) } as Record<string, unknown>;
  const s = e.solution as Solution;
  if (Array.isArray(c.choices)) c.choices = (c.choices as Choice[]).find((x) => x.id === s.choice)?.label;
  if (Array.isArray(c.items)) c.items = (c.items as Choice[]).map((x) => x.label).sort();
  return JSON.stringify([e.type, c]);
}

const words = (s: string) => normalizeText(s, { ignoreCase: true, ignoreAccents: true }).split(/[^\p{L}\p{N}'-]+/u);

describe('buildCurriculum', () => {
  it('is big enough', () => {
    expect(curriculum.length).toBeGreaterThanOrEqual(100);
    expect(all.length).toBeGreaterThanOrEqual(1200);
  });

  it('covers every level and subject, in several periods', () => {
    for (const level of LEVELS) {
      for (const subject of SUBJECTS) {
        const periods = new Set(curriculum.filter((m) => m.level === level && m.subject === subject).map((m) => m.period));
        expect(periods.size, `${level} ${subject}`).toBe(5);
      }
    }
  });

  it('uses every exercise type, and several per level', () => {
    expect(new Set(all.map(({ e }) => e.type))).toEqual(new Set(TYPES));
    for (const level of LEVELS) {
      const types = new Set(all.filter(({ m }) => m.level === level).map(({ e }) => e.type));
      expect(types.size, level).toBeGreaterThanOrEqual(6);
    }
  });

  it('has unique module keys and consecutive sort orders', () => {
    expect(new Set(curriculum.map((m) => m.key)).size).toBe(curriculum.length);
    const groups = new Map<string, number[]>();
    for (const m of curriculum) {
      const g = `${m.level}-${m.subject}-${m.period}`;
      groups.set(g, [...(groups.get(g) ?? []), m.sortOrder]);
    }
    for (const orders of groups.values()) expect(orders).toEqual(orders.map((_, i) => i + 1));
    for (const m of curriculum) {
      expect(m.key.startsWith(`${m.level}-${m.subject}-${m.period}-`)).toBe(true);
      expect(m.exercises.map((e) => e.sortOrder), m.key).toEqual(m.exercises.map((_, i) => i + 1));
    }
  });

  it('has 6 to 15 exercises per module, difficulty growing, no exercise twice', () => {
    for (const m of curriculum) {
      expect(m.exercises.length, m.key).toBeGreaterThanOrEqual(6);
      expect(m.exercises.length, m.key).toBeLessThanOrEqual(15);
      const ranks = m.exercises.map((e) => DIFFICULTY_RANK[e.difficulty]);
      expect(ranks, m.key).toEqual([...ranks].sort());
      expect(new Set(ranks).size, m.key).toBe(3);
      expect(new Set(m.exercises.map(identity)).size, m.key).toBe(m.exercises.length);
      expect(m.title.length).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(0);
    }
  });

  it('gives sensible points, durations, titles and instructions', () => {
    for (const { m, e } of all) {
      expect(e.points, where(m, e)).toBeGreaterThanOrEqual(5);
      expect(e.points, where(m, e)).toBeLessThanOrEqual(50);
      expect(e.estimatedMinutes, where(m, e)).toBeGreaterThanOrEqual(1);
      expect(e.estimatedMinutes, where(m, e)).toBeLessThanOrEqual(15);
      expect(e.title.length, where(m, e)).toBeLessThanOrEqual(60);
      expect(e.instructions, where(m, e)).toMatch(/^[A-ZÀ-Ý].*[.!]$/u);
    }
    for (const m of curriculum) {
      const byDifficulty = (d: keyof typeof DIFFICULTY_RANK) => m.exercises.filter((e) => e.difficulty === d).map((e) => e.points);
      expect(Math.max(...byDifficulty('DECOUVERTE')), m.key).toBeLessThan(Math.min(...byDifficulty('MAITRISE')));
    }
  });

  it('is deterministic', () => {
    expect(buildCurriculum()).toEqual(curriculum);
  });

  it('builds in well under 200 ms', () => {
    const start = performance.now();
    buildCurriculum();
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('stores content and solution of the right shape for every exercise', () => {
    for (const { m, e } of all) expect(validateExerciseData(e.type, e.content, e.solution), where(m, e)).toEqual([]);
  });

  it('grades the solution itself and the natural answer as right', () => {
    for (const { m, e } of all) {
      expect(grade(e.type, e.solution, e.solution), where(m, e)).toBe(true);
      expect(grade(e.type, e.solution, naturalAnswer(e)), where(m, e)).toBe(true);
    }
  });

  it('accepts the conjugated form with or without its pronoun', () => {
    for (const { m, e, s } of all.filter(({ e }) => e.type === 'CONJUGAISON')) {
      expect(s.ignoreAccents, where(m, e)).not.toBe(true);
      expect(s.accepted?.some((a) => a.endsWith(s.text ?? '') && a !== s.text), where(m, e)).toBe(true);
      for (const a of s.accepted ?? []) expect(grade(e.type, e.solution, a), where(m, e)).toBe(true);
    }
  });

  it('grades plausible mistakes as wrong', () => {
    const problems: string[] = [];
    for (const { m, e } of all) {
      const wrong = wrongAnswers(e);
      if (wrong.length === 0) problems.push(`${where(m, e)}: no wrong answer to try`);
      for (const w of wrong) if (grade(e.type, e.solution, w)) problems.push(`${where(m, e)}: ${JSON.stringify(w)} graded right`);
    }
    expect(problems).toEqual([]);
  });

  it('does not reveal the answer in the content', () => {
    const problems: string[] = [];
    for (const { m, e, c, s } of all) {
      const id = where(m, e);
      if (c.choices) {
        expect(new Set(c.choices.map((x) => x.label.toLowerCase())).size, id).toBe(c.choices.length);
        expect(c.choices.map((x) => x.id), id).toEqual(c.choices.map((_, i) => 'abcdefgh'[i]));
      }
      if (c.items) {
        // Shown in display order a, b, c...: the answer is never the order the items come in.
        expect(c.items.map((x) => x.id), id).toEqual(c.items.map((_, i) => 'abcdefghijkl'[i]));
        expect(s.order, id).not.toEqual(c.items.map((x) => x.id));
        expect(new Set(c.items.map((x) => x.label.toLowerCase())).size, id).toBe(c.items.length);
      }
      if (s.value !== undefined) expect(c.question.replace(/\s/g, ''), id).not.toContain(`=${String(s.value).replace('.', ',')}`);
      if (s.text !== undefined) {
        const shown = new Set(words(JSON.stringify({ ...c, verb: undefined })));
        const answer = words(s.text).filter((w) => w.length > 0);
        if (answer.every((w) => shown.has(w))) problems.push(`${id} shows « ${s.text} »`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts the right choice at varied positions', () => {
    const positions = new Map<string, number>();
    for (const { c, s } of all) if (c.choices && s.choice) positions.set(s.choice, (positions.get(s.choice) ?? 0) + 1);
    const counts = ['a', 'b', 'c', 'd'].map((id) => positions.get(id) ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    for (const n of counts.slice(0, 2)) expect(n / total).toBeGreaterThan(0.15);
  });
});
