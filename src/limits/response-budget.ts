import { defaultFieldResolver, getNullableType, isListType, isObjectType, type FieldNode, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { OperationLimitError } from '../errors.js';

/** The most nodes (list items times the fields selected on each) one response may hold. */
export const MAX_RESPONSE_NODES = 100_000;

/** Per request: nodes charged so far. */
export interface ResponseBudget {
  responseNodes: number;
}

const wrapped = Symbol('response budget');
const weights = new WeakMap<FieldNode, number>();

/** 1 for the item, plus the fields selected on it (counted once per field node). */
function weightOf(info: GraphQLResolveInfo | undefined): number {
  const node = info?.fieldNodes?.[0];
  if (!node) return 1;
  let w = weights.get(node);
  if (w === undefined) weights.set(node, (w = 1 + (node.selectionSet?.selections.length ?? 0)));
  return w;
}

function overBudget(): OperationLimitError {
  return new OperationLimitError(`The response would hold more than ${MAX_RESPONSE_NODES} values: ask for fewer items or fields.`, 'responseSize');
}

function charge(context: ResponseBudget, value: unknown, info: GraphQLResolveInfo | undefined): unknown {
  if (!Array.isArray(value)) return value;
  context.responseNodes += value.length * weightOf(info);
  if (context.responseNodes > MAX_RESPONSE_NODES) throw overBudget();
  return value;
}

/**
 * Execution's own bound, independent of the cost computed before it: every list field of the
 * schema charges its items to the request as it resolves them, and past MAX_RESPONSE_NODES the
 * field fails with OPERATION_LIMIT_EXCEEDED (limit responseSize) before its items are built, so no
 * response grows past a few MB whatever the cost estimate missed. Only list fields are wrapped
 * (a few per request); a sync resolver stays sync, which graphql-jit keeps on its fast path.
 */
export function limitResponseSize(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, ResponseBudget> & { [wrapped]?: true };
      if (resolve[wrapped]) continue;
      const limited: GraphQLFieldResolver<unknown, ResponseBudget> & { [wrapped]?: true } = (source, args, context, info) => {
        // Over already (lists resolved side by side crossed it together): no more work for this response.
        if (context.responseNodes > MAX_RESPONSE_NODES) throw overBudget();
        const value = resolve(source, args, context, info);
        return value instanceof Promise ? value.then((v) => charge(context, v, info)) : charge(context, value, info);
      };
      limited[wrapped] = true;
      field.resolve = limited;
    }
  }
  return schema;
}
