import { parse } from 'graphql';
import { LEVELS, SUBJECTS, type Level, type Subject } from '../../src/common/enums.js';
import type { OperationCoster } from '../../src/limits/cost.js';
import { OPERATION_LIMITS } from '../../src/operation-limits.js';
import type { GraphQLHttp } from '../driver/graphql-http.js';

/**
 * The most expensive operation a token is allowed, built from the curriculum: aliases of
 * `modules(level[, subject]) { ... }`, grown one alias at a time (the costliest piece that still
 * fits first) until the server refuses, each refusal backed off. It ends when no piece fits any
 * more: the operation is then accepted and every one-piece-larger one was refused, down to the
 * cheapest piece (a few modules' ids), so nothing costlier is accepted with these pieces.
 */
export interface Piece {
  level: Level;
  subject?: Subject;
  /** What is selected on each module. */
  selection: string;
}

/** From what costs most per module (an exercise's content is a JSON value) to what costs least. */
const SELECTIONS = ['exercises { id title content instructions }', 'exercises { id }', 'id'] as const;

export const OPERATION_NAME = 'NoisyNeighbour';

/** Every piece: a whole level, then a level's subject, with each selection. */
export function allPieces(): Piece[] {
  return SELECTIONS.flatMap((selection) => [
    ...LEVELS.map((level) => ({ level, selection })),
    ...LEVELS.flatMap((level) => SUBJECTS.map((subject) => ({ level, subject, selection }))),
  ]);
}

export function renderOperation(pieces: readonly Piece[]): string {
  const fields = pieces.map((p, i) => `a${i}: modules(level: ${p.level}${p.subject ? `, subject: ${p.subject}` : ''}) { ${p.selection} }`);
  return `query ${OPERATION_NAME} { ${fields.join(' ')} }`;
}

export type ProbeOutcome = { accepted: true; bytes: number } | { accepted: false; cost: number };

export interface Costliest {
  pieces: Piece[];
  text: string;
  /** Its cost, as the server computes it (the same OperationCoster, in this process). */
  cost: number;
  /** Its response's size. */
  bytes: number;
  /** The costliest piece more that was refused, and the cost the server said that would have. */
  refused: { text: string; cost: number; expectedCost: number } | undefined;
  probes: number;
}

/**
 * Grows the operation: each step adds the costliest piece not yet refused (among equals, the one
 * used least, so the levels are all read rather than one level many times). A piece refused on
 * top of the operation is refused on top of any larger one too (costs add up), so it is not tried
 * again. Stops when no piece is left or the alias limit is reached.
 */
export async function growCostliest(
  pieces: readonly Piece[],
  costOf: (text: string) => number,
  probe: (text: string) => Promise<ProbeOutcome>,
  maxAliases: number = OPERATION_LIMITS.aliases,
): Promise<Costliest> {
  const priced = pieces.map((piece) => ({ piece, cost: costOf(renderOperation([piece])), used: 0 })).filter((p) => p.cost > 0);
  const chosen: Piece[] = [];
  let accepted: { text: string; bytes: number } | undefined;
  let refused: Costliest['refused'];
  let refusedAt = Infinity;
  let probes = 0;
  while (chosen.length < maxAliases) {
    const fitting = priced.filter((p) => p.cost < refusedAt);
    if (fitting.length === 0) break;
    const next = fitting.reduce((best, p) => (p.cost > best.cost || (p.cost === best.cost && p.used < best.used) ? p : best));
    const text = renderOperation([...chosen, next.piece]);
    probes++;
    const outcome = await probe(text);
    if (outcome.accepted) {
      chosen.push(next.piece);
      next.used++;
      accepted = { text, bytes: outcome.bytes };
    } else {
      refusedAt = next.cost;
      // The first refusal is the costliest (pieces are tried costliest first): the one to report.
      refused ??= { text, cost: outcome.cost, expectedCost: costOf(text) };
    }
  }
  if (!accepted) throw new Error(`no operation of the curriculum is accepted: even ${renderOperation([priced.at(-1)!.piece])} was refused`);
  return { pieces: chosen, text: accepted.text, cost: costOf(accepted.text), bytes: accepted.bytes, refused, probes };
}

/** The in-process cost of an operation's text (what the server's plugin computes). */
export function costerOf(coster: OperationCoster): (text: string) => number {
  return (text) => coster.cost(parse(text), OPERATION_NAME, undefined);
}

/**
 * Sends the operation as the token's owner: accepted when answered with data and no error, refused
 * when refused for its cost (OPERATION_LIMIT_EXCEEDED, "would cost N"); anything else is thrown.
 * RATE_LIMITED (the viewer's cost budget spent by the probes) is waited out, a few times at most.
 */
export function serverProbe(http: GraphQLHttp, token: string): (text: string) => Promise<ProbeOutcome> {
  return async (text) => {
    let r = await http.post(text, undefined, token);
    for (let waits = 0; !r.ok && r.kind.endsWith('RATE_LIMITED') && waits < 10; waits++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000 * (Number(/in (\d+) s/.exec(r.ok ? '' : r.message)?.[1]) || 1)));
      r = await http.post(text, undefined, token);
    }
    if (r.ok) return { accepted: true, bytes: Buffer.byteLength(JSON.stringify({ data: r.data })) };
    const cost = /would cost (\d+)/.exec(r.message)?.[1];
    if (r.kind.endsWith('OPERATION_LIMIT_EXCEEDED') && cost) return { accepted: false, cost: Number(cost) };
    throw new Error(`probing the costliest operation: ${r.kind} ${r.message}`);
  };
}
