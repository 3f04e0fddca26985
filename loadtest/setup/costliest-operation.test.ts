import { beforeAll, describe, expect, it } from 'vitest';
import { LEVELS, SUBJECTS } from '../../src/common/enums.js';
import { OperationCoster } from '../../src/limits/cost.js';
import { ListSizes } from '../../src/exercises/list-sizes.js';
import { OPERATION_LIMITS } from '../../src/operation-limits.js';
import { buildAppSchema } from '../../src/schema.js';
import { allPieces, costerOf, growCostliest, renderOperation, type ProbeOutcome } from './costliest-operation.js';

// The seeded curriculum's sizes: per level 10 modules of mathematics and of French, 5 of each
// other subject (175 modules), 1,956 exercises (12 per module, rounded up).
const big = new Set(['MATHEMATIQUES', 'FRANCAIS']);
const sizes = new ListSizes();
sizes.update({ modules: LEVELS.flatMap((level) => SUBJECTS.map((subject) => ({ level, subject, count: big.has(subject) ? 10 : 5 }))), exercises: 1_956 });

let costOf: (text: string) => number;
beforeAll(async () => {
  costOf = costerOf(new OperationCoster(await buildAppSchema(), sizes));
});

/** A server that refuses, as the app does, what costs more than the limit. */
function fakeServer(limit: number) {
  const sent: string[] = [];
  const probe = async (text: string): Promise<ProbeOutcome> => {
    sent.push(text);
    const cost = costOf(text);
    return cost > limit ? { accepted: false, cost } : { accepted: true, bytes: cost };
  };
  return { probe, sent };
}

describe('growCostliest', () => {
  it('grows to the costliest accepted operation, and shows the next step refused', async () => {
    const server = fakeServer(OPERATION_LIMITS.cost);
    const found = await growCostliest(allPieces(), costOf, server.probe);
    // A level with its exercises' contents costs 35 x (1 + 12 x 14) = 5,915: as many as fit (the
    // five levels first), then finer pieces down to 5 modules' ids (10) fill the rest, to the limit
    // itself; the next step refused is one whole level more.
    expect(found.cost).toBe(OPERATION_LIMITS.cost);
    expect(found.pieces.slice(0, 5).map((p) => p.level)).toEqual([...LEVELS]);
    expect(found.pieces.length).toBeLessThanOrEqual(OPERATION_LIMITS.aliases);
    const whole = Math.floor(OPERATION_LIMITS.cost / 5_915);
    expect(found.refused).toMatchObject({ cost: (whole + 1) * 5_915, expectedCost: (whole + 1) * 5_915 });
    expect(found.probes).toBe(server.sent.length);
    expect(found.text).toBe(renderOperation(found.pieces));
    // Every piece more was refused: nothing that the pieces can build costs more and is accepted.
    for (const piece of allPieces()) expect(costOf(renderOperation([...found.pieces, piece]))).toBeGreaterThan(OPERATION_LIMITS.cost);
  });

  it('stops at the alias limit, and fails when nothing is accepted', async () => {
    const roomy = await growCostliest(allPieces(), costOf, fakeServer(1_000_000).probe, 3);
    expect(roomy.pieces).toHaveLength(3);
    expect(roomy.refused).toBeUndefined();
    await expect(growCostliest(allPieces(), costOf, fakeServer(1).probe)).rejects.toThrow(/no operation of the curriculum is accepted/);
  });
});
