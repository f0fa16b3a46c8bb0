import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import {
  circuitBreaker,
  ConsecutiveBreaker,
  DelegateBackoff,
  handleType,
  isBrokenCircuitError,
  retry,
  type CircuitBreakerPolicy,
  type IRetryBackoffContext,
  type RetryPolicy,
} from 'cockatiel';
import { HttpService } from '@nestjs/axios';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { version } from '../../package.json';
import {
  ConcurrencyLimiter,
  ConcurrencyLimitTimeoutError,
  LocalConcurrencyLimiter,
} from '../common/fleet/concurrency-limiter';
import { resolveKlarnaBaseUrl, type KlarnaCredentials } from './klarna-credentials';
import { undiciAdapterOf } from './klarna-http';
import {
  AttemptFailure,
  classifyTransportError,
  isRetryableAnswer,
  parseRetryAfterMs,
  retryDelayMs,
  type HttpAnswer,
} from './klarna-resilience';
import {
  KlarnaApiError,
  KlarnaCredentialsRejectedError,
  KlarnaUnavailableError,
  KlarnaUnknownOutcomeError,
  parseKlarnaErrorBody,
  type KlarnaOperation,
} from './klarna.errors';
import { KLARNA_CLIENT_OPTIONS, type ResolvedKlarnaClientOptions } from './klarna.options';
import type {
  KlarnaCapture,
  KlarnaCaptureCreated,
  KlarnaCaptureRequest,
  KlarnaCreateOrderRequest,
  KlarnaCustomerToken,
  KlarnaCustomerTokenCreationRequest,
  KlarnaCustomerTokenCreationResponse,
  KlarnaMerchantSession,
  KlarnaOmOrder,
  KlarnaOrder,
  KlarnaRefund,
  KlarnaRefundCreated,
  KlarnaRefundRequest,
  KlarnaResult,
  KlarnaSessionCreateRequest,
  KlarnaSessionRead,
  KlarnaSessionUpdateRequest,
  KlarnaTokenOrderRequest,
} from './klarna.types';

export const KLARNA_USER_AGENT = `Autopay/${version}`;

interface OperationSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Also what is logged: `{placeholders}` keep tokens out of the logs. */
  path: string;
  /**
   * Safe to send again after an unknown outcome: reads, the release and cancel (which end in the same state
   * however often they run) and token orders (Klarna-Idempotency-Key). Creating sessions, orders and tokens
   * from an authorization has no idempotency key, so a retry could act twice.
   */
  retryable: boolean;
  /** Whether a success carries a JSON body. */
  returnsBody: boolean;
  /**
   * A 201 without body that names what it created: the response header with the id (lowercase), also read
   * from the last segment of `Location`. The result is `{ [idField]: id }`.
   */
  created?: { header: string; idField: string };
}

