import type { ScopeInterval } from '../../signup/terms/terms.entity';

/*
 * Billing dates, in UTC calendar days. Every date is computed from the anchor (start_date) and the cycle
 * number, never from the previous date, so month ends do not drift: Jan 31 → Feb 28 (29) → Mar 31 → Apr 30.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD` as a real calendar date (2026-02-30 is refused); undefined when invalid. */
export function parseDate(value: string): { y: number; m: number; d: number } | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return { y, m, d };
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const daysInMonth = (y: number, m0: number): number => new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();

/** The anchor moved by `steps` intervals of `count` units; day of month clamped to the target month's end. */
export function addIntervals(anchor: string, interval: ScopeInterval, count: number, steps: number): string {
  const parts = parseDate(anchor);
  if (!parts) throw new RangeError(`not a date: ${anchor}`);
  const base = Date.UTC(parts.y, parts.m - 1, parts.d);
  const n = count * steps;
  switch (interval) {
    case 'DAY':
      return format(base + n * DAY_MS);
    case 'WEEK':
      return format(base + 7 * n * DAY_MS);
    case 'MONTH':
    case 'YEAR': {
      const months = parts.m - 1 + (interval === 'YEAR' ? 12 * n : n);
      const y = parts.y + Math.floor(months / 12);
      const m0 = ((months % 12) + 12) % 12;
      return format(Date.UTC(y, m0, Math.min(parts.d, daysInMonth(y, m0))));
    }
  }
}

/** The calendar date cycle `cycle` (1-based) is due on. */
export function cycleDate(anchor: string, interval: ScopeInterval, count: number, cycle: number): string {
  return addIntervals(anchor, interval, count, cycle - 1);
}

/** Start of that UTC day: a cycle becomes due at 00:00 UTC of its date. */
export function startOfDay(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export interface Rhythm {
  startDate: string;
  endDate?: string | null;
  interval: ScopeInterval;
  intervalCount: number;
}

/** When cycle `cycle` is due, or null when it falls after the end date. */
export function dueAt(rhythm: Rhythm, cycle: number): Date | null {
  const date = cycleDate(rhythm.startDate, rhythm.interval, rhythm.intervalCount, cycle);
  if (rhythm.endDate && date > rhythm.endDate) return null;
  return startOfDay(date);
}

/**
 * The cycles from `from` on that are due at `now`: `latest` is the newest due one (null if none), `missed` the
 * older ones. Catch-up policy: only `latest` is charged; `missed` are recorded as skipped, so downtime never
 * turns into a burst of charges for the consumer.
 */
export function dueCycles(
  rhythm: Rhythm,
  from: number,
  now: Date,
): { latest: number | null; missed: number[] } {
  let latest: number | null = null;
  const missed: number[] = [];
  for (let cycle = from; ; cycle++) {
    const at = dueAt(rhythm, cycle);
    if (!at || at > now) break;
    if (latest !== null) missed.push(latest);
    latest = cycle;
    // A DAY rhythm left alone for years: never loop unboundedly; the rest are found on the next run.
    if (cycle - from > 10_000) break;
  }
  return { latest, missed };
}

/** The first cycle ≥ `from` due on or after today (used on resume: cycles that fell in a pause are not owed). */
export function firstCycleFromToday(rhythm: Rhythm, from: number, now: Date): number {
  const today = startOfDay(utcDate(now));
  let cycle = from;
  for (let guard = 0; guard < 100_000; guard++, cycle++) {
    const at = dueAt(rhythm, cycle);
    if (!at || at >= today) return cycle;
  }
  return cycle;
}
