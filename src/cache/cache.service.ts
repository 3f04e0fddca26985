import { requireAdmin } from '../viewer.js';
import type { Context } from '../context.js';
import { BadUserInputError } from '../errors.js';
import { isNamespace, NAMESPACE_NAMES } from './namespaces.js';
import type { SharedCache } from './shared-cache.js';

export class CacheService {
  constructor(private readonly cache: SharedCache) {}

  /** ADMIN: empties one namespace, or all of them; returns how many entries went. */
  async clear(ctx: Context, namespace: string | null | undefined): Promise<number> {
    requireAdmin(ctx.viewer);
    if (namespace === null || namespace === undefined) return this.cache.clearAll();
    if (!isNamespace(namespace)) {
      throw new BadUserInputError(`namespace must be one of ${NAMESPACE_NAMES.join(', ')} (or omitted for all).`, 'namespace');
    }
    return this.cache.clearNamespace(namespace);
  }
}

declare module '../context.js' {
  interface Services {
    cache: CacheService;
  }
}