export const KLARNA_OPERATIONS: Readonly<Record<KlarnaOperation, OperationSpec>> = {
  createSession: { method: 'POST', path: '/payments/v1/sessions', retryable: false, returnsBody: true },
  readSession: {
    method: 'GET',
    path: '/payments/v1/sessions/{session_id}',
    retryable: true,
    returnsBody: true,
  },
  updateSession: {
    method: 'POST',
    path: '/payments/v1/sessions/{session_id}',
    retryable: false,
    returnsBody: false,
  },
  releaseAuthorization: {
    method: 'DELETE',
    path: '/payments/v1/authorizations/{authorizationToken}',
    retryable: true,
    returnsBody: false,
  },
  createOrder: {
    method: 'POST',
    path: '/payments/v1/authorizations/{authorizationToken}/order',
    retryable: false,
    returnsBody: true,
  },
  createCustomerToken: {
    method: 'POST',
    path: '/payments/v1/authorizations/{authorizationToken}/customer-token',
    retryable: false,
    returnsBody: true,
  },
  readCustomerToken: {
    method: 'GET',
    path: '/customer-token/v1/tokens/{customerToken}',
    retryable: true,
    returnsBody: true,
  },
  cancelCustomerToken: {
    method: 'PATCH',
    path: '/customer-token/v1/tokens/{customerToken}/status',
    retryable: true,
    returnsBody: false,
  },
  createTokenOrder: {
    method: 'POST',
    path: '/customer-token/v1/tokens/{customerToken}/order',
    retryable: true,
    returnsBody: true,
  },
  // Order Management: reads are safe, and every POST carries a Klarna-Idempotency-Key, so a repeat within
  // Klarna's 24 hours is executed once.
  readOmOrder: {
    method: 'GET',
    path: '/ordermanagement/v1/orders/{order_id}',
    retryable: true,
    returnsBody: true,
  },
  createCapture: {
    method: 'POST',
    path: '/ordermanagement/v1/orders/{order_id}/captures',
    retryable: true,
    returnsBody: false,
    created: { header: 'capture-id', idField: 'capture_id' },
  },
  readCapture: {
    method: 'GET',
    path: '/ordermanagement/v1/orders/{order_id}/captures/{capture_id}',
    retryable: true,
    returnsBody: true,
  },
  createRefund: {
    method: 'POST',
    path: '/ordermanagement/v1/orders/{order_id}/refunds',
    retryable: true,
    returnsBody: false,
    created: { header: 'refund-id', idField: 'refund_id' },
  },
  readRefund: {
    method: 'GET',
    path: '/ordermanagement/v1/orders/{order_id}/refunds/{refund_id}',
    retryable: true,
    returnsBody: true,
  },
  cancelOrder: {
    method: 'POST',
    path: '/ordermanagement/v1/orders/{order_id}/cancel',
    retryable: true,
    returnsBody: false,
  },
  releaseRemainingAuthorization: {
    method: 'POST',
    path: '/ordermanagement/v1/orders/{order_id}/release-remaining-authorization',
    retryable: true,
    returnsBody: false,
  },
};

/** Fills `{name}` placeholders, URI-encoded; an empty value would silently address another resource. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'string' || value === '')
      throw new TypeError(`Klarna path parameter ${name} is empty`);
    return encodeURIComponent(value);
  });
}

interface CallState {
  attempts: number;
  /** The latest attempt failure after which Klarna may have acted. */
  uncertain?: AttemptFailure;
}

interface CallInput {
  operation: KlarnaOperation;
  credentials: KlarnaCredentials;
  params?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The only code in the service that talks to Klarna. Every call has a connect and a total timeout, goes
 * through the circuit breaker of its merchant and region, and is retried with backoff only when repeating it
 * is safe. Errors come out typed: {@link KlarnaApiError}, {@link KlarnaCredentialsRejectedError},
 * {@link KlarnaUnknownOutcomeError}, {@link KlarnaUnavailableError}.
 */
@Injectable()
export class KlarnaClient implements OnApplicationShutdown {
  private readonly logger = new Logger(KlarnaClient.name);
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly retryPolicy: RetryPolicy;
  private closing?: Promise<void>;

  /**
   * `http` is `@nestjs/axios`'s HttpService over the axios instance KlarnaModule configures (klarna-http.ts):
   * undici's keep-alive pool under axios, no redirects, no Accept-Encoding, bodies as text.
   */
  constructor(
    @Inject(KLARNA_CLIENT_OPTIONS) private readonly options: ResolvedKlarnaClientOptions,
    private readonly http: HttpService,
    /** Slots per merchant credential: the application's (fleet-wide with Redis), else this client's own. */
    @Optional() private readonly slots: ConcurrencyLimiter = new LocalConcurrencyLimiter(),
  ) {
    this.retryPolicy = retry(
      handleType(AttemptFailure).orWhenResult((answer) => isRetryableAnswer(answer as HttpAnswer, options)),
      {
        maxAttempts: options.maxRetries,
        backoff: new DelegateBackoff<IRetryBackoffContext<unknown>>((context) =>
          retryDelayMs(
            context.attempt,
            'value' in context.result ? (context.result.value as HttpAnswer).retryAfterMs : undefined,
            options,
          ),
        ),
      },
    );
  }

  /**
   * Lets calls in flight finish (each is bounded by its total timeout), then closes the connections. Not in
   * onModuleDestroy: Nest runs that before the HTTP server stops and before the jobs finish their batch in
   * onApplicationShutdown, and a closed agent refuses every later call. KlarnaModule is global, so its
   * shutdown hook runs after those of the modules that use it.
   */
  onApplicationShutdown(): Promise<void> {
    this.closing ??= undiciAdapterOf(this.http.axiosRef.defaults.adapter)?.close() ?? Promise.resolve();
    return this.closing;
  }

