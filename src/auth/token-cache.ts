import { LRUCache } from 'lru-cache';
import type { TokenIssuer } from './tokens.js';

/**
 * Remembers tokens already verified (process scope, bounded), keyed by the whole token string:
 * the same string has the same signature, so only its expiry can change its answer, and that is
 * checked on every use. A child's app sends one token with every request; checking its HMAC once
 * instead of on each request saves a WebCrypto round trip per request. Revocation is unaffected:
 * the token version is checked against the account on every request (context.ts).
 */
export function withVerificationCache<T extends TokenIssuer>(issuer: T, max = 50_000): T {
  const verified = new LRUCache<string, { ok: true; viewer: Parameters<TokenIssuer['sign']>[0]; expiresAt: number }>({ max });
  return {
    ...issuer,
    async verify(token: string) {
      const hit = verified.get(token);
      if (hit) {
        if (hit.expiresAt > Date.now()) return hit;
        verified.delete(token);
      }
      const result = await issuer.verify(token);
      if (result.ok) verified.set(token, result);
      return result;
    },
  };
}
