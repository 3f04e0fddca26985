import { describe, expect, it } from 'vitest';
import { isGoodGraphQLBody } from './cannon.js';

describe('isGoodGraphQLBody', () => {
  it('wants HTTP 200, data and no errors', () => {
    expect(isGoodGraphQLBody(200, '{"data":{"__typename":"Query"}}')).toBe(true);
    expect(isGoodGraphQLBody(200, '{"data":{"me":{"title":"Find the \\"errors\\""}}}')).toBe(true);
    expect(isGoodGraphQLBody(200, '{"errors":[{"message":"x"}],"data":{"me":null}}')).toBe(false);
    expect(isGoodGraphQLBody(200, '{"data":null,"errors":[{"message":"x"}]}')).toBe(false);
    expect(isGoodGraphQLBody(503, '{"data":{"x":1}}')).toBe(false);
    expect(isGoodGraphQLBody(200, 'Service Unavailable')).toBe(false);
  });
});
