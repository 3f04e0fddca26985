import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../context.js';
import { PasswordChangeRequiredError } from '../errors.js';

/** What an account signed in with a temporary password may do. */
const ALLOWED = new Set(['changePassword', '__typename']);

/**
 * A teacher created by an admin signs in with a temporary password, which it must replace before
 * anything else: until changePassword, an operation selecting any other root field is refused
 * whole, before it runs, with PASSWORD_CHANGE_REQUIRED. (Fragments on the root type are looked
 * into: a spread cannot hide a field.)
 */
export const passwordChangeGuard: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation, document }) {
        const v = contextValue.viewer;
        if (v.role !== 'TEACHER' || !v.passwordChangeRequired || !operation) return;
        const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
        const roots = new Set<string>();
        const seen = new Set<string>();
        const walk = (selections: OperationDefinitionNode['selectionSet']['selections']) => {
          for (const s of selections) {
            if (s.kind === Kind.FIELD) roots.add(s.name.value);
            else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet.selections);
            else if (!seen.has(s.name.value)) {
              seen.add(s.name.value);
              const f = fragments.get(s.name.value);
              if (f) walk(f.selectionSet.selections);
            }
          }
        };
        walk(operation.selectionSet.selections);
        if ([...roots].some((name) => !ALLOWED.has(name))) throw new PasswordChangeRequiredError();
      },
    };
  },
};
