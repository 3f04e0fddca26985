import { readdirSync, readFileSync } from 'node:fs';
import { parse, print, type OperationDefinitionNode } from 'graphql';

/**
 * The operations the tests and load scenarios send (test/operations/*.graphql, also the input of
 * codegen), by name, as query text.
 */
const folder = new URL('./operations/', import.meta.url);
const byName = new Map<string, string>();
for (const file of readdirSync(folder).filter((f) => f.endsWith('.graphql'))) {
  for (const def of parse(readFileSync(new URL(file, folder), 'utf8')).definitions) {
    const name = (def as OperationDefinitionNode).name?.value;
    if (def.kind === 'OperationDefinition' && name) byName.set(name, print(def));
  }
}

export function operation(name: string): string {
  const text = byName.get(name);
  if (!text) throw new Error(`no operation ${name} in test/operations`);
  return text;
}

export function operationNames(): string[] {
  return [...byName.keys()];
}