  createSession(
    credentials: KlarnaCredentials,
    body: KlarnaSessionCreateRequest,
  ): Promise<KlarnaResult<KlarnaMerchantSession>> {
    return this.call({ operation: 'createSession', credentials, body });
  }

  readSession(credentials: KlarnaCredentials, sessionId: string): Promise<KlarnaResult<KlarnaSessionRead>> {
    return this.call({ operation: 'readSession', credentials, params: { session_id: sessionId } });
  }

  updateSession(
    credentials: KlarnaCredentials,
    sessionId: string,
    body: KlarnaSessionUpdateRequest,
  ): Promise<KlarnaResult<void>> {
    return this.call({ operation: 'updateSession', credentials, params: { session_id: sessionId }, body });
  }

  releaseAuthorization(
    credentials: KlarnaCredentials,
    authorizationToken: string,
  ): Promise<KlarnaResult<void>> {
    return this.call({ operation: 'releaseAuthorization', credentials, params: { authorizationToken } });
  }

  createOrder(
    credentials: KlarnaCredentials,
    authorizationToken: string,
    body: KlarnaCreateOrderRequest,
  ): Promise<KlarnaResult<KlarnaOrder>> {
    return this.call({ operation: 'createOrder', credentials, params: { authorizationToken }, body });
  }

  createCustomerToken(
    credentials: KlarnaCredentials,
    authorizationToken: string,
    body: KlarnaCustomerTokenCreationRequest,
  ): Promise<KlarnaResult<KlarnaCustomerTokenCreationResponse>> {
    return this.call({ operation: 'createCustomerToken', credentials, params: { authorizationToken }, body });
  }

  readCustomerToken(
    credentials: KlarnaCredentials,
    tokenId: string,
  ): Promise<KlarnaResult<KlarnaCustomerToken>> {
    return this.call({ operation: 'readCustomerToken', credentials, params: { customerToken: tokenId } });
  }

  /** PATCH status CANCELLED; Klarna accepts with 202 and cancels asynchronously. Irreversible. */
  cancelCustomerToken(credentials: KlarnaCredentials, tokenId: string): Promise<KlarnaResult<void>> {
    return this.call({
      operation: 'cancelCustomerToken',
      credentials,
      params: { customerToken: tokenId },
      body: { status: 'CANCELLED' },
    });
  }

  /**
   * Charges a customer token. `idempotencyKey` is sent as Klarna-Idempotency-Key on every attempt, so retries
   * (and a later call with the same key after a {@link KlarnaUnknownOutcomeError}) place at most one order.
   */
  createTokenOrder(
    credentials: KlarnaCredentials,
    tokenId: string,
    body: KlarnaTokenOrderRequest,
    idempotencyKey: string,
  ): Promise<KlarnaResult<KlarnaOrder>> {
    return this.callWithKey(
      {
        operation: 'createTokenOrder',
        credentials,
        params: { customerToken: tokenId },
        body,
      },
      idempotencyKey,
    );
  }

  /** Order Management's view of an order: status, amounts, captures and refunds. */
  readOmOrder(credentials: KlarnaCredentials, orderId: string): Promise<KlarnaResult<KlarnaOmOrder>> {
    return this.call({ operation: 'readOmOrder', credentials, params: { order_id: orderId } });
  }

  /**
   * Captures `captured_amount` of an authorized order (201, no body; the id is in the Capture-Id header).
   * `idempotencyKey` goes out as Klarna-Idempotency-Key on every attempt, so retries capture at most once.
   */
  createCapture(
    credentials: KlarnaCredentials,
    orderId: string,
    body: KlarnaCaptureRequest,
    idempotencyKey: string,
  ): Promise<KlarnaResult<KlarnaCaptureCreated>> {
    return this.callWithKey(
      {
        operation: 'createCapture',
        credentials,
        params: { order_id: orderId },
        body,
      },
      idempotencyKey,
    );
  }

  readCapture(
    credentials: KlarnaCredentials,
    orderId: string,
    captureId: string,
  ): Promise<KlarnaResult<KlarnaCapture>> {
    return this.call({
      operation: 'readCapture',
      credentials,
      params: { order_id: orderId, capture_id: captureId },
    });
  }

