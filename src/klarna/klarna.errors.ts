import { ProblemException, type FieldError } from '../common/errors/problem.exception';
import type { KlarnaAuthorizedPaymentMethod, KlarnaErrorBody } from './klarna.types';

export type KlarnaOperation =
  | 'createSession'
  | 'readSession'
  | 'updateSession'
  | 'releaseAuthorization'
  | 'createOrder'
  | 'createCustomerToken'
  | 'readCustomerToken'
  | 'cancelCustomerToken'
  | 'createTokenOrder'
  | 'readOmOrder'
  | 'createCapture'
  | 'readCapture'
  | 'createRefund'
  | 'readRefund'
  | 'cancelOrder'
  | 'releaseRemainingAuthorization';

const BAD_VALUE_MESSAGE = /^(?:Bad value\s*:|BAD_VALUE\s*:)\s*(\S.*?)\s*$/i;
const NOT_MATCHING_MESSAGE = /^Not matching fields\s*:\s*\[(.*)\]\s*$/i;

/**
 * Field errors from Klarna's messages: "Bad value: order_lines[0].total_tax_amount" (also spelled
 * "BAD_VALUE : <path>") and 409's "Not matching fields: [a, b]". Other messages yield no field error.
 */
export function fieldErrorsFromMessages(messages: readonly string[]): FieldError[] {
  return messages.flatMap((message): FieldError[] => {
    const badValue = BAD_VALUE_MESSAGE.exec(message);
    if (badValue) return [{ field: badValue[1], message }];
    const notMatching = NOT_MATCHING_MESSAGE.exec(message);
    if (notMatching) {
      return notMatching[1]
        .split(',')
        .map((field) => field.trim())
        .filter((field) => field !== '')
        .map((field) => ({ field, message: `${field} does not match the authorized session` }));
    }
    return [];
  });
}

/**
 * Reads Klarna's error body, tolerating junk: returns undefined unless it is an object with an `error_code`.
 * Accepts `error_messages` or the singular `error_message` some services send.
 */
