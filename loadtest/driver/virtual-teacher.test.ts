import { describe, expect, it } from 'vitest';
import { Freshness } from './virtual-teacher.js';

describe('Freshness', () => {
  it('counts an answer missed by an overview sent after its acknowledgment, by how long after', () => {
    const f = new Freshness();
    f.answered(1, 1_000, 1_010); // child 1 answered: sent at 1000, acknowledged at 1010
    f.answered(2, 2_000, 2_020);
    f.observe(1, 900, 1_500); // an overview 490 ms later still shows child 1's earlier time: missed
    f.observe(1, 1_004, 3_000); // then shown
    f.observe(2, 2_000, 2_100); // shown at once (the attempt is dated after the request left)
    f.observe(3, null, 5_000); // a child that never answered: nothing to check
    expect(f.summary()).toEqual({ checked: 2, staleAny: 1, staleOver1s: 0, maxStaleMs: 490, p99StaleMs: 490 });
  });

  it('judges an overview only by the answers acknowledged before it was sent', () => {
    const f = new Freshness();
    f.answered(1, 1_000, 1_010);
    f.observe(1, null, 1_005); // sent before the acknowledgment: not about this answer
    expect(f.summary().checked).toBe(0);
    f.answered(1, 5_000, 5_010);
    f.observe(1, 1_002, 7_500); // the first answer shows, the second (acknowledged 2.49 s before) does not
    expect(f.summary()).toMatchObject({ checked: 1, staleAny: 1, staleOver1s: 1, maxStaleMs: 2_490 });
  });
});