  /** Refunds `refunded_amount` of what was captured (201, no body; the id is in the Refund-Id header). */
  createRefund(
    credentials: KlarnaCredentials,
    orderId: string,
    body: KlarnaRefundRequest,
    idempotencyKey: string,
  ): Promise<KlarnaResult<KlarnaRefundCreated>> {
    return this.callWithKey(
      {
        operation: 'createRefund',
        credentials,
        params: { order_id: orderId },
        body,
      },
      idempotencyKey,
    );
  }

  readRefund(
    credentials: KlarnaCredentials,
    orderId: string,
    refundId: string,
  ): Promise<KlarnaResult<KlarnaRefund>> {
    return this.call({
      operation: 'readRefund',
      credentials,
      params: { order_id: orderId, refund_id: refundId },
    });
  }

  /** Cancels (voids) an order that has no capture yet. 204. */
  cancelOrder(
    credentials: KlarnaCredentials,
    orderId: string,
    idempotencyKey: string,
  ): Promise<KlarnaResult<void>> {
    return this.callWithKey(
      {
        operation: 'cancelOrder',
        credentials,
        params: { order_id: orderId },
      },
      idempotencyKey,
    );
  }

  /** Gives up what is still authorized after a partial capture; the order becomes CAPTURED. 204. */
  releaseRemainingAuthorization(
    credentials: KlarnaCredentials,
    orderId: string,
    idempotencyKey: string,
  ): Promise<KlarnaResult<void>> {
    return this.callWithKey(
      {
        operation: 'releaseRemainingAuthorization',
        credentials,
        params: { order_id: orderId },
      },
      idempotencyKey,
    );
  }

  /**
   * A call that sends `idempotencyKey` as Klarna-Idempotency-Key on every attempt. A blank key is refused
   * before anything is sent: without one a retry could act twice.
   */
  private callWithKey<T>(input: CallInput, idempotencyKey: string): Promise<KlarnaResult<T>> {
    if (typeof idempotencyKey !== 'string' || idempotencyKey.trim() === '') {
      return Promise.reject(new TypeError(`${input.operation} needs an idempotency key`));
    }
    return this.call({ ...input, headers: { ...input.headers, 'Klarna-Idempotency-Key': idempotencyKey } });
  }

  private async call<T>(input: CallInput): Promise<KlarnaResult<T>> {
    const spec = KLARNA_OPERATIONS[input.operation];
    const baseUrl = resolveKlarnaBaseUrl(input.credentials);
    const url = baseUrl + fillPath(spec.path, input.params ?? {});
    const breaker = this.breakerFor(input.credentials, baseUrl);
    const state: CallState = { attempts: 0 };
    const slotKey = credentialKey(input.credentials, baseUrl);
    // Each attempt holds one of the credential's slots (not the backoff between attempts); one that gets none
    // within a call timeout sends nothing.
    const once = async () => {
      const release = await this.slots.acquire(
        slotKey,
        this.options.maxConcurrentCalls,
        this.options.timeoutMs,
      );
      try {
        return await breaker.execute(() => this.attempt(input, spec, url, state));
      } finally {
        await release();
      }
    };

    let answer: HttpAnswer;
    try {
      answer = spec.retryable ? await this.retryPolicy.execute(once) : await once();
    } catch (error) {
      throw this.failureToError(input.operation, error, state);
    }
    return this.answerToResult<T>(input.operation, spec, answer, state);
  }

  /** One HTTP exchange. Resolves with any answer below 500; throws AttemptFailure for the rest. */
  private async attempt(
    input: CallInput,
    spec: OperationSpec,
    url: string,
    state: CallState,
  ): Promise<HttpAnswer> {
    state.attempts += 1;
    const attempt = state.attempts;
    const started = performance.now();
    const controller = new AbortController();
    let timedOut = false;
    const totalTimer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);

