import { OrdersService, type TokenOrderInput } from '../../src/charging/orders/orders.service';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { activeToken, ledger, orderBody, tokenOrderRequests } from './orders-helpers';

const input = (overrides: Record<string, unknown> = {}) => orderBody(overrides) as unknown as TokenOrderInput;

// OrdersService.chargeMany, the subscription run's path: many orders claimed in one statement, their Klarna calls
// side by side, their answers recorded in one statement; each order must end exactly as it would on its own.
describe('token orders charged together (chargeMany)', () => {
  let t: TestApp;
  let key: string;
  let merchantId: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true });
    const merchant = await createMerchant(t, 'Batch rides');
    key = merchant.key;
    merchantId = merchant.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const keyOf = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;
  const rowsOf = async (idempotencyKey: string) =>
    (
      await t.db.query(
        `select o.id, o.status, o.klarna_idempotency_key, k.response_status
           from orders o join idempotency_keys k on k.order_id = o.id
          where o.merchant_id = $1 and o.idempotency_key = $2`,
        [merchantId, idempotencyKey],
      )
    ).rows;

  it('one Klarna order per distinct key; a repeat, a reused key and a bad body answered as alone', async () => {
    const orders = t.app.get(OrdersService);
    const token = await activeToken(t, key);
    const other = await activeToken(t, key);
    // Known tokens take the batched path (their lasting facts are remembered after a first order).
    for (const tok of [token, other]) {
      const first = await orders.charge(merchantId, tok.id, keyOf('warm'), input());
      expect(first.kind).toBe('succeeded');
    }
    const [a, b, c] = [keyOf('a'), keyOf('b'), keyOf('c')];
    const ledgerBefore = (await ledger(t)).length;

    const results = await orders.chargeMany([
      { merchantId, customerTokenId: token.id, idempotencyKey: a, input: input() },
      {
        merchantId,
        customerTokenId: other.id,
        idempotencyKey: b,
        input: input({ merchant_reference1: 'b-first' }),
      },
      // The same key and body again in the same batch: the first one's order, never a second.
      { merchantId, customerTokenId: token.id, idempotencyKey: a, input: input() },
      // The same key with another body: refused, nothing sent.
      {
        merchantId,
        customerTokenId: other.id,
        idempotencyKey: b,
        input: input({ merchant_reference1: 'b-second' }),
      },
      // Invalid: refused before anything is recorded.
      { merchantId, customerTokenId: token.id, idempotencyKey: c, input: input({ order_amount: -1 }) },
      // Another merchant's view of the token: not found, nothing recorded.
      {
        merchantId: 'mer_00000000000000000000000000',
        customerTokenId: token.id,
        idempotencyKey: c,
        input: input(),
      },
    ]);

    const values = results.map((r) => (r.status === 'fulfilled' ? r.value : { error: String(r.reason) }));
    expect(values[0]).toMatchObject({ kind: 'succeeded', status: 'accepted' });
    expect(values[1]).toMatchObject({ kind: 'succeeded', status: 'accepted' });
    const [orderA] = await rowsOf(a);
    const [orderB] = await rowsOf(b);
    expect(values[2]).toMatchObject({ kind: 'succeeded', orderId: orderA.id });
    expect(values[3]).toMatchObject({ kind: 'rejected', orderId: null, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(values[4]).toMatchObject({ kind: 'rejected', orderId: null, code: 'VALIDATION_FAILED' });
    expect(values[5]).toMatchObject({ kind: 'rejected', orderId: null, code: 'NOT_FOUND' });

    // Our rows: one order per key, final, its answer stored for replays; nothing for the refused ones.
    expect(await rowsOf(a)).toEqual([expect.objectContaining({ status: 'accepted', response_status: 201 })]);
    expect(await rowsOf(b)).toEqual([expect.objectContaining({ status: 'accepted', response_status: 201 })]);
    expect(await rowsOf(c)).toEqual([]);
    // Klarna: exactly two new orders, one per key.
    const added = (await ledger(t)).slice(ledgerBefore);
    expect(added.map((o) => [o.idempotency_key, o.order_amount]).sort()).toEqual(
      [
        [orderA.klarna_idempotency_key, 1000],
        [orderB.klarna_idempotency_key, 1000],
      ].sort(),
    );
    const sent = (await tokenOrderRequests(t)).filter((r) =>
      [orderA.klarna_idempotency_key, orderB.klarna_idempotency_key].includes(r.idempotency_key),
    );
    expect(sent).toHaveLength(2);
    // One order.succeeded event each.
    const events = await t.db.query(
      `select data->>'id' as id from events where type = 'order.succeeded' and data->>'id' = any($1)`,
      [[orderA.id, orderB.id]],
    );
    expect(events.rows.map((r) => r.id).sort()).toEqual([orderA.id, orderB.id].sort());
  });

  it('a Klarna decline in the batch is recorded for its order alone', async () => {
    const orders = t.app.get(OrdersService);
    const token = await activeToken(t, key);
    const declining = await activeToken(t, key);
    for (const tok of [token, declining]) {
      expect((await orders.charge(merchantId, tok.id, keyOf('warm'), input())).kind).toBe('succeeded');
    }
    await t.emulator!.request('POST', `/emulator/v1/tokens/${declining.klarnaTokenId}/next-order`, {
      error_code: 'PAYMENT_METHOD_FAILED',
    });
    const [ok, declined] = [keyOf('ok'), keyOf('declined')];
    const results = await orders.chargeMany([
      { merchantId, customerTokenId: token.id, idempotencyKey: ok, input: input() },
      { merchantId, customerTokenId: declining.id, idempotencyKey: declined, input: input() },
    ]);
    expect(results.map((r) => r.status === 'fulfilled' && r.value)).toEqual([
      expect.objectContaining({ kind: 'succeeded' }),
      expect.objectContaining({ kind: 'declined', declineCode: 'PAYMENT_METHOD_FAILED' }),
    ]);
    expect(await rowsOf(ok)).toEqual([expect.objectContaining({ status: 'accepted', response_status: 201 })]);
    expect(await rowsOf(declined)).toEqual([
      expect.objectContaining({ status: 'declined', response_status: 402 }),
    ]);
  });
});
