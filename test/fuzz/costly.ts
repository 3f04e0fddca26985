import type { Rng } from '../../db/seeds/curriculum/prng.js';

/**
 * Well-formed operations that ask for a lot from a small document: cycles of lists
 * (Module.exercises -> Exercise.module -> ...), aliases of nested lists, huge first/limit/days,
 * fragments that spread nested lists (repeated, chained, aliased). Each must be refused before it
 * runs (OPERATION_LIMIT_EXCEEDED: cost, depth, aliases, tokens), refused for its arguments
 * (BAD_USER_INPUT, GRAPHQL_VALIDATION_FAILED), refused for its viewer (UNAUTHENTICATED,
 * FORBIDDEN, RATE_LIMITED), stopped while it runs (OPERATION_LIMIT_EXCEEDED: responseSize), or
 * answered: never a 500 and never a response without bound. All parse: the kind's answers are
 * checked for GRAPHQL_PARSE_FAILED, which would mean the shapes no longer reach the limits.
 */
export type CostlyShape = 'cycle' | 'aliases' | 'hugeArguments' | 'fragments';
export const COSTLY_SHAPES: readonly CostlyShape[] = ['cycle', 'aliases', 'hugeArguments', 'fragments'];

/** In and out of Int's range, negative, zero, and far past what any list holds. */
const HUGE = [0, 1, 20, 100, 101, 1_000, 100_000, 2 ** 31 - 1, -1, -(2 ** 31), 2 ** 31, 99_999_999_999];
const LEAVES = ['id', 'title', 'points', 'content', 'instructions', '__typename', 'solution', 'id title content'];
const LEVELS = ['', '(level: CP)', '(level: CM2, subject: MATHEMATIQUES)', '(subject: ANGLAIS)'];

export function costlyOperation(rng: Rng, shape: CostlyShape, exerciseId: number): { query: string; variables?: Record<string, unknown> } {
  const leaf = () => rng.pick(LEAVES);
  /** `module { exercises { ` n times around `inner`: n more lists of the same exercises. */
  const cycle = (n: number, inner: string) => `${'module { exercises { '.repeat(n)}${inner}${' } }'.repeat(n)}`;
  const huge = () => rng.pick(HUGE);
  switch (shape) {
    case 'cycle': {
      const n = rng.int(0, 5);
      return {
        query: rng.pick([
          `{ modules${rng.pick(LEVELS)} { id exercises { ${cycle(n, leaf())} } } }`,
          `{ exercise(id: "${exerciseId}") { ${cycle(n + 1, leaf())} } }`,
          `{ me { recommendations(limit: ${rng.pick([5, 20, 100])}) { exercise { ${cycle(n, leaf())} } } } }`,
          `{ me { progress(first: ${rng.pick([20, 100])}) { edges { node { exercise { ${cycle(Math.min(n, 3), leaf())} } } } } } }`,
        ]),
      };
    }
    case 'aliases': {
      const n = rng.int(1, 17);
      const inner = rng.int(0, 2) === 0 ? Array.from({ length: rng.int(2, 8) }, (_, i) => `e${i}: exercises { ${leaf()} }`).join(' ') : `exercises { ${cycle(rng.int(0, 2), leaf())} }`;
      return { query: `{ ${Array.from({ length: n }, (_, i) => `m${i}: modules${rng.pick(LEVELS)} { ${inner} }`).join(' ')} }` };
    }
    case 'hugeArguments': {
      const asVariables = rng.bool();
      const arg = (name: string) => (asVariables ? `$${name}` : String(huge()));
      const body = rng.pick([
        () => `students(first: ${arg('f')}) { totalCount edges { node { username progress(first: ${arg('g')}) { totalCount edges { node { status } } } } } }`,
        () => `students(first: ${arg('f')}) { edges { node { recommendations(limit: ${arg('l')}) { exercise { id } } sessions(days: ${arg('d')}) { id } } } }`,
        () => `me { recommendations(limit: ${arg('l')}) { reason exercise { id module { exercises { id } } } } }`,
        () => `me { progress(first: ${arg('f')}) { totalCount edges { node { status exercise { id } } } } sessions(days: ${arg('d')}) { id } }`,
        () => `monitoring { operations(limit: ${arg('l')}, windowSeconds: ${arg('d')}) { name count } }`,
      ])();
      if (!asVariables) return { query: `{ ${body} }` };
      const names = [...new Set([...body.matchAll(/\$(\w+)/g)].map((m) => m[1]!))];
      return { query: `query(${names.map((n) => `$${n}: Int`).join(', ')}) { ${body} }`, variables: Object.fromEntries(names.map((n) => [n, huge()])) };
    }
    case 'fragments': {
      const spreads = (name: string) => ` ...${name}`.repeat(rng.int(1, 6));
      return {
        query: rng.pick([
          `{ modules${rng.pick(LEVELS)} { ...M } } fragment M on Module { id exercises { ...E } } fragment E on Exercise { ${leaf()} module { ...N } } fragment N on Module { exercises { ${leaf()} } }`,
          `{ modules { ${spreads('M')} } } fragment M on Module { a: exercises { id } b: exercises { ${leaf()} } }`,
          `{ exercise(id: "${exerciseId}") { ...X } } fragment X on Exercise { module { exercises {${spreads('Y')} } } } fragment Y on Exercise { module { exercises { ${leaf()} } } }`,
          `{ m1: modules { ...M } m2: modules { ...M } m3: modules { ... on Module { exercises { ...E } } } } fragment M on Module { exercises { ...E } } fragment E on Exercise { ${leaf()} }`,
          `{ me { ...S } } fragment S on Student { recommendations(limit: ${huge()}) { exercise { module { ...M } } } } fragment M on Module { exercises { ${leaf()} } }`,
        ]),
      };
    }
  }
}
