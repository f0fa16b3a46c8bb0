/**
 * What one HTTP attempt can end in, and which of those may be retried or count against the circuit breaker.
 * Pure functions, so the rules are unit-tested without HTTP.
 */

/** How an attempt failed without a usable answer from Klarna. */
export type AttemptFailureKind =
  /** No connection was made (refused, DNS, connect timeout): the request was certainly not sent. */
  | 'connect'
  /** The total timeout fired: the request may have been sent and processed. */
  | 'timeout'
  /** The connection broke (reset, hang-up): the request may have been sent and processed. */
  | 'connection_lost'
  /** Klarna answered 5xx. */
  | 'server_error';

/**
 * Thrown inside the resilience policies for failures that count against the breaker and may be retried.
 * Never leaves the client: it is mapped to a public error at the end of the call.
 */
export class AttemptFailure extends Error {
  constructor(
    readonly kind: AttemptFailureKind,
    readonly httpStatus?: number,
    readonly body?: string,
    readonly correlationId?: string,
  ) {
    super(`Klarna attempt failed: ${kind}${httpStatus ? ` (HTTP ${httpStatus})` : ''}`);
    this.name = 'AttemptFailure';
  }

  /** Whether Klarna may have acted on the request. */
  get outcomeUncertain(): boolean {
    return this.kind !== 'connect';
  }
}

/** An answer from Klarna below 500 (success or a client error); the breaker treats these as a live Klarna. */
export interface HttpAnswer {
  status: number;
  body: string;
  contentType?: string;
  correlationId?: string;
  /** From a 429's Retry-After header. */
  retryAfterMs?: number;
  /** The `Location` header (Order Management's 201s). */
  location?: string;
  /** The id header an operation names (Order Management's `Capture-Id`, `Refund-Id`). */
  createdId?: string;
}

export interface RetryTimingOptions {
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
}

/**
 * A 429 is retried only when Klarna asks us to wait no longer than `retryMaxDelayMs`. If it asks for longer we
 * fail at once (KLARNA_RATE_LIMITED with Retry-After) instead of calling earlier than Klarna allows or holding
 * the caller's request for a long time.
 */
export function isRetryableAnswer(answer: HttpAnswer, options: RetryTimingOptions): boolean {
  return answer.status === 429 && (answer.retryAfterMs ?? 0) <= options.retryMaxDelayMs;
}

/** 5xx, timeouts and network errors are retried (for operations that are safe to repeat). */
export function isRetryableFailure(error: unknown): boolean {
  return error instanceof AttemptFailure;
}

/**
 * Delay before retry number `retry` (1-based): Klarna's Retry-After when it gave one, otherwise exponential
 * backoff with "equal jitter" (half fixed, half random) so that retries from many callers spread out but never
 * collapse to zero.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  options: RetryTimingOptions,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.retryMaxDelayMs);
  const ceiling = Math.min(options.retryMaxDelayMs, options.retryBaseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

const CONNECT_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  // undici's connect timeout (TCP, and the TLS handshake for https).
  'UND_ERR_CONNECT_TIMEOUT',
  // The client has been shut down: the request is refused before it is dispatched.
  'UND_ERR_CLOSED',
]);
/** undici's header and body timeouts back up the client's own total timeout (the `timedOut` flag). */
const TIMEOUT_ERROR_CODES = new Set(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * Classifies a transport error (no HTTP answer). Anything not known to happen before sending counts as
 * "may have been sent", the safe assumption for money-moving calls.
 */
export function classifyTransportError(code: string | undefined, timedOut: boolean): AttemptFailureKind {
  if (code !== undefined && CONNECT_ERROR_CODES.has(code)) return 'connect';
  if (timedOut || (code !== undefined && TIMEOUT_ERROR_CODES.has(code))) return 'timeout';
  return 'connection_lost';
}
