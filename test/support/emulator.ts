import { randomUUID } from 'node:crypto';
import { Logger, type LogLevel } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OrderRecord } from '../../src/klarna-emulator/core/state';
import type { RequestLogEntry } from '../../src/klarna-emulator/domain/ledger.service';
import { createEmulatorApp } from '../../src/klarna-emulator/emulator.app';
import type { KlarnaCredentials } from '../../src/klarna/klarna-credentials';
import { validateKlarnaRequest, validateKlarnaResponse } from '../contract/klarna-schemas';
import { type ApiResponse, httpRequest } from './http';
import { tokenizeSession, tokenOrderBody, tokenRequest } from './klarna-fixtures';

/** The emulator's merchants: every suite signs in as MERCHANT; OTHER_MERCHANT exists to test isolation. */
export const MERCHANT = { username: 'merchant_a', password: 'secret_a' };
export const OTHER_MERCHANT = { username: 'merchant_b', password: 'secret_b' };

// Response bodies are checked against Klarna's schemas at runtime; tests then read them loosely (JSON.parse's type).
export type Loose = ReturnType<typeof JSON.parse>;

export interface KlarnaResponse {
  status: number;
  body: Loose;
  headers: Headers;
}

/** The emulator's request log and order ledger, as its controls return them (JSON). */
export type LoggedRequest = RequestLogEntry;
export type LedgerOrder = OrderRecord & {
  status?: string;
  captured_amount?: number;
  refunded_amount?: number;
  remaining_authorized_amount?: number;
  expires_at?: string;
  captures?: {
    capture_id: string;
    captured_amount: number;
    idempotency_key: string | null;
    source: string;
  }[];
  refunds?: { refund_id: string; refunded_amount: number; idempotency_key: string | null; source: string }[];
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one test harness for the Klarna emulator: a running emulator over real HTTP (random port unless given),
 * Klarna calls checked against Klarna's spec, the test controls, and the flows a sign-up makes. The service's
 * e2e tests get one through `startTestApp({ emulator: true })` (as `t.emulator`), the emulator's own tests through
 * `useEmulator()`, the Klarna client's tests through `Emulator.start()`.
 */
export class Emulator {
  readonly username = MERCHANT.username;
  readonly password = MERCHANT.password;

  private constructor(
    private readonly app: NestFastifyApplication,
    readonly url: string,
  ) {}

  /**
   * `logLevels` overrides Nest's logger for this jest worker (the emulator's own suites keep errors and warnings,
   * the client's suites nothing); left out, the emulator logs through whatever logger the worker has.
   */
  static async start(options: { port?: number; logLevels?: LogLevel[] | false } = {}): Promise<Emulator> {
    if (options.logLevels !== undefined) Logger.overrideLogger(options.logLevels);
    const app = await createEmulatorApp({ credentials: [MERCHANT, OTHER_MERCHANT] });
    await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    return new Emulator(app, `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  }

  close(): Promise<void> {
    return this.app.close();
  }

  /** Credentials of MERCHANT for the Klarna client; a distinct merchantId gives the call its own circuit breaker. */
  credentials(overrides: Partial<KlarnaCredentials> = {}): KlarnaCredentials {
    return {
      merchantId: `merchant-${randomUUID()}`,
      region: 'NA',
      environment: 'playground',
      baseUrl: this.url,
      username: this.username,
      password: this.password,
      ...overrides,
    };
  }

  /** Any call to the emulator, unchecked (paths in full, e.g. `/emulator/v1/requests`). */
  request<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    return httpRequest<T>(this.url, method, path, body === undefined ? {} : { body });
  }

  /**
   * Calls a Klarna endpoint as `operationId` and fails the test when the answer does not match Klarna's spec
   * (body, and the headers the spec declares). Order Management request bodies are checked against the spec
   * before sending, unless the test sends an invalid one on purpose (`invalidRequest`).
   */
  async klarna(
    operationId: string,
    method: string,
    path: string,
    body?: unknown,
    options: {
      merchant?: { username: string; password: string } | null;
      headers?: Record<string, string>;
      invalidRequest?: boolean;
    } = {},
  ): Promise<KlarnaResponse> {
    if (operationId.startsWith('orderManagement.') && !options.invalidRequest) {
      const requestProblems = validateKlarnaRequest(operationId, body);
      if (requestProblems.length > 0) {
        throw new Error(`${operationId} request violates Klarna's spec: ${requestProblems.join('; ')}`);
      }
    }
    const merchant = options.merchant === undefined ? MERCHANT : options.merchant;
    const headers: Record<string, string> = { ...options.headers };
    if (merchant) {
      headers.authorization = `Basic ${Buffer.from(`${merchant.username}:${merchant.password}`).toString('base64')}`;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text === '' ? undefined : JSON.parse(text);
    const problems = validateKlarnaResponse(operationId, response.status, parsed, response.headers);
    if (problems.length > 0) {
      throw new Error(
        `${operationId} ${response.status} violates Klarna's spec: ${problems.join('; ')}\n${text}`,
      );
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Calls a test control (no auth). */
  async control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Loose }> {
    const response = await fetch(`${this.url}/emulator/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  }

  /** A test control that must succeed; returns its body. */
  private async controlOk<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.control(method, path, body);
    if (res.status < 200 || res.status > 299)
      throw new Error(`emulator control ${method} ${path} → ${res.status}`);
    return res.body as T;
  }

  setFaults(faults: Record<string, unknown>): Promise<unknown> {
    return this.controlOk('PUT', '/faults', faults);
  }

  clearFaults(): Promise<unknown> {
    return this.controlOk('DELETE', '/faults');
  }

  async requests(): Promise<LoggedRequest[]> {
    return (await this.controlOk<{ requests: LoggedRequest[] }>('GET', '/requests')).requests;
  }

  async orders(): Promise<LedgerOrder[]> {
    return (await this.controlOk<{ orders: LedgerOrder[] }>('GET', '/orders')).orders;
  }

  /** Polls the request log until `predicate` holds (the log is written when the emulator answers). */
  async waitForRequests(predicate: (requests: LoggedRequest[]) => boolean, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(await this.requests())) {
      if (Date.now() > deadline) throw new Error('emulator request log did not reach the expected state');
      await sleep(5);
    }
  }

  async reset(): Promise<void> {
    await this.control('POST', '/reset');
  }

  async advanceClock(seconds: number): Promise<void> {
    const { status } = await this.control('POST', '/clock/advance', { seconds });
    if (status !== 200) throw new Error(`clock advance failed with ${status}`);
  }

  // --- flow helpers -------------------------------------------------------------------------------------------

  async createSession(body: object = tokenizeSession()): Promise<string> {
    const res = await this.klarna('payments.createCreditSession', 'POST', '/payments/v1/sessions', body);
    if (res.status !== 200) throw new Error(`session create failed: ${JSON.stringify(res.body)}`);
    return res.body.session_id as string;
  }

  async authorize(sessionId: string, data: object = {}): Promise<string> {
    const res = await this.control('POST', `/sessions/${sessionId}/authorize`, data);
    if (res.status !== 200 || !res.body.authorization_token) {
      throw new Error(`authorize failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.authorization_token as string;
  }

  async createToken(authorizationToken: string, body: object = tokenRequest()): Promise<string> {
    const res = await this.klarna(
      'payments.purchaseToken',
      'POST',
      `/payments/v1/authorizations/${authorizationToken}/customer-token`,
      body,
    );
    if (res.status !== 200) throw new Error(`token create failed: ${JSON.stringify(res.body)}`);
    return res.body.token_id as string;
  }

  /** Session → authorize → customer token, as a sign-up does. */
  async signUp(session: object = tokenizeSession()): Promise<{ sessionId: string; tokenId: string }> {
    const sessionId = await this.createSession(session);
    const auth = await this.authorize(sessionId);
    return { sessionId, tokenId: await this.createToken(auth) };
  }

  createOrder(authorizationToken: string, body: object): Promise<KlarnaResponse> {
    return this.klarna(
      'payments.createOrder',
      'POST',
      `/payments/v1/authorizations/${authorizationToken}/order`,
      body,
    );
  }

  tokenOrder(tokenId: string, body: object = tokenOrderBody(), key?: string): Promise<KlarnaResponse> {
    return this.klarna(
      'customerToken.createOrder',
      'POST',
      `/customer-token/v1/tokens/${tokenId}/order`,
      body,
      key === undefined ? {} : { headers: { 'Klarna-Idempotency-Key': key } },
    );
  }

  // --- Order Management ---------------------------------------------------------------------------------------

  /** Signs up and charges the token: the id of an order of `amount` (1250 by default) Order Management holds. */
  async placeOrder(options: { autoCapture?: boolean } = {}): Promise<string> {
    const { tokenId } = await this.signUp();
    const res = await this.tokenOrder(
      tokenId,
      tokenOrderBody(options.autoCapture === undefined ? {} : { auto_capture: options.autoCapture }),
    );
    if (res.status !== 200) throw new Error(`token order failed: ${JSON.stringify(res.body)}`);
    return res.body.order_id as string;
  }

  omOrder(orderId: string): Promise<KlarnaResponse> {
    return this.klarna('orderManagement.getOrder', 'GET', `/ordermanagement/v1/orders/${orderId}`);
  }

  capture(orderId: string, body: object, key?: string, options: { invalidRequest?: boolean } = {}) {
    return this.klarna(
      'orderManagement.captureOrder',
      'POST',
      `/ordermanagement/v1/orders/${orderId}/captures`,
      body,
      {
        ...options,
        headers: key === undefined ? {} : { 'Klarna-Idempotency-Key': key },
      },
    );
  }

  refund(orderId: string, body: object, key?: string, options: { invalidRequest?: boolean } = {}) {
    return this.klarna(
      'orderManagement.refundOrder',
      'POST',
      `/ordermanagement/v1/orders/${orderId}/refunds`,
      body,
      {
        ...options,
        headers: key === undefined ? {} : { 'Klarna-Idempotency-Key': key },
      },
    );
  }

  cancelOrder(orderId: string, key?: string): Promise<KlarnaResponse> {
    return this.klarna(
      'orderManagement.cancelOrder',
      'POST',
      `/ordermanagement/v1/orders/${orderId}/cancel`,
      undefined,
      {
        headers: key === undefined ? {} : { 'Klarna-Idempotency-Key': key },
      },
    );
  }

  releaseRemaining(orderId: string, key?: string): Promise<KlarnaResponse> {
    return this.klarna(
      'orderManagement.releaseRemainingAuthorization',
      'POST',
      `/ordermanagement/v1/orders/${orderId}/release-remaining-authorization`,
      undefined,
      { headers: key === undefined ? {} : { 'Klarna-Idempotency-Key': key } },
    );
  }
}

/**
 * One emulator per test file, reset before each test. Returns a stand-in that forwards to the running harness
 * (it only exists once `beforeAll` has run).
 */
export function useEmulator(): Emulator {
  let running: Emulator | undefined;
  beforeAll(async () => {
    running = await Emulator.start({ logLevels: ['error', 'warn'] });
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await running!.reset();
  });
  return new Proxy({} as Emulator, {
    get(_, property) {
      if (!running) throw new Error('emulator not started yet: use it inside a test');
      const value: unknown = Reflect.get(running, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(running) : value;
    },
  });
}
