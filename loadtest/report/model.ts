import type { Check } from '../checks/thresholds.js';
import type { MachineInfo } from '../measure/cpu.js';
import type { TimelineChart } from './timeline-chart.js';

/** What a scenario hands the report: its figures (for the JSON) and how to show them. */
export interface Table {
  columns: string[];
  rows: string[][];
}

export interface Section {
  title: string;
  lines?: string[];
  table?: Table;
}

export interface ScenarioResult {
  scenario: string;
  /** One line: what ran, at what size. */
  title: string;
  startedAt: string;
  seconds: number;
  settings: Record<string, unknown>;
  /** Throughput figures worth setting against the framework's own ceiling, measured in the same run. */
  throughput: { label: string; rps: number }[];
  sections: Section[];
  charts: TimelineChart[];
  checks: Check[];
  /** The structured figures behind the sections. */
  figures: Record<string, unknown>;
}

export interface RunReport {
  startedAt: string;
  command: string;
  machine: MachineInfo;
  scenarios: ScenarioResult[];
}
