import type { OperationStats } from '../measure/recorder.js';
import { ms as fmtMs, share as percent } from '../report/format.js';

/**
 * The bar a run is held to. The defaults are the promises of the service this one replaces
 * (../shared/reference/PERFORMANCE.original.md): average under 300 ms, p95 under 800 ms, under
 * 1 % errors, over 80 % cache hits. Each is overridable from the command line.
 */
export interface Thresholds {
  maxAvgMs: number;
  maxP95Ms: number;
  /** 0 to 1. */
  maxErrorRate: number;
  /** 0 to 1. */
  minHitRate: number;
}

export const SEED_THRESHOLDS: Thresholds = Object.freeze({ maxAvgMs: 300, maxP95Ms: 800, maxErrorRate: 0.01, minHitRate: 0.8 });

export interface Check {
  name: string;
  limit: string;
  value: string;
  /** null: it could not be checked in this run (the reason is in `value`). */
  ok: boolean | null;
}

const ms = (v: number) => `${fmtMs(v)} ms`;

export function latencyChecks(label: string, overall: OperationStats, t: Thresholds): Check[] {
  return [
    { name: `${label}: average latency`, limit: `< ${ms(t.maxAvgMs)}`, value: ms(overall.avg), ok: overall.avg < t.maxAvgMs },
    { name: `${label}: p95 latency`, limit: `< ${ms(t.maxP95Ms)}`, value: ms(overall.p95), ok: overall.p95 < t.maxP95Ms },
    { name: `${label}: errors`, limit: `< ${percent(t.maxErrorRate)}`, value: percent(overall.errorRate), ok: overall.errorRate < t.maxErrorRate },
  ];
}

/** undefined: the server could not say (no `monitoring` field yet); reported, not failed. */
export function hitRateCheck(hitRate: number | undefined, t: Thresholds): Check {
  if (hitRate === undefined) return { name: 'cache hit rate', limit: `> ${percent(t.minHitRate)}`, value: 'monitoring unavailable', ok: null };
  return { name: 'cache hit rate', limit: `> ${percent(t.minHitRate)}`, value: percent(hitRate), ok: hitRate > t.minHitRate };
}

export function exactlyCheck(name: string, value: number, expected: number): Check {
  return { name, limit: `= ${expected}`, value: String(value), ok: value === expected };
}

export function atLeastCheck(name: string, value: number, min: number): Check {
  return { name, limit: `>= ${min}`, value: String(value), ok: value >= min };
}

export function anyFailed(checks: readonly Check[]): boolean {
  return checks.some((c) => c.ok === false);
}
