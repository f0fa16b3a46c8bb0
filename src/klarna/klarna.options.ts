export const KLARNA_CLIENT_OPTIONS = Symbol('KLARNA_CLIENT_OPTIONS');

export interface KlarnaClientOptions {
  /** TCP (+TLS) connect timeout per attempt. Default 2000. */
  connectTimeoutMs?: number;
  /** Total time per attempt, from start to the whole response. Default 10000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for operations that are safe to repeat. Default 3. */
  maxRetries?: number;
  /** Default 200. */
  retryBaseDelayMs?: number;
  /** Upper bound for one backoff delay, and for an acceptable 429 Retry-After. Default 5000. */
  retryMaxDelayMs?: number;
  /** Consecutive 5xx/timeout/network failures that open the breaker of a merchant and region. Default 5. */
  breakerThreshold?: number;
  /** How long an open breaker fails fast before letting one trial call through. Default 30000. */
  breakerHalfOpenAfterMs?: number;
  /**
   * Calls in flight at once per merchant credential (Klarna's rate limits are per credential); a call waits up to
   * `timeoutMs` for a slot. Counted across the fleet when the application shares Redis. Default 32.
   */
  maxConcurrentCalls?: number;
}

export type ResolvedKlarnaClientOptions = Required<KlarnaClientOptions>;

export function resolveKlarnaClientOptions(options: KlarnaClientOptions = {}): ResolvedKlarnaClientOptions {
  const resolved: ResolvedKlarnaClientOptions = {
    connectTimeoutMs: options.connectTimeoutMs ?? 2000,
    timeoutMs: options.timeoutMs ?? 10000,
    maxRetries: options.maxRetries ?? 3,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 200,
    retryMaxDelayMs: options.retryMaxDelayMs ?? 5000,
    breakerThreshold: options.breakerThreshold ?? 5,
    breakerHalfOpenAfterMs: options.breakerHalfOpenAfterMs ?? 30000,
    maxConcurrentCalls: options.maxConcurrentCalls ?? 32,
  };
  for (const [name, value] of Object.entries(resolved)) {
    const min = name === 'maxRetries' || name === 'retryBaseDelayMs' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`KlarnaClientOptions.${name} must be an integer >= ${min}, got ${value}`);
    }
  }
  return resolved;
}
