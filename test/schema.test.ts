import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printAppSchema } from '../src/schema.js';

/**
 * schema/schema.graphql is what the server emits (`npm run schema`), committed; it must hold the
 * whole API contract (test/contract/api.graphql, a copy of ../shared/contract/api.graphql).
 */
describe('the emitted schema', () => {
  it('is up to date with the resolvers', async () => {
    const printed = printAppSchema(await buildAppSchema());
    expect(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'), 'run `npm run schema` and commit schema/schema.graphql').toBe(printed);
  });

  it('holds every type, field, argument and default of the contract', async () => {
    const contract = buildSchema(readFileSync(new URL('./contract/api.graphql', import.meta.url), 'utf8'));
    const schema = await buildAppSchema();
    expect(findBreakingChanges(contract, schema).map((c) => `${c.type}: ${c.description}`)).toEqual([]);
    const defaults: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type)) continue;
      const mine = schema.getType(type.name);
      if (!mine || !('getFields' in mine)) continue;
      for (const field of Object.values(type.getFields())) {
        const twin = mine.getFields()[field.name];
        for (const arg of 'args' in field ? field.args : []) {
          const twinArg = twin && 'args' in twin ? twin.args.find((a) => a.name === arg.name) : undefined;
          if (JSON.stringify(twinArg?.defaultValue) !== JSON.stringify(arg.defaultValue)) defaults.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(defaults).toEqual([]);
  });

  it('describes every public field', async () => {
    const schema = await buildAppSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type)) continue;
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
