import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { SignedInViewer } from './viewer.js';

const issuer = 'reved-kids-api';
const audience = 'reved-kids';

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
      const id = viewer.role === 'STUDENT' ? viewer.studentId : viewer.adminId;
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
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer,
          audience,
          requiredClaims: ['exp', 'iat', 'sub', 'role', 'ver'],
        });
        const id = Number(payload.sub);
        const ver = payload.ver;
        if (!Number.isSafeInteger(id) || id <= 0 || !Number.isSafeInteger(ver)) return { ok: false, problem: 'The token is malformed. Sign in again.' };
        const expiresAt = (payload.exp as number) * 1000;
        if (payload.role === 'STUDENT') return { ok: true, viewer: { role: 'STUDENT', studentId: id, tokenVersion: ver as number }, expiresAt };
        if (payload.role === 'ADMIN') return { ok: true, viewer: { role: 'ADMIN', adminId: id, tokenVersion: ver as number }, expiresAt };
        return { ok: false, problem: 'The token is malformed. Sign in again.' };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, problem: 'The token has expired. Sign in again.' };
        return { ok: false, problem: 'The token is not valid. Sign in again.' };
      }
    },
  };
}
