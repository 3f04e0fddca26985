import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { databaseIdOf, INT32_MAX } from '../common/pagination.js';
import { accountIdOf, type SignedInViewer } from '../viewer.js';

const issuer = 'reved-kids-api';
const audience = 'reved-kids';

/** How far ahead of this server's clock a token may say it was issued (the clock of the instance that signed it). */
const ISSUED_AT_SKEW_SECONDS = 60;

/**
 * The claims of a token whose signature holds, all required: `sub` an account id and `ver` a token
 * version PostgreSQL's integer holds. A token signed with the secret but claiming more than that
 * (a leaked secret, a bug of a signer) is refused here rather than failing in the database.
 */
const claimsSchema = z.object({
  sub: z.string().refine((s) => databaseIdOf(s) !== undefined).transform(Number),
  role: z.enum(['STUDENT', 'TEACHER', 'ADMIN']),
  ver: z.number().int().min(0).max(INT32_MAX),
  iat: z.number(),
  exp: z.number(),
});

export interface TokenIssuer {
  sign(viewer: SignedInViewer): Promise<string>;
  /** The viewer a token names, or a reason it is refused (expired, bad signature, malformed...). */
  verify(token: string): Promise<{ ok: true; viewer: SignedInViewer; expiresAt: number } | { ok: false; problem: string }>;
}

/** HS256 JWTs: exp, iat, sub, role and the account's token version (ver) are all required. */
export function createTokenIssuer(secret: string | undefined, ttlSeconds: number): TokenIssuer & { randomSecret: boolean } {
  const key = secret ? new TextEncoder().encode(secret) : randomBytes(32);
  return {
    randomSecret: !secret,
    async sign(viewer) {
      const id = accountIdOf(viewer);
      return new SignJWT({ role: viewer.role, ver: viewer.tokenVersion })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(id))
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer, audience });
        const claims = claimsSchema.safeParse(payload);
        if (!claims.success) return { ok: false, problem: 'The token is malformed. Sign in again.' };
        const { sub: id, role, ver: tokenVersion, iat, exp } = claims.data;
        // jose checks iat only against a maximum age: a token "issued" in the future would otherwise pass.
        if (iat > Date.now() / 1000 + ISSUED_AT_SKEW_SECONDS) return { ok: false, problem: 'The token is not valid. Sign in again.' };
        const viewer: SignedInViewer = role === 'STUDENT' ? { role, studentId: id, tokenVersion } : role === 'TEACHER' ? { role, teacherId: id, tokenVersion } : { role, adminId: id, tokenVersion };
        return { ok: true, viewer, expiresAt: exp * 1000 };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, problem: 'The token has expired. Sign in again.' };
        return { ok: false, problem: 'The token is not valid. Sign in again.' };
      }
    },
  };
}
