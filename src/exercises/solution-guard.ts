import type { ApolloServerPlugin } from '@apollo/server';
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { ForbiddenError } from '../errors.js';

// Process scope, weakly held: Apollo hands every request of one query the same parsed document.
const answers = new WeakMap<DocumentNode, boolean>();

/** Whether the operation selects Exercise.solution anywhere: aliases, fragments and inline fragments included. */
export function selectsSolution(schema: GraphQLSchema, document: DocumentNode): boolean {
  let answer = answers.get(document);
  if (answer === undefined) {
    answer = findSolution(schema, document);
    answers.set(document, answer);
  }
  return answer;
}

function findSolution(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === 'solution' && typeInfo.getParentType()?.name === 'Exercise') found = true;
      },
    }),
  );
  return found;
}

/**
 * Exercise.solution is an admin's. Its resolver refuses it to anyone else (ExercisesService.solution),
 * but once per exercise: a student asking `modules { exercises { solution } }` got 1,956 FORBIDDEN
 * errors (380 kB, ~0.3 s), and with 15 aliases 29,340 (5.7 MB, ~3 s) for a 100-byte request. A
 * student's operation that selects it anywhere is refused whole, before it runs, with one
 * FORBIDDEN. Without a token the root fields already answer UNAUTHENTICATED, once each.
 */
export const solutionGuard: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, schema, document }) {
        if (contextValue.viewer.role !== 'STUDENT' || !selectsSolution(schema, document)) return;
        // HTTP 200, as every other FORBIDDEN answer of this API (a refusal, not a malformed request).
        throw new ForbiddenError('Only an administrator can see exercise solutions: leave `solution` out of the operation.', { http: { status: 200 } });
      },
    };
  },
};
