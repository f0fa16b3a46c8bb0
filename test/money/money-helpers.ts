import { randomUUID } from 'node:crypto';
import type { ApiResponse, TestApp } from '../support/test-app';
import { activeToken, orderBody, placeOrder } from '../orders/orders-helpers';

export const newKey = (name = 'k') => `${name}-${randomUUID()}`;

/** A token order Klarna placed (1000 SEK minor units unless `amount`), as the API answered it. */
export async function placedOrder(
  t: TestApp,
  key: string,
  options: { amount?: number; autoCapture?: boolean | null } = {},
): Promise<{ id: string; klarna_order_id: string; customer_token_id: string; [k: string]: unknown }> {
  const token = await activeToken(t, key);
  const amount = options.amount ?? 1000;
  const res = await placeOrder(
    t,
    key,
    token.id,
    newKey('order'),
    orderBody({
      order_amount: amount,
      order_tax_amount: amount / 5,
      order_lines: [
        {
          type: 'digital',
          name: 'Monthly plan',
          quantity: 1,
          unit_price: amount,
          tax_rate: 2500,
          total_amount: amount,
          total_tax_amount: amount / 5,
          subscription: { name: 'Monthly plan', interval: 'MONTH', interval_count: 1 },
        },
      ],
      // Left out, the capture policy's default (captured at once) applies; most tests capture by hand.
      ...(options.autoCapture === null ? {} : { auto_capture: options.autoCapture ?? false }),
    }),
  );
  if (res.status !== 201) throw new Error(`order: ${res.status} ${res.text}`);
  return res.body;
}

export function moneyPost(
  t: TestApp,
  key: string,
  orderId: string,
  what: 'captures' | 'refunds' | 'cancel',
  body: unknown = {},
  idempotencyKey: string | null = newKey(what),
): Promise<ApiResponse> {
  return t.request('POST', `/v1/orders/${orderId}/${what}`, {
    key,
    body,
    headers: idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey },
  });
}

export async function readOrder(t: TestApp, key: string, orderId: string) {
  const res = await t.request('GET', `/v1/orders/${orderId}`, { key });
  if (res.status !== 200) throw new Error(`read: ${res.status} ${res.text}`);
  return res.body;
}

export interface EmulatorOmOrder {
  status: string;
  captured_amount: number;
  refunded_amount: number;
  remaining_authorized_amount: number;
  expires_at: string;
  captures: { capture_id: string; captured_amount: number }[];
  refunds: { refund_id: string; refunded_amount: number }[];
}

/** The order as the emulator's ledger holds it. */
export async function klarnaOrder(t: TestApp, klarnaOrderId: string): Promise<EmulatorOmOrder> {
  const res = await t.emulator!.request('GET', `/emulator/v1/orders/${klarnaOrderId}`);
  if (res.status !== 200) throw new Error(`emulator order: ${res.status} ${res.text}`);
  return res.body;
}

/** Every Order Management POST the emulator received (captures, refunds, cancel). */
export async function omPosts(t: TestApp, klarnaOrderId?: string) {
  const all = (await t.emulator!.request('GET', '/emulator/v1/requests')).body.requests as {
    method: string;
    path: string;
    status: number;
    idempotency_key: string | null;
  }[];
  return all.filter(
    (r) =>
      r.method === 'POST' &&
      r.path.startsWith('/ordermanagement/v1/orders/') &&
      (klarnaOrderId === undefined || r.path.includes(klarnaOrderId)),
  );
}

export async function eventsOf(t: TestApp, type: string, objectId: string) {
  return (
    await t.db.query(
      `select type, data from events where type = $1 and (data->>'id' = $2 or data->>'order_id' = $2) order by id`,
      [type, objectId],
    )
  ).rows as { type: string; data: Record<string, unknown> }[];
}
