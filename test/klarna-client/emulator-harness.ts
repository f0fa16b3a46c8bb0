import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { OrderRecord } from '../../src/klarna-emulator/core/state';
import type { RequestLogEntry } from '../../src/klarna-emulator/domain/ledger.service';
import { createEmulatorApp } from '../../src/klarna-emulator/emulator.app';
import { KlarnaClient } from '../../src/klarna/klarna.client';
import type { KlarnaCredentials } from '../../src/klarna/klarna-credentials';
import { createKlarnaClient } from '../../src/klarna/klarna.module';
import type { KlarnaClientOptions } from '../../src/klarna/klarna.options';
import type {
  KlarnaAddress,
  KlarnaCreateOrderRequest,
  KlarnaCustomerTokenCreationRequest,
  KlarnaOrderLine,
  KlarnaSessionCreateRequest,
  KlarnaTokenOrderRequest,
} from '../../src/klarna/klarna.types';

export const USERNAME = 'PK_e2e_merchant';
export const PASSWORD = 'e2e-secret-password';

/** Short timings so the suite stays fast; tests override what they exercise. */
export const FAST_OPTIONS: KlarnaClientOptions = {
  connectTimeoutMs: 1000,
  timeoutMs: 300,
  maxRetries: 3,
  retryBaseDelayMs: 10,
  retryMaxDelayMs: 50,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 500,
};

/** The emulator's request log and order ledger, as its controls return them (JSON). */
export type LoggedRequest = RequestLogEntry;
export type LedgerOrder = OrderRecord;

export class Emulator {
  private constructor(
    private readonly app: NestFastifyApplication,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<Emulator> {
    // The client logs every call; the suite asserts on behaviour, not on console output.
    Logger.overrideLogger(false);
    const app = await createEmulatorApp({ credentials: [{ username: USERNAME, password: PASSWORD }] });
    await app.listen(0, '127.0.0.1');
    return new Emulator(app, (await app.getUrl()).replace('[::1]', '127.0.0.1'));
  }

  stop(): Promise<void> {
    return this.app.close();
  }

  /** Credentials of the emulator's merchant; a distinct merchantId gives the call its own circuit breaker. */
  credentials(overrides: Partial<KlarnaCredentials> = {}): KlarnaCredentials {
    return {
      merchantId: `merchant-${randomUUID()}`,
      region: 'NA',
      environment: 'playground',
      baseUrl: this.baseUrl,
      username: USERNAME,
      password: PASSWORD,
      ...overrides,
    };
  }

  async control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/emulator/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator control ${method} ${path} → ${response.status}`);
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  setFaults(faults: Record<string, unknown>): Promise<unknown> {
    return this.control('PUT', '/faults', faults);
  }

  clearFaults(): Promise<unknown> {
    return this.control('DELETE', '/faults');
  }

  async requests(): Promise<LoggedRequest[]> {
    return (await this.control<{ requests: LoggedRequest[] }>('GET', '/requests')).requests;
  }

  async orders(): Promise<LedgerOrder[]> {
    return (await this.control<{ orders: LedgerOrder[] }>('GET', '/orders')).orders;
  }

  /** Polls the request log until `predicate` holds (the log is written when the emulator answers). */
  async waitForRequests(predicate: (requests: LoggedRequest[]) => boolean, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(await this.requests())) {
      if (Date.now() > deadline) throw new Error('emulator request log did not reach the expected state');
      await sleep(5);
    }
  }

  /** What the browser's Klarna.Payments.authorize() does for the customer. */
  async authorize(sessionId: string, email = 'customer@email.us'): Promise<string> {
    const result = await this.control<{ approved: boolean; authorization_token?: string }>(
      'POST',
      `/sessions/${sessionId}/authorize`,
      { billing_address: { ...BILLING, email } },
    );
    if (!result.approved || !result.authorization_token)
      throw new Error(`authorization not approved for ${email}`);
    return result.authorization_token;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function makeClient(options: KlarnaClientOptions = FAST_OPTIONS): KlarnaClient {
  return createKlarnaClient(options);
}

/** Runs `promise` expecting a rejection and returns the error (a resolution fails the test). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export const BILLING: KlarnaAddress = {
  given_name: 'Test',
  family_name: 'Person-us',
  email: 'customer@email.us',
  street_address: '509 Amsterdam Ave',
  postal_code: '10024-3941',
  city: 'New York',
  region: 'NY',
  phone: '+13106683312',
  country: 'US',
};

export const PLAN_LINE: KlarnaOrderLine = {
  type: 'digital',
  reference: 'plan-monthly',
  name: 'Monthly plan',
  quantity: 1,
  unit_price: 1000,
  tax_rate: 0,
  total_amount: 1000,
  total_tax_amount: 0,
  subscription: { name: 'Monthly plan', interval: 'MONTH', interval_count: 1 },
};

export function sessionBody(overrides: Partial<KlarnaSessionCreateRequest> = {}): KlarnaSessionCreateRequest {
  return {
    intent: 'buy_and_tokenize',
    purchase_country: 'US',
    purchase_currency: 'USD',
    locale: 'en-US',
    order_amount: 1000,
    order_tax_amount: 0,
    order_lines: [PLAN_LINE],
    merchant_urls: { confirmation: 'https://shop.example/confirm' },
    merchant_reference1: 'signup-1',
    ...overrides,
  };
}

/** An order matching what {@link Emulator.authorize} authorized for {@link sessionBody}. */
export function orderBody(overrides: Partial<KlarnaCreateOrderRequest> = {}): KlarnaCreateOrderRequest {
  const { purchase_country, purchase_currency, locale, order_amount, order_tax_amount, order_lines } =
    sessionBody();
  return {
    purchase_country,
    purchase_currency,
    locale,
    order_amount,
    order_tax_amount,
    order_lines,
    billing_address: BILLING,
    ...overrides,
  };
}

export function tokenBody(
  overrides: Partial<KlarnaCustomerTokenCreationRequest> = {},
): KlarnaCustomerTokenCreationRequest {
  return {
    purchase_country: 'US',
    purchase_currency: 'USD',
    locale: 'en-US',
    description: 'Monthly plan',
    intended_use: 'SUBSCRIPTION',
    billing_address: BILLING,
    ...overrides,
  };
}

export function tokenOrderBody(overrides: Partial<KlarnaTokenOrderRequest> = {}): KlarnaTokenOrderRequest {
  return {
    purchase_currency: 'USD',
    order_amount: 1000,
    order_tax_amount: 0,
    order_lines: [PLAN_LINE],
    merchant_reference1: 'renewal-1',
    ...overrides,
  };
}

/** Session → browser authorization → customer token: what a sign-up leaves behind. */
export async function createToken(emulator: Emulator, client: KlarnaClient, creds: KlarnaCredentials) {
  const session = await client.createSession(creds, sessionBody({ intent: 'tokenize' }));
  const authorizationToken = await emulator.authorize(session.data.session_id);
  const token = await client.createCustomerToken(creds, authorizationToken, tokenBody());
  return token.data.token_id;
}
