/** When and how often a request is sent again (see {@link retryingFetch}). */
export interface RetryOptions {
  /** Retries after the first attempt (0 disables retrying). Default 2. */
  maxRetries?: number;
  /** First backoff delay; it doubles with each retry, with jitter (50–100 % of it). Default 500 ms. */
  baseDelayMs?: number;
  /** Upper bound of one delay, also of a `Retry-After` the API asks for. Default 5 000 ms. */
  maxDelayMs?: number;
}

const DEFAULTS: Required<RetryOptions> = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 5_000 };

/** The code of the 409 a request gets while another one with the same Idempotency-Key is still running. */
export const REQUEST_IN_PROGRESS = 'REQUEST_IN_PROGRESS';

/**
 * A fetch that sends a request again, the same bytes and headers (so the same Idempotency-Key), when the answer
 * did not come or says nothing was decided: a network error or timeout, 409 `REQUEST_IN_PROGRESS`, or a 5xx.
 * Only requests `isSafe` accepts are retried: reads, and POSTs that carry an Idempotency-Key the route honours,
 * whose replay returns the first answer instead of acting twice. Anything else is sent once.
 */
export function retryingFetch(
  fetchImpl: (request: Request) => Promise<Response>,
  isSafe: (request: Request) => boolean,
  options: RetryOptions & { timeoutMs?: number } = {},
): (request: Request) => Promise<Response> {
  const policy = { ...DEFAULTS, ...definedOnly(options) };
  return async (request: Request): Promise<Response> => {
    const maxRetries = isSafe(request) ? policy.maxRetries : 0;
    // Buffered once (bodies are small JSON), so that every attempt sends the same bytes.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= maxRetries;
      const signals = [request.signal];
      if (options.timeoutMs !== undefined) signals.push(AbortSignal.timeout(options.timeoutMs));
      const sent = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        redirect: request.redirect,
        signal: AbortSignal.any(signals),
      });
      let response: Response;
      try {
        response = await fetchImpl(sent);
      } catch (error) {
        // The caller's own abort is final; a timeout or a network error is worth another attempt.
        if (last || request.signal.aborted) throw error;
        await sleep(delayMs(policy, attempt, undefined));
        continue;
      }
      if (last || !(await isRetryable(response))) return response;
      await response.body?.cancel();
      await sleep(delayMs(policy, attempt, response.headers.get('retry-after')));
    }
  };
}

async function isRetryable(response: Response): Promise<boolean> {
  if (response.status >= 500) return true;
  if (response.status !== 409) return false;
  try {
    const body = (await response.clone().json()) as { code?: unknown };
    return body.code === REQUEST_IN_PROGRESS;
  } catch {
    return false;
  }
}

function delayMs(
  policy: Required<RetryOptions>,
  attempt: number,
  retryAfter: string | null | undefined,
): number {
  const asked = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
  const backoff = policy.baseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2);
  return Math.min(policy.maxDelayMs, asked ?? backoff);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
