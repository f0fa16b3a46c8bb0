import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createEmulatorApp } from '../../../src/klarna-emulator/emulator.app';
import { validateKlarnaResponse } from '../../contract/klarna-schemas';

export const MERCHANT = { username: 'merchant_a', password: 'secret_a' };
export const OTHER_MERCHANT = { username: 'merchant_b', password: 'secret_b' };

// Response bodies are checked against Klarna's schemas at runtime; tests then read them loosely (JSON.parse's type).
export type Loose = ReturnType<typeof JSON.parse>;

export interface KlarnaResponse {
  status: number;
  body: Loose;
  headers: Headers;
}

/** A running emulator on a random port with helpers that check every Klarna answer against Klarna's spec. */
export class EmulatorHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<EmulatorHarness> {
    // Keep Nest's bootstrap lines out of the test output (this jest worker's logger only).
    Logger.overrideLogger(['error', 'warn']);
    const app = await createEmulatorApp({ credentials: [MERCHANT, OTHER_MERCHANT] });
    await app.listen(0, '127.0.0.1');
    return new EmulatorHarness(app, (await app.getUrl()).replace('[::1]', '127.0.0.1'));
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  /**
   * Calls a Klarna endpoint as `operationId` and fails the test when the answer does not match Klarna's spec.
   */
  async klarna(
    operationId: string,
    method: string,
    path: string,
    body?: unknown,
    options: {
      merchant?: { username: string; password: string } | null;
      headers?: Record<string, string>;
    } = {},
  ): Promise<KlarnaResponse> {
    const merchant = options.merchant === undefined ? MERCHANT : options.merchant;
    const headers: Record<string, string> = { ...options.headers };
    if (merchant) {
      headers.authorization = `Basic ${Buffer.from(`${merchant.username}:${merchant.password}`).toString('base64')}`;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text === '' ? undefined : JSON.parse(text);
    const problems = validateKlarnaResponse(operationId, response.status, parsed);
    if (problems.length > 0) {
      throw new Error(
        `${operationId} ${response.status} violates Klarna's spec: ${problems.join('; ')}\n${text}`,
      );
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Calls a test control (no auth). */
  async control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Loose }> {
    const response = await fetch(`${this.baseUrl}/emulator/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
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
}

// --- fixtures ---------------------------------------------------------------------------------------------------

export function subscriptionLine(overrides: object = {}) {
  return {
    type: 'digital',
    name: 'Monthly plan',
    quantity: 1,
    unit_price: 1250,
    tax_rate: 2500,
    total_amount: 1250,
    total_tax_amount: 250,
    subscription: { name: 'Monthly plan', interval: 'MONTH', interval_count: 1 },
    ...overrides,
  };
}

export function buySession(overrides: object = {}) {
  return {
    intent: 'buy_and_tokenize',
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    order_amount: 1250,
    order_tax_amount: 250,
    order_lines: [subscriptionLine()],
    billing_address: { email: 'customer@email.se', country: 'SE', postal_code: '12345' },
    merchant_urls: { confirmation: 'https://merchant.example/confirm/{session.id}' },
    ...overrides,
  };
}

export function tokenizeSession(overrides: object = {}) {
  return {
    intent: 'tokenize',
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    order_amount: 0,
    order_tax_amount: 0,
    order_lines: [subscriptionLine({ unit_price: 0, total_amount: 0, total_tax_amount: 0 })],
    billing_address: { email: 'customer@email.se', country: 'SE' },
    ...overrides,
  };
}

export function orderBodyFor(session: ReturnType<typeof buySession>) {
  return {
    purchase_country: session.purchase_country,
    purchase_currency: session.purchase_currency,
    locale: session.locale,
    order_amount: session.order_amount,
    order_tax_amount: session.order_tax_amount,
    order_lines: session.order_lines,
    billing_address: session.billing_address,
  };
}

export function tokenRequest(overrides: object = {}) {
  return {
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    description: 'Monthly plan',
    intended_use: 'SUBSCRIPTION',
    ...overrides,
  };
}

export function tokenOrderBody(overrides: object = {}) {
  return {
    purchase_currency: 'SEK',
    order_amount: 1250,
    order_tax_amount: 250,
    order_lines: [subscriptionLine()],
    merchant_reference1: 'INV-1',
    ...overrides,
  };
}

/**
 * One emulator per test file, reset before each test. Returns a stand-in that forwards to the running harness
 * (it only exists once `beforeAll` has run).
 */
export function useEmulator(): EmulatorHarness {
  let running: EmulatorHarness | undefined;
  beforeAll(async () => {
    running = await EmulatorHarness.start();
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await running!.reset();
  });
  return new Proxy({} as EmulatorHarness, {
    get(_, property) {
      if (!running) throw new Error('emulator not started yet: use it inside a test');
      const value: unknown = Reflect.get(running, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(running) : value;
    },
  });
}