    let answer: HttpAnswer;
    try {
      // The service's axios instance directly: its Observable wrapper adds a CancelToken per request, and
      // cancelling it on unsubscribe builds an error object every call (5% of the client's CPU, measured).
      const response = await this.http.axiosRef.request<string>({
        url,
        method: spec.method,
        headers: {
          'User-Agent': KLARNA_USER_AGENT,
          Accept: 'application/json',
          Authorization: basicAuth(input.credentials),
          // Only with a body: a JSON content type on an empty DELETE is refused by strict servers. `false`
          // also stops axios from labelling a bodiless POST (cancel, release) as a form.
          'Content-Type': input.body === undefined ? false : 'application/json',
          ...input.headers,
        },
        data: input.body === undefined ? undefined : JSON.stringify(input.body),
        signal: controller.signal,
      });
      const { status } = response;
      const headers = response.headers as IncomingHttpHeaders;
      answer = {
        status,
        body: response.data,
        contentType: headerValue(headers, 'content-type'),
        correlationId: headerValue(headers, 'klarna-correlation-id'),
        retryAfterMs:
          status === 429 ? parseRetryAfterMs(headerValue(headers, 'retry-after'), Date.now()) : undefined,
        location: spec.created ? headerValue(headers, 'location') : undefined,
        createdId: spec.created ? headerValue(headers, spec.created.header) : undefined,
      };
    } catch (error) {
      const failure = new AttemptFailure(classifyTransportError(transportErrorCode(error), timedOut));
      if (failure.outcomeUncertain) state.uncertain = failure;
      this.logAttempt(input, spec, attempt, started, { failure: failure.kind });
      throw failure;
    } finally {
      clearTimeout(totalTimer);
    }

    this.logAttempt(input, spec, attempt, started, {
      status: answer.status,
      correlationId: answer.correlationId,
    });
    if (answer.status >= 500) {
      const failure = new AttemptFailure('server_error', answer.status, answer.body, answer.correlationId);
      state.uncertain = failure;
      throw failure;
    }
    return answer;
  }

