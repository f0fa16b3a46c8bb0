import { ProblemException } from '../errors/problem.exception';
import type { Clock } from '../clock/clock';
import { HitLogThrottlerStorage } from './hit-log-storage';

const WINDOW_MS = 60_000;
const NAME = 'unauthenticated';

/**
 * Throttles, per client address, requests to authenticated routes that carry no valid API key: a missing or
 * malformed Authorization header or a key that is unknown, revoked or expired counts one hit; past `perMinute`
 * hits in the last minute the address is refused (429) before its key is even looked up, so guessing keys costs
 * the service nothing (no database read). Authenticated requests count nothing here (they have their per-key
 * limit). The address is the one Fastify reports: behind a proxy only a trusted one (TRUST_PROXY) sets it.
 * Counters are per instance, in memory.
 */
export class UnauthenticatedLimiter {
  private readonly hits: HitLogThrottlerStorage;

  constructor(
    clock: Clock,
    private readonly perMinute: number,
  ) {
    this.hits = new HitLogThrottlerStorage(clock);
  }

  /** Before the key lookup: refuses an address that used up its allowance. */
  check(address: string): void {
    const state = this.hits.peek(address, this.perMinute, NAME);
    if (state.isBlocked) throw rateLimited(state.timeToBlockExpire);
  }

  /** After a failed authentication: counts it; `error` is the answer, or 429 once the address is over the limit. */
  async failed(address: string, error: ProblemException): Promise<ProblemException> {
    const hit = await this.hits.increment(address, WINDOW_MS, this.perMinute, 0, NAME);
    return hit.isBlocked ? rateLimited(hit.timeToBlockExpire) : error;
  }
}

function rateLimited(retryAfterSeconds: number): ProblemException {
  const seconds = Math.max(1, retryAfterSeconds);
  return new ProblemException({
    status: 429,
    code: 'RATE_LIMITED',
    title: 'Too Many Requests',
    detail: `Too many requests without a valid API key from this address; retry after ${seconds} s.`,
    headers: { 'Retry-After': String(seconds) },
  });
}
