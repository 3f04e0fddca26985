import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';

describe('migrations', () => {
  it('lists every migration file, in date order', () => {
    const folder = fileURLToPath(new URL('../../db/migrations', import.meta.url));
    const files = readdirSync(folder)
      .filter((f) => /^\d{4}-\d{2}-\d{2}T\d{4}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });
});
