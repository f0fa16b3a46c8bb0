import { nextAttemptAt, retryDelayMs } from './retry-schedule';

const HOUR = 3_600_000;

describe('retry schedule', () => {
  it('doubles from one minute, with at most 20 % jitter, capped at six hours', () => {
    expect(retryDelayMs(1, () => 0)).toBe(60_000);
    expect(retryDelayMs(2, () => 0)).toBe(120_000);
    expect(retryDelayMs(5, () => 0)).toBe(16 * 60_000);
    expect(retryDelayMs(1, () => 1)).toBe(72_000);
    expect(retryDelayMs(20, () => 0)).toBe(6 * HOUR);
    expect(retryDelayMs(500, () => 1)).toBe(7.2 * HOUR);
    for (let attempt = 1; attempt < 9; attempt++) {
      // Even the largest jitter now stays below the smallest delay next time: the schedule always grows.
      expect(retryDelayMs(attempt + 1, () => 0)).toBeGreaterThan(retryDelayMs(attempt, () => 1));
    }
  });

  it('stops after the retry window and moves the last attempt to its end', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    const window = 72 * HOUR;
    const at = (ms: number) => new Date(created.getTime() + ms);
    expect(nextAttemptAt(at(0), created, 1, window, () => 0)).toEqual(at(60_000));
    expect(nextAttemptAt(at(70 * HOUR), created, 18, window, () => 0)).toEqual(at(72 * HOUR));
    expect(nextAttemptAt(at(72 * HOUR), created, 19, window, () => 0)).toBeNull();
  });
});
