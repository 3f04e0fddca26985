/** Time, as the services see it: injectable so tests can move days forward. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private current: Date = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const DAY_MS = 86_400_000;

/**
 * A moment as milliseconds since the epoch (UTC). Progress rows hold their times so: the cache
 * keeps tens of thousands of rows, and a Date is an object of its own (about 96 bytes, ~3 a row)
 * that every major collection marks, where a number is a field. The DateTime scalar writes a
 * number as the same ISO text as a Date.
 */
export type EpochMs = number;

export function epochMs(at: Date | null): EpochMs | null {
  return at === null ? null : at.getTime();
}

export function dateOf(at: EpochMs | null): Date | null {
  return at === null ? null : new Date(at);
}

// Streaks and "today" are counted in the children's calendar, whatever the server's time zone.
const parisFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

// Paris changes day only on a whole minute (its offsets are whole hours): the last minute asked
// for answers again without formatting (every streak read asks for "today").
let lastMinute = Number.NaN;
let lastDay = '';

/** The Europe/Paris calendar day of an instant, as 'YYYY-MM-DD'. */
export function parisDay(at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = parisFormat.format(at);
    lastMinute = minute;
  }
  return lastDay;
}

/** The calendar day before a 'YYYY-MM-DD' day. */
export function previousDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
