import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const STRONG_SECRET = 'kJ8#qW2$zX9!mN4@pL7%vB1^cR5&tY3*';
const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('configuration', () => {
  it('starts production with a strong secret (the control)', () => {
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET })).toEqual([]);
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: 'f3a9c1d07be24e5f8a6b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f' })).toEqual([]); // hex
  });

  it('refuses production without a secret, with a known default, a placeholder or a guessable one', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual(['JWT_SECRET: JWT_SECRET is required when NODE_ENV=production']);
    for (const secret of ['test-secret-that-is-long-enough-for-hs256', 'changeme-changeme-changeme-changeme', 'my-super-secret-key-for-jwt-tokens-1234', 'a'.repeat(48), 'abababababababababababababababababab', 'short']) {
      const found = problems({ NODE_ENV: 'production', JWT_SECRET: secret });
      expect(found.length, secret).toBeGreaterThan(0);
      for (const p of found) expect(p, secret).toMatch(/^JWT_SECRET: /);
    }
  });

  it('accepts a weak secret outside production (tests and development)', () => {
    expect(problems({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256' })).toEqual([]);
  });

  it('wants ADMIN_USERNAME and ADMIN_PASSWORD together, and no demo password for production', () => {
    expect(problems({ ADMIN_USERNAME: 'ops' })).toEqual([expect.stringMatching(/^ADMIN_PASSWORD: /)]);
    expect(problems({ ADMIN_PASSWORD: 'some password' })).toEqual([expect.stringMatching(/^ADMIN_USERNAME: /)]);
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: 'admin1234' })).toEqual([expect.stringMatching(/^ADMIN_PASSWORD: /)]);
    expect(loadConfig({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: 'some password' }).auth.admin).toEqual({ username: 'ops', password: 'some password' });
  });

  it('lists every problem at once', () => {
    const found = problems({ NODE_ENV: 'production', PORT: 'x', LOGIN_MAX_FAILURES: '0', ATTEMPTS_PER_MINUTE: '-1' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['PORT', 'LOGIN_MAX_FAILURES', 'ATTEMPTS_PER_MINUTE', 'JWT_SECRET']);
  });
});
