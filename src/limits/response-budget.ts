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

/** Items a resolver returned: a list's, or a connection's edges (which are then read as a plain property). */
function itemsOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  const edges = (value as { edges?: unknown } | null | undefined)?.edges;
  return Array.isArray(edges) ? edges.length : 0;
}

function charge(context: ResponseBudget, value: unknown, info: GraphQLResolveInfo | undefined): unknown {
  const items = itemsOf(value);
  if (items === 0) return value;
  context.responseNodes += items * weightOf(info);
  if (context.responseNodes > MAX_RESPONSE_NODES) throw overBudget();
  return value;
}

/**
 * Execution's own bound, independent of the cost computed before it: every field whose resolver
 * returns a list or a connection charges its items to the request, and past MAX_RESPONSE_NODES
 * the field fails with OPERATION_LIMIT_EXCEEDED (limit responseSize) before its items are built, so
 * no response grows past a few MB whatever the cost estimate missed. Only fields with a resolver
 * of their own are wrapped (a few per request): a list read as a plain property of an object
 * already built (a connection's edges, a stats object's subjects) keeps graphql-jit's inlined
 * property read, and a sync resolver stays sync.
 */
export function limitResponseSize(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve || field.resolve === defaultFieldResolver) continue;
      const named = getNullableType(field.type);
      if (!isListType(named) && !(isObjectType(named) && named.name.endsWith('Connection'))) continue;
      const resolve = field.resolve as GraphQLFieldResolver<unknown, ResponseBudget> & { [wrapped]?: true };
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
