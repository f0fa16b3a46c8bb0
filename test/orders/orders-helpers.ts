import type { ApiResponse, TestApp } from '../support/test-app';
import { PAID_LINE } from '../support/signup';

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

export { activeToken, type ActiveToken } from '../support/signup';

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
