import type { ApiResponse, TestApp } from '../support/test-app';
import { emulatorTokens, PAID_LINE, publishedTerms, readyForToken } from '../signup/signup-helpers';

export const ORDER_PATH = (ctokId: string) => `/v1/customer-tokens/${ctokId}/orders`;
export const TOKEN_ORDER_PATH = /^\/customer-token\/v1\/tokens\/[^/]+\/order$/;

/** A monthly charge within the default terms (SEK, ≤ 5000, every 1 MONTH). */
export function orderBody(overrides: Record<string, unknown> = {}) {
  return {
    purchase_currency: 'SEK',
    order_amount: 1000,
    order_tax_amount: 200,
    order_lines: [PAID_LINE],
    merchant_reference1: 'invoice-1',
    ...overrides,
  };
}

/** An ON_DEMAND usage line (no subscription object). */
export const USAGE_LINE = {
  type: 'digital',
  reference: 'ride',
  name: 'Ride 23 min',
  quantity: 1,
  unit_price: 1000,
  tax_rate: 2500,
  total_amount: 1000,
  total_tax_amount: 200,
};

export interface ActiveToken {
  id: string;
  consentId: string;
  /** Klarna's id of the token, for the emulator controls. */
  klarnaTokenId: string;
}

/** A whole sign-up through the API and the emulator; returns an active `ctok_…`. */
export async function activeToken(
  t: TestApp,
  key: string,
  termsOverrides: Record<string, unknown> = {},
): Promise<ActiveToken> {
  const terms = await publishedTerms(t, key, termsOverrides);
  const ready = await readyForToken(t, key, terms.id);
  const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: ready.session.id } });
  if (res.status !== 201) throw new Error(`customer token: ${res.status} ${res.text}`);
  const [klarnaToken] = await emulatorTokens(t, ready.session.klarna_session_id);
  return { id: res.body.id, consentId: res.body.consent_id, klarnaTokenId: klarnaToken.token_id };
}

export function placeOrder(
  t: TestApp,
  key: string,
  ctokId: string,
  idempotencyKey: string | null,
  body: unknown = orderBody(),
): Promise<ApiResponse> {
  return t.request('POST', ORDER_PATH(ctokId), {
    key,
    body,
    headers: idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey },
  });
}

export interface LedgerOrder {
  order_id: string;
  token_id: string;
  idempotency_key: string | null;
  order_amount: number;
}

export async function ledger(t: TestApp): Promise<LedgerOrder[]> {
  return (await t.emulator!.request('GET', '/emulator/v1/orders')).body.orders;
}

export async function tokenOrderRequests(t: TestApp) {
  const all = (await t.emulator!.request('GET', '/emulator/v1/requests')).body.requests as {
    method: string;
    path: string;
    status: number;
    idempotency_key: string | null;
    lost_response: boolean;
  }[];
  return all.filter((r) => r.method === 'POST' && TOKEN_ORDER_PATH.test(r.path));
}
