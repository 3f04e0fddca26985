import type { Exercise } from './exercise.type.js';

// Process scope, weakly held: a level's exercise list comes out of the shared cache as the same
// object for every request until it is replaced, so its id index is built once, not per request.
const indexes = new WeakMap<readonly Exercise[], ReadonlyMap<number, Exercise>>();

/** The exercises of a list by id, built once per list object. */
export function indexById(list: readonly Exercise[]): ReadonlyMap<number, Exercise> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.map((e) => [e.id, e]));
    indexes.set(list, index);
  }
  return index;
}
