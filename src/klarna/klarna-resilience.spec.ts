import {
  AttemptFailure,
  classifyTransportError,
  isRetryableAnswer,
  isRetryableFailure,
  parseRetryAfterMs,
  retryDelayMs,
} from './klarna-resilience';

const timing = { retryBaseDelayMs: 200, retryMaxDelayMs: 5000 };

describe('retryDelayMs', () => {
  it('grows exponentially with jitter between half and all of the step', () => {
    expect(retryDelayMs(1, undefined, timing, () => 0)).toBe(100);
    expect(retryDelayMs(1, undefined, timing, () => 1)).toBe(200);
    expect(retryDelayMs(2, undefined, timing, () => 0)).toBe(200);
    expect(retryDelayMs(3, undefined, timing, () => 1)).toBe(800);
  });

  it('is capped by retryMaxDelayMs', () => {
    expect(retryDelayMs(10, undefined, timing, () => 1)).toBe(5000);
    expect(retryDelayMs(10, undefined, timing, () => 0)).toBe(2500);
  });

  it('uses Klarna Retry-After as the delay', () => {
    expect(retryDelayMs(1, 3000, timing, () => 0)).toBe(3000);
  });

  it('spreads delays for the same attempt', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3, undefined, timing)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(400);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('2', 0)).toBe(2000);
    expect(parseRetryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 1000)).toBe(4000);
    expect(parseRetryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 9000)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfterMs(undefined, 0)).toBeUndefined();
    expect(parseRetryAfterMs('', 0)).toBeUndefined();
    expect(parseRetryAfterMs('soon', 0)).toBeUndefined();
  });
});

describe('retry classification', () => {
  it('retries 429 only when Retry-After fits within retryMaxDelayMs', () => {
    expect(isRetryableAnswer({ status: 429, body: '' }, timing)).toBe(true);
    expect(isRetryableAnswer({ status: 429, body: '', retryAfterMs: 5000 }, timing)).toBe(true);
    expect(isRetryableAnswer({ status: 429, body: '', retryAfterMs: 5001 }, timing)).toBe(false);
  });

  it.each([400, 401, 403, 404, 409, 200, 204])('never retries an answer with status %i', (status) => {
    expect(isRetryableAnswer({ status, body: '' }, timing)).toBe(false);
  });

  it('retries 5xx, timeouts and network failures, nothing else', () => {
    for (const kind of ['connect', 'timeout', 'connection_lost', 'server_error'] as const) {
      expect(isRetryableFailure(new AttemptFailure(kind))).toBe(true);
    }
    expect(isRetryableFailure(new Error('boom'))).toBe(false);
  });

  it('treats only connect failures as certainly not sent', () => {
    expect(new AttemptFailure('connect').outcomeUncertain).toBe(false);
    expect(new AttemptFailure('timeout').outcomeUncertain).toBe(true);
    expect(new AttemptFailure('connection_lost').outcomeUncertain).toBe(true);
    expect(new AttemptFailure('server_error', 500).outcomeUncertain).toBe(true);
  });
});

describe('classifyTransportError', () => {
  it.each([
    ['ECONNREFUSED', false, 'connect'],
    ['ENOTFOUND', false, 'connect'],
    ['UND_ERR_CONNECT_TIMEOUT', false, 'connect'],
    ['UND_ERR_CLOSED', false, 'connect'],
    ['UND_ERR_HEADERS_TIMEOUT', false, 'timeout'],
    ['UND_ERR_BODY_TIMEOUT', false, 'timeout'],
    ['ETIMEDOUT', false, 'timeout'],
    [undefined, true, 'timeout'],
    ['UND_ERR_SOCKET', true, 'timeout'],
    ['ECONNRESET', false, 'connection_lost'],
    ['EPIPE', false, 'connection_lost'],
    ['UND_ERR_SOCKET', false, 'connection_lost'],
    ['UND_ERR_RES_EXCEEDED_MAX_SIZE', false, 'connection_lost'],
    [undefined, false, 'connection_lost'],
  ] as const)('%s (timed out: %s) → %s', (code, timedOut, kind) => {
    expect(classifyTransportError(code, timedOut)).toBe(kind);
  });
});
