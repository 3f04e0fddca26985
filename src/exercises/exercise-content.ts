import { z } from 'zod';
import type { ExerciseType } from '../db/database.js';

/**
 * The shapes of an exercise's `content` (what the child sees: never the answer) and `solution`
 * (what the grader compares with; ADMIN only), per exercise type. The seed and any curriculum
 * import validate against these, so the grader can rely on them.
 */
const choice = z.object({ id: z.string().min(1).max(16), label: z.string().min(1).max(300) });
const choices = z.array(choice).min(2).max(8);
const text = z.string().min(1).max(2000);

const choiceContent = z.object({ question: text, choices });
const numberContent = z.object({ question: text, unit: z.string().max(20).optional() });

export const contentSchemas = {
  QCM: choiceContent,
  LECTURE: choiceContent.extend({ text: z.string().min(1).max(5000) }),
  CALCUL: numberContent,
  GEOMETRIE: numberContent.extend({
    figure: z
      .object({ shape: z.string().min(1).max(40), dimensions: z.record(z.string(), z.number()) })
      .optional(),
  }),
  PROBLEME: numberContent.extend({ statement: text }),
  TEXTE_LIBRE: z.object({ question: text, hint: z.string().max(300).optional() }),
  CONJUGAISON: z.object({
    question: text,
    verb: z.string().min(1).max(40),
    tense: z.string().min(1).max(40),
    pronoun: z.string().min(1).max(20),
  }),
  DRAG_DROP: z.object({ question: text, items: z.array(choice).min(2).max(12) }),
} satisfies Record<ExerciseType, z.ZodType>;

const choiceSolution = z.object({ choice: z.string().min(1) });
const numberSolution = z.object({ value: z.number().finite(), tolerance: z.number().min(0).optional() });
const textSolution = z.object({
  text: z.string().min(1),
  /** Other spellings that are also right. */
  accepted: z.array(z.string().min(1)).optional(),
  /** Case is ignored unless the exercise is about capitals. */
  ignoreCase: z.boolean().optional(),
  /** Accents are checked unless the exercise allows them to be left out (e.g. English words). */
  ignoreAccents: z.boolean().optional(),
});

export const solutionSchemas = {
  QCM: choiceSolution,
  LECTURE: choiceSolution,
  CALCUL: numberSolution,
  GEOMETRIE: numberSolution,
  PROBLEME: numberSolution,
  TEXTE_LIBRE: textSolution,
  CONJUGAISON: textSolution,
  DRAG_DROP: z.object({ order: z.array(z.string().min(1)).min(2) }),
} satisfies Record<ExerciseType, z.ZodType>;

export type ChoiceSolution = z.infer<typeof choiceSolution>;
export type NumberSolution = z.infer<typeof numberSolution>;
export type TextSolution = z.infer<typeof textSolution>;

/** Checks that a content/solution pair is well-formed and consistent; returns the problems found. */
export function validateExerciseData(type: ExerciseType, content: unknown, solution: unknown): string[] {
  const problems: string[] = [];
  const c = contentSchemas[type].safeParse(content);
  const s = solutionSchemas[type].safeParse(solution);
  if (!c.success) problems.push(...c.error.issues.map((i) => `content.${i.path.join('.')}: ${i.message}`));
  if (!s.success) problems.push(...s.error.issues.map((i) => `solution.${i.path.join('.')}: ${i.message}`));
  if (!c.success || !s.success) return problems;
  const cv = c.data as { choices?: { id: string }[]; items?: { id: string }[] };
  const sv = s.data as { choice?: string; order?: string[] };
  if (sv.choice !== undefined && !cv.choices?.some((x) => x.id === sv.choice)) {
    problems.push(`solution.choice: ${sv.choice} is not one of the choices`);
  }
  if (sv.order !== undefined) {
    const ids = (cv.items ?? []).map((x) => x.id).sort();
    if (JSON.stringify([...sv.order].sort()) !== JSON.stringify(ids)) problems.push('solution.order: must list every item once');
  }
  return problems;
}
