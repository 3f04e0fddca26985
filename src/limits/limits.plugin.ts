import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { OperationLimitError } from '../errors.js';
import { OPERATION_LIMITS } from '../operation-limits.js';
import type { OperationCoster } from './cost.js';
import type { ViewerGate } from './viewer-gate.js';

function viewerKey(ctx: Context): { key: string; signedIn: boolean } {
  const v = ctx.viewer;
  if (v.role === 'STUDENT') return { key: `s${v.studentId}`, signedIn: true };
  if (v.role === 'TEACHER') return { key: `t${v.teacherId}`, signedIn: true };
  if (v.role === 'ADMIN') return { key: `a${v.adminId}`, signedIn: true };
  return { key: `ip:${ctx.clientAddress}`, signedIn: false };
}

/**
 * Once Apollo knows which operation a request runs (parsed, validated, before any resolver): its
 * cost against OPERATION_LIMITS.cost (refused with OPERATION_LIMIT_EXCEEDED, HTTP 400), then the
 * viewer's bounds (RATE_LIMITED). The slot is given back once the response is written or its
 * connection is gone (server.ts calls the request scope's afterResponse), whatever happened in
 * between: serializing and writing a large answer is part of what it costs.
 */
export function requestLimitsPlugin(coster: OperationCoster, gate: ViewerGate): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          let cost: number;
          try {
            cost = coster.cost(document, request.operationName ?? undefined, request.variables);
          } catch (error) {
            // A variable of the wrong type: execution refuses it before any resolver, with its own error.
            if (error instanceof Error && /^Variable "\$/.test(error.message)) return;
            throw new OperationLimitError('The operation is too complex to cost (too many fragment spreads).', 'cost', 400);
          }
          if (cost > OPERATION_LIMITS.cost) {
            throw new OperationLimitError(
              `The operation would cost ${cost} (each field counts once per item of the lists around it); at most ${OPERATION_LIMITS.cost} is accepted. Ask for fewer items (first, limit, a level or subject) or fewer fields.`,
              'cost',
              400,
            );
          }
          const { key, signedIn } = viewerKey(contextValue);
          contextValue.scope.afterResponse = gate.enter(key, signedIn, cost, cost > OPERATION_LIMITS.heavyCost);
        },
      };
    },
  };
}
