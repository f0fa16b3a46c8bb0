/** First retry after a minute, doubling up to six hours: about 20 attempts over three days. */
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 3_600_000;
/** Up to +20 %, so that receivers coming back up are not hit by every queued delivery at the same second. */
const JITTER = 0.2;

/** Delay before the attempt after failed attempt number `attempt` (1-based). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(BASE_DELAY_MS * 2 ** Math.min(attempt - 1, 30), MAX_DELAY_MS);
  return Math.round(exponential * (1 + JITTER * random()));
}

/**
 * When to try again after failed attempt `attempt`, or null to give up. Retries stop `retryForMs` after the
 * delivery was created; the last retry is moved forward to that moment rather than dropped.
 */
export function nextAttemptAt(
  now: Date,
  createdAt: Date,
  attempt: number,
  retryForMs: number,
  random: () => number = Math.random,
): Date | null {
  const deadline = createdAt.getTime() + retryForMs;
  if (now.getTime() >= deadline) return null;
  return new Date(Math.min(now.getTime() + retryDelayMs(attempt, random), deadline));
}
