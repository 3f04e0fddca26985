import { describe, expect, it } from 'vitest';
import { classify } from './neighbours.js';

describe('classify (the attacker counts responses by code)', () => {
  it('takes data without errors for an answer, else the first error code or the HTTP status', () => {
    expect(classify(200, '{"data":{"a0":[{"exercises":[]}]}}')).toBeUndefined();
    expect(classify(200, '{"errors":[{"message":"Too many requests at once","extensions":{"code":"RATE_LIMITED","retryAfterSeconds":1}}],"data":null}')).toBe('RATE_LIMITED');
    expect(classify(400, '{"errors":[{"message":"would cost 30010","extensions":{"code":"OPERATION_LIMIT_EXCEEDED","limit":"cost"}}]}')).toBe('OPERATION_LIMIT_EXCEEDED');
    expect(classify(200, '{"data":{"a0":null},"errors":[{"message":"x","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}')).toBe('INTERNAL_SERVER_ERROR');
    expect(classify(502, 'Bad Gateway')).toBe('HTTP 502');
  });
});
