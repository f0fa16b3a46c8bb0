import type { components } from './generated/autopay-api';

/** An error answer of the API: RFC 9457 problem details (`application/problem+json`) with a stable `code`. */
export type Problem = components['schemas']['ProblemDto'];
/** One bad field of a request that failed validation. */
export type FieldError = components['schemas']['FieldErrorDto'];

/**
 * Thrown for every non-2xx answer. Carries the problem details as the API sent them: branch on `code`
 * (`VALIDATION_FAILED`, `NOT_FOUND`, `IDEMPOTENCY_KEY_REUSED`, …), show `errors` next to the fields, and quote
 * `request_id` to Autopay support.
 */
export class AutopayProblemError extends Error {
  override readonly name = 'AutopayProblemError';
  /** HTTP status of the answer. */
  readonly status: number;
  /** Stable, machine-readable, UPPER_SNAKE (`HTTP_<status>` when the answer was not problem details). */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  /** Every bad field when the request was invalid; empty otherwise. */
  readonly errors: FieldError[];
  /** The id Autopay logged this request under (also the `X-Request-Id` header). */
  readonly request_id: string | undefined;
  /** Present when Klarna refused the request. */
  readonly upstream: Problem['upstream'];
  /** The problem details as received (undefined when the body was not problem details). */
  readonly problem: Problem | undefined;

  constructor(status: number, body: unknown, headers?: Headers) {
    const problem = isProblem(body) ? body : undefined;
    const title = problem?.title ?? `HTTP ${status}`;
    super(`${status} ${problem?.code ?? title}${problem?.detail ? `: ${problem.detail}` : ''}`);
    this.status = status;
    this.code = problem?.code ?? `HTTP_${status}`;
    this.title = title;
    this.detail = problem?.detail;
    this.type = problem?.type;
    this.errors = problem?.errors ?? [];
    this.request_id = problem?.request_id ?? headers?.get('x-request-id') ?? undefined;
    this.upstream = problem?.upstream;
    this.problem = problem;
  }
}

/** The request never got an answer: connection refused or reset, DNS failure, timeout (after the retries). */
export class AutopayConnectionError extends Error {
  override readonly name = 'AutopayConnectionError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).status === 'number' &&
    typeof (body as Problem).code === 'string'
  );
}