  private answerToResult<T>(
    operation: KlarnaOperation,
    spec: OperationSpec,
    answer: HttpAnswer,
    state: CallState,
  ): KlarnaResult<T> {
    const { status, correlationId } = answer;
    if (status >= 200 && status < 300) {
      if (spec.created) {
        const id = answer.createdId ?? lastPathSegment(answer.location);
        if (id === undefined) {
          throw new KlarnaUnknownOutcomeError({
            operation,
            failure: 'invalid_response',
            attempts: state.attempts,
            httpStatus: status,
            correlationId,
          });
        }
        return { data: { [spec.created.idField]: id } as T, correlationId };
      }
      if (!spec.returnsBody) return { data: undefined as T, correlationId };
      const data = parseJsonObject(answer.body);
      if (data === undefined) {
        throw new KlarnaUnknownOutcomeError({
          operation,
          failure: 'invalid_response',
          attempts: state.attempts,
          httpStatus: status,
          correlationId,
        });
      }
      return { data: data as T, correlationId };
    }
    const errorBody = parseKlarnaErrorBody(answer.body);
    if (status === 401 || (status === 403 && !errorBody)) {
      throw new KlarnaCredentialsRejectedError(operation, status, correlationId, errorBody?.error_code);
    }
    throw new KlarnaApiError({
      operation,
      httpStatus: status,
      body: errorBody ?? {
        error_code: status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`,
        error_messages: [],
      },
      correlationId,
      retryAfterSeconds:
        status === 429 && answer.retryAfterMs !== undefined
          ? Math.ceil(answer.retryAfterMs / 1000)
          : undefined,
    });
  }

  private failureToError(operation: KlarnaOperation, error: unknown, state: CallState): unknown {
    // Once any attempt may have reached Klarna, a later fail-fast or unreachable does not make the outcome known.
    if (state.uncertain && (isBrokenCircuitError(error) || isConnectFailure(error))) {
      return this.unknownOutcome(operation, state.uncertain, state);
    }
    if (state.uncertain && error instanceof ConcurrencyLimitTimeoutError) {
      return this.unknownOutcome(operation, state.uncertain, state);
    }
    if (error instanceof ConcurrencyLimitTimeoutError) {
      this.logger.warn({ event: 'klarna_calls_at_cap', operation, attempt: state.attempts });
      return new KlarnaUnavailableError(operation, 'busy', 1);
    }
    if (isBrokenCircuitError(error)) {
      this.logger.warn({ event: 'klarna_circuit_open', operation, attempt: state.attempts });
      return new KlarnaUnavailableError(
        operation,
        'circuit_open',
        Math.ceil(this.options.breakerHalfOpenAfterMs / 1000),
      );
    }
    if (error instanceof AttemptFailure) {
      return error.kind === 'connect'
        ? new KlarnaUnavailableError(operation, 'unreachable')
        : this.unknownOutcome(operation, error, state);
    }
    return error;
  }

  private unknownOutcome(
    operation: KlarnaOperation,
    failure: AttemptFailure,
    state: CallState,
  ): KlarnaUnknownOutcomeError {
    const body = failure.kind === 'server_error' ? parseKlarnaErrorBody(failure.body) : undefined;
    return new KlarnaUnknownOutcomeError({
      operation,
      failure:
        failure.kind === 'server_error'
          ? 'server_error'
          : failure.kind === 'timeout'
            ? 'timeout'
            : 'connection_lost',
      attempts: state.attempts,
      httpStatus: failure.httpStatus,
      errorCode: body?.error_code,
      correlationId: body?.correlation_id ?? failure.correlationId,
    });
  }

  private breakerFor(credentials: KlarnaCredentials, baseUrl: string): CircuitBreakerPolicy {
    const key = [credentials.merchantId, credentials.region, credentials.environment, baseUrl].join('|');
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = circuitBreaker(handleType(AttemptFailure), {
        halfOpenAfter: this.options.breakerHalfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.options.breakerThreshold),
      });
      const context = { merchant_id: credentials.merchantId, region: credentials.region };
      breaker.onBreak(() => this.logger.warn({ event: 'klarna_circuit_opened', ...context }));
      breaker.onHalfOpen(() => this.logger.log({ event: 'klarna_circuit_half_open', ...context }));
      breaker.onReset(() => this.logger.log({ event: 'klarna_circuit_closed', ...context }));
      this.breakers.set(key, breaker);
    }
    return breaker;
  }

  /** Never logs bodies, credentials or the concrete path (it contains session and customer tokens). */
  private logAttempt(
    input: CallInput,
    spec: OperationSpec,
    attempt: number,
    started: number,
    outcome: { status?: number; correlationId?: string; failure?: string },
  ): void {
    const entry = {
      event: 'klarna_call',
      operation: input.operation,
      merchant_id: input.credentials.merchantId,
      method: spec.method,
      path: spec.path,
      status: outcome.status,
      failure: outcome.failure,
      duration_ms: Math.round(performance.now() - started),
      correlation_id: outcome.correlationId,
      attempt,
    };
    if (outcome.failure !== undefined || (outcome.status ?? 0) >= 500) this.logger.warn(entry);
    else this.logger.log(entry);
  }
}

/** The slot key of a merchant credential (Klarna counts per API user and host); no credential in clear. */
function credentialKey(credentials: KlarnaCredentials, baseUrl: string): string {
  const digest = createHash('sha256').update(`${baseUrl}\u0000${credentials.username}`).digest('base64url');
  return `klarna-calls:${digest.slice(0, 22)}`;
}

function isConnectFailure(error: unknown): boolean {
  return error instanceof AttemptFailure && error.kind === 'connect';
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The last segment of a `Location` (absolute or relative), decoded; undefined when there is none. */
export function lastPathSegment(location: string | undefined): string | undefined {
  if (location === undefined) return undefined;
  let path: string;
  try {
    path = new URL(location, 'http://base.invalid').pathname;
  } catch {
    return undefined;
  }
  const segment = path
    .split('/')
    .filter((part) => part !== '')
    .pop();
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function basicAuth(credentials: KlarnaCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/** Headers of which node:http keeps the first of duplicates; it joins the others with ", " (undici lists them). */
const SINGLE_VALUE_HEADERS = new Set(['content-type', 'retry-after']);

/** A response header by its lowercase name, as node:http would have given it; undefined when absent or empty. */
function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? (SINGLE_VALUE_HEADERS.has(name) ? raw[0] : raw.join(', ')) : raw;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The errno-style or undici code of a transport error. undici puts it on the error itself (UND_ERR_SOCKET,
 * UND_ERR_CONNECT_TIMEOUT, or the socket's ECONNREFUSED/ECONNRESET); a wrapper may carry it on `cause`, and
 * Node reports dual-stack connect failures as an AggregateError. The abort of the total timeout (a
 * DOMException with a numeric code) has none: the caller knows it timed out.
 */
function transportErrorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 3) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  if (error instanceof AggregateError) return transportErrorCode(error.errors[0], depth + 1);
  return transportErrorCode((error as { cause?: unknown }).cause, depth + 1);
}
