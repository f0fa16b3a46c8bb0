import { EntityManager } from '@mikro-orm/postgresql';
import { FakeClock } from '../../src/common/clock/clock';
import { Consent } from '../../src/signup/consents/consent.entity';
import { ConsentsService } from '../../src/signup/consents/consents.service';
import { IdempotencyCleanupJob } from '../../src/charging/orders/idempotency-cleanup.job';
import { OrderCompleterJob } from '../../src/charging/orders/order-completer.job';
import { OrdersService, type TokenOrderInput } from '../../src/charging/orders/orders.service';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { PAID_LINE } from '../support/signup';
import {
  activeToken,
  type ActiveToken,
  ledger,
  ORDER_PATH,
  orderBody,
  placeOrder,
  tokenOrderRequests,
  USAGE_LINE,
} from './orders-helpers';

const input = (overrides: Record<string, unknown> = {}) => orderBody(overrides) as unknown as TokenOrderInput;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('token orders', () => {
  let t: TestApp;
  let key: string;
  let merchantId: string;
  const clock = new FakeClock(new Date('2026-03-01T09:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, clock, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const merchant = await createMerchant(t, 'Citybikes');
    key = merchant.key;
    merchantId = merchant.id;
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(async () => {
    await t.emulator!.request('DELETE', '/emulator/v1/faults');
  });

  const keyOf = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;
  const ordersFor = async (idempotencyKey: string) =>
    (await t.db.query('select * from orders where idempotency_key = $1', [idempotencyKey])).rows;

  /** An order whose Klarna call hangs past the client's timeout: answered 202, status unknown. */
  const placeUnanswered = async (name: string) => {
    const token = await activeToken(t, key);
    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      hang_rate: 1,
      hang_ms: 700,
      paths: ['^/customer-token/v1/tokens/[^/]+/order$'],
    });
    const idem = keyOf(name);
    return { token, idem, res: await placeOrder(t, key, token.id, idem) };
  };

  it('charges the token: 201 with our id, Klarna ids and the consent; rows, ledger and event agree', async () => {
    const token = await activeToken(t, key);
    const idem = keyOf('first');
    const res = await placeOrder(t, key, token.id, idem);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(res.body).toMatchObject({
      customer_token_id: token.id,
      status: 'accepted',
      fraud_status: 'ACCEPTED',
      authorized_payment_method: { type: 'invoice' },
      order_amount: 1000,
      order_tax_amount: 200,
      purchase_currency: 'SEK',
      consent_id: token.consentId,
      merchant_reference1: 'invoice-1',
      error_code: null,
      created_at: clock.now().toISOString(),
    });
    expect(res.body.id).toMatch(/^ord_/);

    const [row] = await ordersFor(idem);
    expect(row).toMatchObject({
      id: res.body.id,
      status: 'accepted',
      consent_id: token.consentId,
      klarna_order_id: res.body.klarna_order_id,
      next_attempt_at: null,
      attempts: 1,
    });
    expect(row.klarna_idempotency_key).toMatch(UUID);
    const orders = (await ledger(t)).filter((o) => o.order_id === res.body.klarna_order_id);
    expect(orders).toEqual([
      expect.objectContaining({ idempotency_key: row.klarna_idempotency_key, order_amount: 1000 }),
    ]);
    const sent = (await tokenOrderRequests(t)).filter(
      (r) => r.idempotency_key === row.klarna_idempotency_key,
    );
    expect(sent).toHaveLength(1);
    const events = await t.db.query(`select type, data from events where data->>'id' = $1`, [res.body.id]);
    expect(events.rows).toEqual([{ type: 'order.succeeded', data: res.body }]);

    const read = await t.request('GET', `/v1/orders/${res.body.id}`, { key });
    expect(read.status).toBe(200);
    // The read adds the money as Klarna holds it (issue #14): captured at once, the default capture policy.
    expect(read.body).toEqual({
      ...res.body,
      completed_at: expect.any(String),
      money: expect.objectContaining({ status: 'captured', authorized_amount: 1000, captured_amount: 1000 }),
    });
  });

  it('replays the stored answer byte for byte for the same key and body, for 24 hours', async () => {
    const token = await activeToken(t, key);
    const idem = keyOf('replay');
    const first = await placeOrder(t, key, token.id, idem);
    expect(first.status).toBe(201);
    // Same body, keys in another order: the same request.
    const reordered = Object.fromEntries(Object.entries(orderBody()).reverse());
    const again = await placeOrder(t, key, token.id, idem, reordered);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));

    clock.advance(23 * 3600 * 1000);
    await t.app.get(IdempotencyCleanupJob).runOnce();
    const later = await placeOrder(t, key, token.id, idem);
    expect(later.text).toBe(first.text);
    expect(await ordersFor(idem)).toHaveLength(1);

    // After the retention the key is forgotten; the order stays.
    clock.advance(2 * 3600 * 1000);
    expect(await t.app.get(IdempotencyCleanupJob).runOnce()).toBeGreaterThanOrEqual(1);
    const keys = await t.db.query('select 1 from idempotency_keys where key = $1', [idem]);
    expect(keys.rows).toHaveLength(0);
    expect(await ordersFor(idem)).toHaveLength(1);
  });

  it('refuses the same key with a different body or token (422 IDEMPOTENCY_KEY_REUSED)', async () => {
    const token = await activeToken(t, key);
    const other = await activeToken(t, key);
    const idem = keyOf('reuse');
    expect((await placeOrder(t, key, token.id, idem)).status).toBe(201);
    const changed = await placeOrder(t, key, token.id, idem, orderBody({ merchant_reference1: 'other' }));
    expect(changed.status).toBe(422);
    expect(changed.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      errors: [{ field: 'Idempotency-Key' }],
    });
    const otherToken = await placeOrder(t, key, other.id, idem);
    expect(otherToken.status).toBe(422);
    expect(otherToken.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ordersFor(idem)).toHaveLength(1);
  });

  it('scopes keys per merchant: another merchant may use the same key', async () => {
    const other = await createMerchant(t, 'Other');
    const mine = await activeToken(t, key);
    const theirs = await activeToken(t, other.key);
    const idem = keyOf('shared');
    const a = await placeOrder(t, key, mine.id, idem);
    const b = await placeOrder(t, other.key, theirs.id, idem);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.klarna_order_id).not.toBe(b.body.klarna_order_id);
    const rows = await ordersFor(idem);
    expect(new Set(rows.map((r) => r.klarna_idempotency_key)).size).toBe(2);
  });

  it('needs an Idempotency-Key of 1 to 255 characters (400 naming the header), before anything else', async () => {
    const token = await activeToken(t, key);
    const before = (await tokenOrderRequests(t)).length;
    const missing = await placeOrder(t, key, token.id, null);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'Idempotency-Key' }] });
    expect(missing.body.detail).toContain('Idempotency-Key');
    const tooLong = await placeOrder(t, key, token.id, 'k'.repeat(256));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('Idempotency-Key');
    expect((await placeOrder(t, key, token.id, 'k'.repeat(255))).status).toBe(201);
    expect((await tokenOrderRequests(t)).length).toBe(before + 1);
  });

  it('names each missing field of an empty body once, as many as the detail counts', async () => {
    const token = await activeToken(t, key);
    const res = await placeOrder(t, key, token.id, keyOf('empty'), {});
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('4 fields failed validation.');
    expect(res.body.errors).toEqual([
      { field: 'purchase_currency', message: 'must be a string' },
      { field: 'order_amount', message: 'must be an integer number' },
      { field: 'order_tax_amount', message: 'must be an integer number' },
      { field: 'order_lines', message: 'must be an array' },
    ]);
  });

  it('validates with the token-order rules, every bad field at once, before calling Klarna', async () => {
    const token = await activeToken(t, key);
    const before = (await tokenOrderRequests(t)).length;
    const big = 150_000_000;
    const res = await placeOrder(
      t,
      key,
      token.id,
      keyOf('invalid'),
      orderBody({
        order_amount: 1001,
        order_lines: [
          { ...PAID_LINE, merchant_data: 'x'.repeat(256) },
          { ...USAGE_LINE, unit_price: big, total_amount: big, total_tax_amount: big / 5 },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'order_lines[0].merchant_data',
        'order_lines[1].unit_price',
        'order_lines[1].total_amount',
        'order_amount',
        'order_tax_amount',
      ]),
    );
    const dto = await placeOrder(t, key, token.id, keyOf('dto'), {
      purchase_currency: 'SEKK',
      order_lines: [],
    });
    expect(dto.status).toBe(400);
    expect(dto.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['purchase_currency', 'order_amount', 'order_tax_amount', 'order_lines']),
    );
    expect((await tokenOrderRequests(t)).length).toBe(before);
    // Nothing was recorded, so the key is still free for a corrected request.
    expect((await t.db.query('select 1 from orders where customer_token_id = $1', [token.id])).rows).toEqual(
      [],
    );
  });

  describe('within the consent', () => {
    let subscription: ActiveToken;
    let onDemand: ActiveToken;

    beforeAll(async () => {
      subscription = await activeToken(t, key);
      onDemand = await activeToken(t, key, {
        intended_use: 'ON_DEMAND',
        scope: { currency: 'SEK', max_order_amount: 5000 },
      });
    });

    const expectExceeded = async (token: ActiveToken, body: unknown, limit: string, field: string) => {
      const before = (await tokenOrderRequests(t)).length;
      const res = await placeOrder(t, key, token.id, keyOf(limit), body);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('CONSENT_SCOPE_EXCEEDED');
      expect(res.body.detail).toContain(limit);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect((await tokenOrderRequests(t)).length).toBe(before);
    };

    it('refuses another currency', async () => {
      await expectExceeded(
        subscription,
        orderBody({ purchase_currency: 'EUR' }),
        'currency',
        'purchase_currency',
      );
    });

    it('refuses more than the maximum per order', async () => {
      const line = { ...PAID_LINE, quantity: 6, total_amount: 6000, total_tax_amount: 1200 };
      await expectExceeded(
        subscription,
        orderBody({ order_amount: 6000, order_tax_amount: 1200, order_lines: [line] }),
        'max_order_amount',
        'order_amount',
      );
      const atLimit = { ...PAID_LINE, quantity: 5, total_amount: 5000, total_tax_amount: 1000 };
      const ok = await placeOrder(
        t,
        key,
        subscription.id,
        keyOf('at-limit'),
        orderBody({ order_amount: 5000, order_tax_amount: 1000, order_lines: [atLimit] }),
      );
      expect(ok.status).toBe(201);
    });

    it('refuses a one-off charge on a SUBSCRIPTION token and a subscription on an ON_DEMAND token', async () => {
      await expectExceeded(
        subscription,
        orderBody({ order_lines: [USAGE_LINE] }),
        'intended_use',
        'order_lines',
      );
      await expectExceeded(onDemand, orderBody(), 'intended_use', 'order_lines[0].subscription');
      const usage = await placeOrder(
        t,
        key,
        onDemand.id,
        keyOf('usage'),
        orderBody({ order_lines: [USAGE_LINE] }),
      );
      expect(usage.status).toBe(201);
    });

    it('refuses a subscription rhythm other than the consented one', async () => {
      const weekly = { ...PAID_LINE, subscription: { name: 'Weekly', interval: 'WEEK', interval_count: 1 } };
      await expectExceeded(
        subscription,
        orderBody({ order_lines: [weekly] }),
        'interval',
        'order_lines[0].subscription',
      );
    });

    it('refuses once the consent is withdrawn', async () => {
      const token = await activeToken(t, key);
      // A withdrawal recorded without a Klarna cancel (e.g. by support): the token itself is still active.
      const em = t.app.get(EntityManager).fork();
      await em.transactional(async (tx) => {
        const consent = await tx.findOneOrFail(Consent, { id: token.consentId });
        await t.app.get(ConsentsService).event(tx, consent, 'withdrawn', { customerTokenId: token.id });
      });
      await expectExceeded(token, orderBody(), 'consent_withdrawn', 'customer_token_id');
    });
  });

  it('refuses a token that is not active (409 TOKEN_NOT_ACTIVE) without calling Klarna', async () => {
    const token = await activeToken(t, key);
    expect((await t.request('POST', `/v1/customer-tokens/${token.id}/cancel`, { key })).status).toBe(202);
    const before = (await tokenOrderRequests(t)).length;
    const res = await placeOrder(t, key, token.id, keyOf('inactive'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'TOKEN_NOT_ACTIVE' });
    expect(res.body.detail).toContain('canceled');
    expect((await tokenOrderRequests(t)).length).toBe(before);
  });

  it('re-checks a token it charged before on every charge: suspension, withdrawal, credentials', async () => {
    // The first charge makes the token known to the instance (its lasting facts are cached); what can change
    // since must still be refused before anything reaches Klarna.
    const token = await activeToken(t, key);
    expect((await placeOrder(t, key, token.id, keyOf('known-1'))).status).toBe(201);
    const sent = async () => (await tokenOrderRequests(t)).length;

    await t.db.query(`UPDATE customer_tokens SET status = 'suspended' WHERE id = $1`, [token.id]);
    let before = await sent();
    const suspended = keyOf('known-suspended');
    let res = await placeOrder(t, key, token.id, suspended);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'TOKEN_NOT_ACTIVE' });
    expect(await sent()).toBe(before);
    expect(await ordersFor(suspended)).toEqual([]);
    await t.db.query(`UPDATE customer_tokens SET status = 'active' WHERE id = $1`, [token.id]);
    expect((await placeOrder(t, key, token.id, keyOf('known-2'))).status).toBe(201);

    const credentials = await t.db.query('SELECT klarna_username FROM merchants WHERE id = $1', [merchantId]);
    await t.db.query('UPDATE merchants SET klarna_username = NULL WHERE id = $1', [merchantId]);
    before = await sent();
    const unconfigured = keyOf('known-unconfigured');
    res = await placeOrder(t, key, token.id, unconfigured);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'KLARNA_NOT_CONFIGURED' });
    expect(await ordersFor(unconfigured)).toEqual([]);
    await t.db.query('UPDATE merchants SET klarna_username = $2 WHERE id = $1', [
      merchantId,
      credentials.rows[0].klarna_username,
    ]);

    const em = t.app.get(EntityManager).fork();
    await em.transactional(async (tx) => {
      const consent = await tx.findOneOrFail(Consent, { id: token.consentId });
      await t.app.get(ConsentsService).event(tx, consent, 'withdrawn', { customerTokenId: token.id });
    });
    const withdrawn = keyOf('known-withdrawn');
    res = await placeOrder(t, key, token.id, withdrawn);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CONSENT_SCOPE_EXCEEDED' });
    expect(res.body.detail).toContain('consent_withdrawn');
    expect(await sent()).toBe(before);
    expect(await ordersFor(withdrawn)).toEqual([]);
  });

  it("charges with the merchant's current Klarna password: a changed one is used from the next order on", async () => {
    // The decrypted password is kept in memory by its ciphertext; a new password is a new ciphertext.
    const token = await activeToken(t, key);
    expect((await placeOrder(t, key, token.id, keyOf('password-1'))).status).toBe(201);
    const setPassword = async (password: string) => {
      const res = await t.request('PUT', `/admin/v1/merchants/${merchantId}/klarna-credentials`, {
        key: t.adminKey,
        body: { region: 'EU', environment: 'playground', username: t.emulator!.username, password },
      });
      expect(res.status).toBe(200);
    };

    await setPassword('not-the-password');
    const refused = await placeOrder(t, key, token.id, keyOf('password-wrong'));
    expect(refused.status).toBe(502);
    expect(refused.body).toMatchObject({
      code: 'KLARNA_CREDENTIALS_REJECTED',
      upstream: { error_code: 'UNAUTHORIZED' },
    });
    const rejected = (await tokenOrderRequests(t)).at(-1)!;
    expect(rejected.status).toBe(401);
    expect(rejected.idempotency_key).toBeTruthy();

    await setPassword(t.emulator!.password);
    expect((await placeOrder(t, key, token.id, keyOf('password-2'))).status).toBe(201);
  });

  it('records a decline as a declined order and answers 402 PAYMENT_DECLINED with the upstream code', async () => {
    const token = await activeToken(t, key);
    await t.emulator!.request('POST', `/emulator/v1/tokens/${token.klarnaTokenId}/next-order`, {
      error_code: 'PAYMENT_METHOD_FAILED',
    });
    const idem = keyOf('decline');
    const res = await placeOrder(t, key, token.id, idem);
    expect(res.status).toBe(402);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'PAYMENT_DECLINED',
      upstream: { error_code: 'PAYMENT_METHOD_FAILED', correlation_id: expect.any(String) },
    });
    const [row] = await ordersFor(idem);
    expect(row).toMatchObject({
      status: 'declined',
      error_code: 'PAYMENT_METHOD_FAILED',
      klarna_order_id: null,
    });
    expect(res.body.detail).toContain(row.id);
    const replay = await placeOrder(t, key, token.id, idem);
    expect(replay.status).toBe(402);
    expect(replay.text).toBe(res.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const events = await t.db.query(`select type from events where data->>'id' = $1`, [row.id]);
    expect(events.rows).toEqual([{ type: 'order.failed' }]);
    expect((await t.request('GET', `/v1/orders/${row.id}`, { key })).body).toMatchObject({
      status: 'declined',
      error_code: 'PAYMENT_METHOD_FAILED',
    });
  });

  it.each([
    ['CANCELLED', 'canceled'],
    ['SUSPENDED', 'suspended'],
  ])('a token %s at Klarna: token status updated, 409 TOKEN_NOT_ACTIVE', async (klarnaStatus, ours) => {
    const token = await activeToken(t, key);
    await t.emulator!.request('POST', `/emulator/v1/tokens/${token.klarnaTokenId}/status`, {
      status: klarnaStatus,
    });
    const idem = keyOf(ours);
    const res = await placeOrder(t, key, token.id, idem);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'TOKEN_NOT_ACTIVE',
      upstream: { error_code: `TOKEN_${klarnaStatus}` },
    });
    const read = await t.request('GET', `/v1/customer-tokens/${token.id}`, { key });
    expect(read.body.status).toBe(ours);
    const [row] = await ordersFor(idem);
    expect(row).toMatchObject({ status: 'failed', error_code: `TOKEN_${klarnaStatus}` });
    const withdrawn = await t.db.query(
      `select 1 from consent_events where consent_id = $1 and type = 'withdrawn'`,
      [token.consentId],
    );
    expect(withdrawn.rows).toHaveLength(ours === 'canceled' ? 1 : 0);
    // Now known locally: refused before Klarna.
    const next = await placeOrder(t, key, token.id, keyOf('after'));
    expect(next.status).toBe(409);
    expect(next.body.upstream).toBeUndefined();
  });

  it('answers 202 unknown on a timeout, 409 REQUEST_IN_PROGRESS meanwhile, and the final answer after the completer', async () => {
    const { token, idem, res } = await placeUnanswered('timeout');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'unknown', klarna_order_id: null, customer_token_id: token.id });
    expect(res.headers.get('location')).toBe(`/v1/orders/${res.body.id}`);
    await t.emulator!.request('DELETE', '/emulator/v1/faults');

    const meanwhile = await placeOrder(t, key, token.id, idem);
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.body.code).toBe('REQUEST_IN_PROGRESS');
    expect(Number(meanwhile.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await ordersFor(idem))[0]).toMatchObject({ status: 'unknown', last_error: 'timeout' });
    expect(await t.app.get(OrdersService).charge(merchantId, token.id, idem, input())).toEqual({
      kind: 'in_progress',
      orderId: res.body.id,
    });

    // Not due yet: the completer leaves it alone.
    expect(await t.app.get(OrderCompleterJob).runOnce()).toBe(0);
    clock.advance(60_000);
    expect(await t.app.get(OrderCompleterJob).runOnce()).toBe(1);
    const [row] = await ordersFor(idem);
    expect(row).toMatchObject({ status: 'accepted', next_attempt_at: null });
    expect(row.attempts).toBeGreaterThanOrEqual(2);

    const final = await placeOrder(t, key, token.id, idem);
    expect(final.status).toBe(201);
    expect(final.headers.get('idempotent-replayed')).toBe('true');
    expect(final.body).toMatchObject({
      id: res.body.id,
      status: 'accepted',
      klarna_order_id: row.klarna_order_id,
    });
    // The hung requests were processed by Klarna after the hang: still one order for the key.
    const orders = (await ledger(t)).filter((o) => o.idempotency_key === row.klarna_idempotency_key);
    expect(orders).toHaveLength(1);
    const events = await t.db.query(`select type from events where data->>'id' = $1`, [row.id]);
    expect(events.rows).toEqual([{ type: 'order.succeeded' }]);
  });

  it('stops asking Klarna after 20 h: order.outcome_unknown once, then a repeat answers 409 OUTCOME_UNKNOWN', async () => {
    const { token, idem, res } = await placeUnanswered('given-up');
    expect(res.status).toBe(202);
    await t.emulator!.request('DELETE', '/emulator/v1/faults');
    const [unknown] = await ordersFor(idem);
    const atKlarna = async () =>
      (await ledger(t)).filter((o) => o.idempotency_key === unknown.klarna_idempotency_key).length;
    // What reached Klarna for this order: the hung calls are logged by the emulator when their hang (700 ms) ends.
    const sentForKey = async () =>
      (await tokenOrderRequests(t)).filter((r) => r.idempotency_key === unknown.klarna_idempotency_key)
        .length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sentBefore = await sentForKey();
    expect(sentBefore).toBeGreaterThanOrEqual(1);

    // No completer run for 21 h (say the jobs were down): past the give-up age it stops instead of retrying.
    clock.advance(21 * 3_600_000);
    await t.app.get(OrderCompleterJob).runOnce();
    expect((await ordersFor(idem))[0]).toMatchObject({
      status: 'unknown',
      last_error: 'gave_up',
      next_attempt_at: null,
    });
    const events = await t.db.query(`select type, data from events where data->>'id' = $1`, [res.body.id]);
    expect(events.rows.map((e: { type: string }) => e.type)).toEqual(['order.outcome_unknown']);
    expect(events.rows[0].data).toMatchObject({
      id: res.body.id,
      status: 'unknown',
      customer_token_id: token.id,
    });

    // A repeat says so, without Retry-After (it would never change); nothing more reaches Klarna.
    const repeat = await placeOrder(t, key, token.id, idem);
    expect(repeat.status).toBe(409);
    expect(repeat.body).toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(repeat.body.detail).toContain(res.body.id);
    expect(repeat.headers.get('retry-after')).toBeNull();
    expect(await t.app.get(OrdersService).charge(merchantId, token.id, idem, input())).toEqual({
      kind: 'unresolved',
      orderId: res.body.id,
    });
    clock.advance(3_600_000);
    await t.app.get(OrderCompleterJob).runOnce();
    expect(await sentForKey()).toBe(sentBefore);
    expect(await atKlarna()).toBeLessThanOrEqual(1);
    expect((await t.db.query(`select 1 from events where data->>'id' = $1`, [res.body.id])).rowCount).toBe(1);
  });

  it('gives the key back when nothing reached Klarna (429, breaker open): no stuck attempt', async () => {
    const merchant = await createMerchant(t, 'Breaker');
    const token = await activeToken(t, merchant.key);
    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      rate_limit_rate: 1,
      retry_after_seconds: 30,
      paths: ['^/customer-token/v1/tokens/[^/]+/order$'],
    });
    const idem = keyOf('limited');
    const limited = await placeOrder(t, merchant.key, token.id, idem);
    expect(limited.status).toBe(503);
    expect(limited.body.code).toBe('KLARNA_RATE_LIMITED');
    expect(await ordersFor(idem)).toEqual([]);

    // Five 500s in a row open this merchant's breaker; the next call sends nothing.
    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      error_500_rate: 1,
      paths: ['^/customer-token/v1/tokens/[^/]+/order$'],
    });
    const failing = await placeOrder(t, merchant.key, token.id, keyOf('failing'));
    expect(failing.status).toBe(202);
    await placeOrder(t, merchant.key, token.id, keyOf('failing-2'));
    const before = (await tokenOrderRequests(t)).length;
    const open = await placeOrder(t, merchant.key, token.id, idem);
    expect(open.status).toBe(503);
    expect(open.body.code).toBe('KLARNA_UNAVAILABLE');
    expect(open.headers.get('retry-after')).not.toBeNull();
    expect((await tokenOrderRequests(t)).length).toBe(before);
    expect(await ordersFor(idem)).toEqual([]);

    await t.emulator!.request('DELETE', '/emulator/v1/faults');
    await new Promise((resolve) => setTimeout(resolve, 600)); // the breaker's half-open time (real time)
    const retried = await placeOrder(t, merchant.key, token.id, idem);
    expect(retried.status).toBe(201);
    expect(await ordersFor(idem)).toHaveLength(1);
  });

  it("lists a token's orders newest first with a cursor, reads one, and hides them from other merchants", async () => {
    const token = await activeToken(t, key);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await placeOrder(t, key, token.id, keyOf(`list-${i}`));
      ids.push(res.body.id);
      clock.advance(1000);
    }
    const page1 = await t.request('GET', `${ORDER_PATH(token.id)}?limit=2`, { key });
    expect(page1.status).toBe(200);
    expect(page1.body.data.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await t.request('GET', `${ORDER_PATH(token.id)}?limit=2&cursor=${page1.body.next_cursor}`, {
      key,
    });
    expect(page2.body).toEqual({ data: [expect.objectContaining({ id: ids[0] })], next_cursor: null });

    const other = await createMerchant(t, 'Snoop');
    expect((await t.request('GET', `/v1/orders/${ids[0]}`, { key: other.key })).status).toBe(404);
    expect((await t.request('GET', ORDER_PATH(token.id), { key: other.key })).status).toBe(404);
    const post = await placeOrder(t, other.key, token.id, keyOf('snoop'));
    expect(post.status).toBe(404);
    expect(post.body.code).toBe('NOT_FOUND');
  });

  it('offers the same core to code: charge() and outcomeOf()', async () => {
    const orders = t.app.get(OrdersService);
    const token = await activeToken(t, key);
    const idem = keyOf('charge');
    const outcome = await orders.charge(merchantId, token.id, idem, input(), {
      subscriptionId: 'sub_test',
    });
    expect(outcome).toEqual({
      kind: 'succeeded',
      orderId: expect.stringMatching(/^ord_/),
      status: 'accepted',
      klarnaOrderId: expect.any(String),
    });
    expect(await orders.charge(merchantId, token.id, idem, input())).toEqual(outcome);
    const orderId = (outcome as { orderId: string }).orderId;
    expect(await orders.outcomeOf(merchantId, orderId)).toEqual(outcome);
    expect((await ordersFor(idem))[0].subscription_id).toBe('sub_test');
    // An HTTP replay of the same key gets the stored answer.
    const replay = await placeOrder(t, key, token.id, idem);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(orderId);

    expect(
      await orders.charge(merchantId, token.id, keyOf('scope'), input({ purchase_currency: 'EUR' })),
    ).toMatchObject({ kind: 'consent_exceeded', limit: 'currency' });
    expect(await orders.charge(merchantId, token.id, keyOf('bad'), input({ order_amount: 0 }))).toMatchObject(
      {
        kind: 'rejected',
        orderId: null,
        code: 'VALIDATION_FAILED',
      },
    );
    await t.emulator!.request('POST', `/emulator/v1/tokens/${token.klarnaTokenId}/next-order`, {
      error_code: 'PAYMENT_METHOD_FAILED',
    });
    expect(await orders.charge(merchantId, token.id, keyOf('declined'), input())).toMatchObject({
      kind: 'declined',
      declineCode: 'PAYMENT_METHOD_FAILED',
    });
    await t.emulator!.request('POST', `/emulator/v1/tokens/${token.klarnaTokenId}/status`, {
      status: 'CANCELLED',
    });
    expect(await orders.charge(merchantId, token.id, keyOf('canceled'), input())).toMatchObject({
      kind: 'token_inactive',
      orderId: expect.stringMatching(/^ord_/),
      tokenStatus: 'canceled',
    });
    expect(await orders.charge(merchantId, token.id, keyOf('inactive'), input())).toEqual({
      kind: 'token_inactive',
      orderId: null,
      tokenStatus: 'canceled',
    });
  });
});
