import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/** Every non-test TypeScript file under a folder. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const path = join(folder, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** A folder of src/ (`cache`), or a file at its top (`context.ts`), or what lies outside (`../db/seeds`). */
function unitOf(file: string): string {
  const rel = relative(src, file);
  if (rel.startsWith('..')) return relative(root, dirname(file));
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0]! : parts[0]!;
}

/** Imports between units of src/, type-only ones included (a type cycle is a cycle for a reader). */
function unitGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = normalize(join(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
      const [a, b] = [unitOf(file), unitOf(target)];
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
  }
  return graph;
}

function reaches(graph: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === to) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(graph.get(n) ?? []));
  }
  return false;
}

/** Edges that lie on a cycle: a -> b where b leads back to a. */
function cyclicEdges(graph: Map<string, Set<string>>): string[] {
  return [...graph].flatMap(([a, targets]) => [...targets].filter((b) => reaches(graph, b, a)).map((b) => `${a} -> ${b}`)).sort();
}

describe('the folders of src/ import one way', () => {
  it('has no import cycle between folders (a domain reaches another through Context, never both ways)', () => {
    expect(cyclicEdges(unitGraph()), 'imports that close a cycle between folders').toEqual([]);
  });

  it('has no service or resolver naming a cache namespace, scope or key: they ask the student read model or the curriculum loaders', () => {
    const offenders = sources(src).filter((file) => /\.(service|resolver)\.ts$/.test(file) && !file.includes(`${sep}cache${sep}`) && /from '[^']*cache\/(namespaces|request-cache)\.js'/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(src, f))).toEqual([]);
  });

  it('finds a cycle where there is one (the check itself)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
    ]);
    expect(cyclicEdges(graph)).toEqual(['a -> b', 'b -> c', 'c -> a']);
  });
});
