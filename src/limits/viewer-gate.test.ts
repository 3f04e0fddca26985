import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors.js';
import { ViewerGate } from './viewer-gate.js';

const limits = { maxInflight: 3, maxHeavyInflight: 1, costPerSecond: 1_000, costBurst: 5_000 };
const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RateLimitedError);
    return (error as RateLimitedError).retryAfterSeconds;
  }
  throw new Error('was admitted');
};

describe('ViewerGate', () => {
  it('admits a viewer’s requests up to the bound in flight, heavy ones up to theirs, and again once answered', () => {
    const gate = new ViewerGate(limits, () => 0);
    const a = gate.enter('s1', true, 10, false);
    const heavy = gate.enter('s1', true, 10, true);
    expect(refused(() => gate.enter('s1', true, 10, true))).toBe(1); // a second heavy one
    gate.enter('s1', true, 10, false);
    refused(() => gate.enter('s1', true, 10, false)); // a fourth
    gate.enter('s2', true, 10, true); // another viewer is not held
    heavy();
    heavy(); // twice is once
    gate.enter('s1', true, 10, true);
    a();
    expect(gate.size).toBe(2);
  });

  it('spends a budget of cost that refills at its rate, and says when to come back', () => {
    let now = 0;
    const gate = new ViewerGate(limits, () => now);
    for (let i = 0; i < 5; i++) gate.enter('s1', true, 1_000, false)();
    expect(refused(() => gate.enter('s1', true, 1_000, false))).toBe(1);
    expect(refused(() => gate.enter('s1', true, 3_000, false))).toBe(3);
    now += 2_000; // 2,000 back
    gate.enter('s1', true, 2_000, false)();
    refused(() => gate.enter('s1', true, 100, false));
    now += 60_000; // full again, never more than the burst
    gate.enter('s1', true, 5_000, false)();
    refused(() => gate.enter('s1', true, 1, false));
  });

  it('counts requests without a token per address, and only heavy ones', () => {
    const gate = new ViewerGate(limits, () => 0);
    for (let i = 0; i < 1_000; i++) gate.enter('ip:10.0.0.1', false, 7, false); // a classroom signing in, never released
    gate.enter('ip:10.0.0.1', false, 3_000, true);
    expect(refused(() => gate.enter('ip:10.0.0.1', false, 3_000, true))).toBe(1); // one heavy in flight
    gate.enter('ip:10.0.0.2', false, 3_000, true);
  });
});
