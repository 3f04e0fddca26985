import { loader, orderByKeys, type Batching } from '../common/loaders.js';
import type { AuthRepository } from './auth.repository.js';

/** Per request: administrators' token versions (an admin's token is checked against its account's). */
export function createAuthLoaders(repo: () => AuthRepository, options: Batching) {
  return {
    adminTokenVersion: loader<number, number>(options, async (ids) =>
      orderByKeys(ids, await repo().adminTokenVersions(ids), (a) => a.id, 'Admin').map((a) => (a instanceof Error ? a : a.tokenVersion)),
    ),
  };
}
export type AuthLoaders = ReturnType<typeof createAuthLoaders>;

declare module '../context.js' {
  interface Loaders extends AuthLoaders {}
  interface Repositories {
    auth: AuthRepository;
  }
}
