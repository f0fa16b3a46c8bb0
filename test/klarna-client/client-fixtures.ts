import type { KlarnaClient } from '../../src/klarna/klarna.client';
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
import { Emulator } from '../support/emulator';

// Klarna client fixtures (a US customer in USD); the emulator itself is test/support/emulator.ts.

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

/** What the browser's Klarna.Payments.authorize() does for the US customer of these fixtures. */
export function authorize(emulator: Emulator, sessionId: string): Promise<string> {
  return emulator.authorize(sessionId, { billing_address: BILLING });
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
  const authorizationToken = await authorize(emulator, session.data.session_id);
  const token = await client.createCustomerToken(creds, authorizationToken, tokenBody());
  return token.data.token_id;
}

export interface ClientSuite {
  emulator: Emulator;
  client: KlarnaClient;
  /** Fresh for each test (its own merchantId, so its own circuit breaker). */
  creds: KlarnaCredentials;
}

/** One emulator and one client per test file, the emulator reset before each test; fields exist inside tests. */
export function useClientAndEmulator(): ClientSuite {
  const suite = {} as ClientSuite;
  beforeAll(async () => {
    suite.emulator = await Emulator.start({ logLevels: false });
    suite.client = makeClient();
  });
  afterAll(async () => {
    await suite.client.onApplicationShutdown();
    await suite.emulator.close();
  });
  beforeEach(async () => {
    await suite.emulator.control('POST', '/reset');
    suite.creds = suite.emulator.credentials();
  });
  return suite;
}
