import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

/** The real logger (createLogger), writing into memory. */
function memoryLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ logLevel: 'trace', env: 'production' }, destination) };
}

describe('the logger', () => {
  it('redacts passwords, tokens, cookies, solutions and secrets wherever a request puts them', () => {
    const secrets = ['Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature', 'sid=session-cookie', 'hunter2-password', 'old-password-1', 'new-password-2', 'eyJ.token.in-a-body', 'SOLUTION-4242', 'jwt-secret-value-xyz'];
    const { lines, logger } = memoryLogger();
    logger.info(
      {
        req: { method: 'POST', url: '/graphql', headers: { authorization: secrets[0], cookie: secrets[1], 'user-agent': 'test' } },
        body: {
          operationName: 'Login',
          variables: { username: 'student001', password: secrets[2], input: { currentPassword: secrets[3], newPassword: secrets[4] } },
        },
        response: { data: { login: { token: secrets[5], role: 'STUDENT' } } },
        exercises: [{ id: 7, title: 'Additions', solution: { value: secrets[6] } }],
        config: { auth: { jwtSecret: secrets[7] } },
      },
      'request',
    );
    const out = lines.join('');
    for (const secret of secrets) expect(out, secret).not.toContain(secret);
    expect(out.match(/\[redacted\]/g)).toHaveLength(secrets.length);
    // What is not secret is still there to debug with.
    expect(JSON.parse(out)).toMatchObject({ msg: 'request', req: { url: '/graphql', headers: { 'user-agent': 'test' } }, body: { variables: { username: 'student001' } }, exercises: [{ id: 7, title: 'Additions' }] });
  });
});
