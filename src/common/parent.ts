import { createParameterDecorator } from 'type-graphql';

/**
 * A field resolver's parent object, as it is. type-graphql's `@Root()` copies the parent into a new
 * instance of the parameter's class on every call (`convertToType`: `new Progress()`, its keys,
 * `Object.assign`), so a dashboard made about fifty such copies per request for nothing: our
 * object types are plain data (no methods or getters), and the parents are the objects
 * the loaders and the cache return, shared by every request: a resolver reads its parent, never
 * changes it.
 */
export function Parent(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator(({ root }) => root);
}