export function parseKlarnaErrorBody(raw: unknown): (KlarnaErrorBody & { error_code: string }) | undefined {
  let body: unknown = raw;
  if (typeof raw === 'string') {
    try {
      body = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.error_code !== 'string' || record.error_code === '') return undefined;
  const str = (key: string): string | undefined =>
    typeof record[key] === 'string' ? record[key] : undefined;
  const messages = Array.isArray(record.error_messages)
    ? record.error_messages.filter((m): m is string => typeof m === 'string')
    : [];
  const single = str('error_message');
  if (single !== undefined && !messages.includes(single)) messages.push(single);
  const method = record.authorized_payment_method;
  return {
    error_code: record.error_code,
    error_messages: messages,
    correlation_id: str('correlation_id'),
    service_version: str('service_version'),
    reason: str('reason'),
    fraud_status: str('fraud_status'),
    authorized_payment_method:
      typeof method === 'object' && method !== null && typeof (method as { type?: unknown }).type === 'string'
        ? (method as KlarnaAuthorizedPaymentMethod)
        : undefined,
  };
}

interface ProblemShape {
  status: number;
  code: string;
  title: string;
}

/**
 * Our default rendering of a Klarna error answer. Callers catch {@link KlarnaApiError} and decide by
 * `errorCode`; this mapping is what the client sees if they do not.
 */
function problemShapeFor(httpStatus: number): ProblemShape {
  if (httpStatus === 400 || httpStatus === 403) {
    return { status: 422, code: 'KLARNA_REJECTED', title: 'Rejected by Klarna' };
  }
  if (httpStatus === 409) return { status: 409, code: 'KLARNA_CONFLICT', title: 'Conflict' };
  if (httpStatus === 429) return { status: 503, code: 'KLARNA_RATE_LIMITED', title: 'Service Unavailable' };
  return { status: 502, code: 'KLARNA_ERROR', title: 'Bad Gateway' };
}

export interface KlarnaApiErrorInit {
  operation: KlarnaOperation;
  httpStatus: number;
  body: KlarnaErrorBody & { error_code: string };
  /** From the response header; the body's `correlation_id` wins when both are present. */
  correlationId?: string;
  retryAfterSeconds?: number;
}

/** Klarna answered with an error body (`{error_code, error_messages, correlation_id}`). */
export class KlarnaApiError extends ProblemException {
  readonly operation: KlarnaOperation;
  /** Klarna's HTTP status (not ours). */
  readonly httpStatus: number;
  readonly errorCode: string;
  readonly messages: string[];
  readonly correlationId?: string;
  /** Token-order declines may say why, e.g. `reason`, `fraud_status`, `authorized_payment_method`. */
  readonly reason?: string;
  readonly fraudStatus?: string;
  readonly authorizedPaymentMethod?: KlarnaAuthorizedPaymentMethod;

  constructor(init: KlarnaApiErrorInit) {
    const shape = problemShapeFor(init.httpStatus);
    const messages = init.body.error_messages ?? [];
    const correlationId = init.body.correlation_id ?? init.correlationId;
    const errors = fieldErrorsFromMessages(messages);
    super({
      ...shape,
      detail:
        `Klarna answered ${init.operation} with HTTP ${init.httpStatus} ${init.body.error_code}` +
        (messages.length > 0 ? `: ${messages.join('; ')}` : '.'),
      errors: errors.length > 0 ? errors : undefined,
      upstream: { error_code: init.body.error_code, correlation_id: correlationId },
      headers:
        init.retryAfterSeconds !== undefined ? { 'Retry-After': String(init.retryAfterSeconds) } : undefined,
    });
    this.name = 'KlarnaApiError';
    this.operation = init.operation;
    this.httpStatus = init.httpStatus;
    this.errorCode = init.body.error_code;
    this.messages = messages;
    this.correlationId = correlationId;
    this.reason = init.body.reason;
    this.fraudStatus = init.body.fraud_status;
    this.authorizedPaymentMethod = init.body.authorized_payment_method;
  }
}

/** Klarna refused the merchant's API credentials (401, or 403 without an error body). */
export class KlarnaCredentialsRejectedError extends ProblemException {
  constructor(
    readonly operation: KlarnaOperation,
    readonly httpStatus: number,
    readonly correlationId?: string,
    errorCode?: string,
  ) {
    super({
      status: 502,
      code: 'KLARNA_CREDENTIALS_REJECTED',
      title: 'Bad Gateway',
      detail:
        "Klarna rejected the merchant's Klarna API credentials. Check the username, password, region and " +
        'environment (playground credentials do not work live, and vice versa).',
      upstream: {
        error_code: errorCode ?? (httpStatus === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN'),
        correlation_id: correlationId,
      },
    });
    this.name = 'KlarnaCredentialsRejectedError';
  }
}

export type KlarnaUnknownOutcomeFailure =
  /** No answer within the total timeout, after the request may have been sent. */
  | 'timeout'
  /** The connection broke after the request may have been sent. */
  | 'connection_lost'
  /** Klarna answered 5xx on the last permitted attempt; it may or may not have acted. */
  | 'server_error'
  /** Klarna answered 2xx with a body we could not read. */
  | 'invalid_response';

export interface KlarnaUnknownOutcomeInit {
  operation: KlarnaOperation;
  failure: KlarnaUnknownOutcomeFailure;
  attempts: number;
  httpStatus?: number;
  errorCode?: string;
  correlationId?: string;
}

/**
 * We do not know whether Klarna carried out the request: it is NOT a failure. Whoever holds the result (e.g.
 * an order placed with an idempotency key) must reconcile, e.g. retry with the same idempotency key or read
 * the resource, before treating it as failed.
 */
export class KlarnaUnknownOutcomeError extends ProblemException {
  readonly outcome = 'unknown' as const;
  readonly operation: KlarnaOperation;
  readonly failure: KlarnaUnknownOutcomeFailure;
  readonly attempts: number;
  readonly httpStatus?: number;
  readonly correlationId?: string;

  constructor(init: KlarnaUnknownOutcomeInit) {
    super({
      status: init.failure === 'server_error' ? 503 : 504,
      code: 'KLARNA_OUTCOME_UNKNOWN',
      title: init.failure === 'server_error' ? 'Service Unavailable' : 'Gateway Timeout',
      detail:
        `Klarna did not confirm ${init.operation} (${init.failure.replace('_', ' ')} after ${init.attempts} ` +
        `attempt${init.attempts === 1 ? '' : 's'}); it may or may not have been carried out.`,
      upstream: init.errorCode
        ? { error_code: init.errorCode, correlation_id: init.correlationId }
        : undefined,
    });
    this.name = 'KlarnaUnknownOutcomeError';
    this.operation = init.operation;
    this.failure = init.failure;
    this.attempts = init.attempts;
    this.httpStatus = init.httpStatus;
    this.correlationId = init.correlationId;
  }
}

/**
 * Klarna was not called, or could not be reached, so nothing happened there: the circuit breaker for this
 * merchant and region is open (`circuit_open`), no connection could be made (`unreachable`), or the merchant
 * credential's calls in flight stayed at their cap for a whole call timeout (`busy`).
 */
export class KlarnaUnavailableError extends ProblemException {
  constructor(
    readonly operation: KlarnaOperation,
    readonly reason: 'circuit_open' | 'unreachable' | 'busy',
    retryAfterSeconds?: number,
  ) {
    super({
      status: 503,
      code: 'KLARNA_UNAVAILABLE',
      title: 'Service Unavailable',
      detail:
        reason === 'circuit_open'
          ? 'Klarna is failing for this merchant and region; calls are paused for a while. Try again later.'
          : reason === 'busy'
            ? 'Too many calls to Klarna are in flight for this merchant. Nothing was sent; try again later.'
            : 'Klarna could not be reached. Nothing was sent; try again later.',
      headers: retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : undefined,
    });
    this.name = 'KlarnaUnavailableError';
  }
}
