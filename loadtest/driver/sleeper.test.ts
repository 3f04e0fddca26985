import { describe, expect, it } from 'vitest';
import { Sleeper } from './sleeper.js';

describe('Sleeper', () => {
  it('wakes every sleeper at once when the run stops, and sleeps no more after', async () => {
    const s = new Sleeper();
    const started = Date.now();
    const sleeping = [s.sleep(60_000), s.sleep(60_000)];
    s.stop();
    expect(await Promise.all(sleeping)).toEqual([false, false]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await s.sleep(10)).toBe(false);
    expect(s.stopped).toBe(true);
  });

  it('says the run goes on after a sleep that ran its course', async () => {
    expect(await new Sleeper().sleep(5)).toBe(true);
  });
});
