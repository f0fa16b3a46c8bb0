import type { FakeClock } from '../../src/common/clock/clock';
import { MoneyCompleterJob } from '../../src/charging/money/money-completer.job';
import { withAuditInsertsRefused } from '../support/audit-faults';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { klarnaOrder, moneyPost, newKey, omPosts, placedOrder, readOrder } from './money-helpers';

interface AuditRow {
  actor_key_id: string;
  actor_role: string;
  action: string;
  target_id: string | null;
  status: number;
  request_id: string;
  params: { body?: Record<string, unknown>; outcome?: Record<string, unknown> };
}

describe('money: refunds and cancels by an admin, in the audit log', () => {
  let t: TestApp;
  let key: string;
  let adminKeyId: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    key = (await createMerchant(t, 'Citybikes')).key;
    adminKeyId = (await t.db.query<{ id: string }>("SELECT id FROM api_keys WHERE role = 'admin'")).rows[0]
      .id;
  });
  afterAll(async () => {
    await t.close();
  });

  function adminPost(
    orderId: string,
    what: 'refunds' | 'cancel',
    body: unknown,
    idempotencyKey: string | null = newKey(`admin-${what}`),
    apiKey = t.adminKey,
  ) {
    return t.request('POST', `/admin/v1/orders/${orderId}/${what}`, {
      key: apiKey,
      body,
      headers: idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey },
    });
  }

  /** The audit entry of one request, read through the audit API (a refused request's is written after its answer). */
  async function auditEntry(requestId: string | null): Promise<AuditRow | undefined> {
    for (let i = 0; i < 50; i++) {
      const [row] = await auditEntries(requestId);
      if (row) return row;
      await new Promise((r) => setTimeout(r, 20));
    }
    return undefined;
  }

  /** Every audit entry of one request id, oldest first, as an auditor reads them through the API. */
  async function auditEntries(requestId: string | null): Promise<AuditRow[]> {
    const res = await t.request('GET', '/admin/v1/audit-log?limit=100', { key: t.auditorKey });
    expect(res.status).toBe(200);
    return (res.body.data as AuditRow[]).filter((e) => e.request_id === requestId).reverse();
  }

  const actorOf = async (operationId: string) =>
    (await t.db.query<{ actor: string }>('SELECT actor FROM order_operations WHERE id = $1', [operationId]))
      .rows[0]?.actor;

  it('refunds in part, then the rest; Klarna holds both; each is audited with actor, order, amount and outcome', async () => {
    const order = await placedOrder(t, key, { autoCapture: true });
    const part = await adminPost(order.id, 'refunds', {
      amount: 300,
      reason: 'Goodwill (support ticket 17)',
    });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ order_id: order.id, type: 'refund', status: 'succeeded', amount: 300 });
    const rest = await adminPost(order.id, 'refunds', { amount: 700 });
    expect(rest.status).toBe(201);

    expect((await readOrder(t, key, order.id)).money).toMatchObject({ refunded_amount: 1000 });
    const klarna = await klarnaOrder(t, order.klarna_order_id);
    expect(klarna.refunds.map((r) => r.refunded_amount)).toEqual([300, 700]);
    expect(await actorOf(part.body.id)).toBe(`admin:${adminKeyId}`);

    const entry = await auditEntry(part.headers.get('x-request-id'));
    expect(entry).toMatchObject({
      actor_key_id: adminKeyId,
      actor_role: 'admin',
      action: 'order.refund',
      target_id: order.id,
      status: 201,
      params: {
        body: { amount: 300, reason: 'Goodwill (support ticket 17)' },
        outcome: { id: part.body.id, type: 'refund', status: 'succeeded', amount: 300, error_code: null },
      },
    });
    expect((await auditEntry(rest.headers.get('x-request-id')))?.params.outcome).toMatchObject({
      amount: 700,
    });
  });

  it('cancels an authorized order, audited', async () => {
    const order = await placedOrder(t, key);
    const res = await adminPost(order.id, 'cancel', undefined);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'cancel', status: 'succeeded' });
    expect((await klarnaOrder(t, order.klarna_order_id)).status).toBe('CANCELLED');
    expect((await readOrder(t, key, order.id)).money.status).toBe('canceled');
    expect(await auditEntry(res.headers.get('x-request-id'))).toMatchObject({
      action: 'order.cancel',
      target_id: order.id,
      status: 200,
      params: { outcome: { id: res.body.id, type: 'cancel', status: 'succeeded' } },
    });
  });

  it('points an unknown outcome (202) at the admin read of the order, which admins and auditors may read', async () => {
    const order = await placedOrder(t, key, { autoCapture: true });
    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      lost_response_rate: 1,
      paths: ['^/ordermanagement/v1/orders/[^/]+/refunds$'],
    });
    let res: Awaited<ReturnType<typeof adminPost>>;
    try {
      res = await adminPost(order.id, 'refunds', { amount: 100 });
    } finally {
      await t.emulator!.request('DELETE', '/emulator/v1/faults');
    }
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ type: 'refund', status: 'unknown', amount: 100 });
    const location = res.headers.get('location');
    expect(location).toBe(`/admin/v1/orders/${order.id}`);
    for (const reader of [t.adminKey, t.auditorKey]) {
      const read = await t.request('GET', location!, { key: reader });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: order.id, money: { captured_amount: order.order_amount } });
      expect(read.body.money.refunds).toEqual([
        expect.objectContaining({ id: res.body.id, status: 'unknown', amount: 100 }),
      ]);
    }
    expect((await t.request('GET', location!, { key })).status).toBe(403);
    expect((await t.request('GET', '/admin/v1/orders/ord_unknown', { key: t.adminKey })).status).toBe(404);
  });

  it('answers 403 to auditor and merchant keys; nothing reaches Klarna; the refusals are audited', async () => {
    const order = await placedOrder(t, key, { autoCapture: true });
    for (const apiKey of [t.auditorKey, key]) {
      const refund = await adminPost(order.id, 'refunds', { amount: 100 }, newKey(), apiKey);
      expect(refund.status).toBe(403);
      const cancel = await adminPost(order.id, 'cancel', undefined, newKey(), apiKey);
      expect(cancel.status).toBe(403);
    }
    expect(await omPosts(t, order.klarna_order_id)).toEqual([]);
    const denied = await adminPost(order.id, 'refunds', { amount: 100 }, newKey(), t.auditorKey);
    expect(await auditEntry(denied.headers.get('x-request-id'))).toMatchObject({
      actor_role: 'auditor',
      action: 'order.refund',
      status: 403,
    });
  });

  it('replays the same key: the same answer, Klarna called once; a merchant key of the same name is its own', async () => {
    const order = await placedOrder(t, key, { autoCapture: true });
    const idempotencyKey = newKey('shared-name');
    const first = await adminPost(order.id, 'refunds', { amount: 200 }, idempotencyKey);
    expect(first.status).toBe(201);
    const again = await adminPost(order.id, 'refunds', { amount: 200 }, idempotencyKey);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const refundsSent = (await omPosts(t, order.klarna_order_id)).filter((r) => r.path.endsWith('/refunds'));
    expect(refundsSent).toHaveLength(1);

    // The merchant happens to use the same key: neither a replay of the admin's refund nor 422 reused.
    const merchant = await moneyPost(t, key, order.id, 'refunds', { amount: 50 }, idempotencyKey);
    expect(merchant.status).toBe(201);
    expect(merchant.body.id).not.toBe(first.body.id);
    expect(await actorOf(merchant.body.id)).toBe('merchant');
    const differently = await adminPost(order.id, 'refunds', { amount: 100 }, idempotencyKey);
    expect(differently.status).toBe(422);
    expect(differently.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await klarnaOrder(t, order.klarna_order_id)).refunds.map((r) => r.refunded_amount)).toEqual([
      200, 50,
    ]);
  });

  it('refuses a refund beyond what is captured with nothing sent to Klarna, audited with its code', async () => {
    const order = await placedOrder(t, key, { autoCapture: true });
    const res = await adminPost(order.id, 'refunds', { amount: 1001 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('REFUND_EXCEEDS_CAPTURED');
    expect(await omPosts(t, order.klarna_order_id)).toEqual([]);
    expect(await auditEntry(res.headers.get('x-request-id'))).toMatchObject({
      actor_key_id: adminKeyId,
      action: 'order.refund',
      target_id: order.id,
      status: 422,
      params: { body: { amount: 1001 }, outcome: { code: 'REFUND_EXCEEDS_CAPTURED' } },
    });
  });

  it('answers 404 for an unknown order and 400 without an Idempotency-Key, both audited', async () => {
    const missing = await adminPost('ord_00000000000000000000000000', 'refunds', { amount: 100 });
    expect(missing.status).toBe(404);
    expect(await auditEntry(missing.headers.get('x-request-id'))).toMatchObject({
      action: 'order.refund',
      target_id: 'ord_00000000000000000000000000',
      status: 404,
      params: { outcome: { code: 'NOT_FOUND' } },
    });
    const order = await placedOrder(t, key);
    const keyless = await adminPost(order.id, 'cancel', undefined, null);
    expect(keyless.status).toBe(400);
    expect(keyless.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await omPosts(t, order.klarna_order_id)).toEqual([]);
    expect((await auditEntry(keyless.headers.get('x-request-id')))?.status).toBe(400);
  });

  /** An admin's refund or cancel whose answer Klarna lost: 202, and the fault cleared again. */
  async function lostAdminOperation(what: 'refunds' | 'cancel') {
    const order = await placedOrder(t, key, { autoCapture: what === 'refunds' });
    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      lost_response_rate: 1,
      paths: [`^/ordermanagement/v1/orders/[^/]+/${what}$`],
    });
    try {
      const res = await adminPost(order.id, what, what === 'refunds' ? { amount: 300 } : undefined);
      expect(res.status).toBe(202);
      return { order, res, requestId: res.headers.get('x-request-id') };
    } finally {
      await t.emulator!.request('DELETE', '/emulator/v1/faults');
    }
  }

  it('follows a 202 refund up in the audit log once the completer settles it, in the same transaction', async () => {
    const { order, res, requestId } = await lostAdminOperation('refunds');
    const completer = t.app.get(MoneyCompleterJob);

    // The follow-up cannot be written: the outcome is not recorded either, and the refund stays unknown.
    await withAuditInsertsRefused(t.db, async () => {
      (t.clock as FakeClock).advance(10 * 60_000);
      await completer.runOnce();
      const op = await t.db.query('SELECT status FROM order_operations WHERE id = $1', [res.body.id]);
      expect(op.rows).toEqual([{ status: 'unknown' }]);
    });

    (t.clock as FakeClock).advance(10 * 60_000);
    await completer.runOnce();
    const op = await t.db.query('SELECT status FROM order_operations WHERE id = $1', [res.body.id]);
    expect(op.rows).toEqual([{ status: 'succeeded' }]);
    const entries = await auditEntries(requestId);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'order.refund', status: 202, actor_key_id: adminKeyId }),
      expect.objectContaining({
        action: 'order.refund.settled',
        actor_key_id: adminKeyId,
        actor_role: 'admin',
        target_id: order.id,
        status: 201,
        params: {
          path: { order_id: order.id },
          outcome: { id: res.body.id, type: 'refund', status: 'succeeded', amount: 300, error_code: null },
          recorded_by: 'money-completer',
        },
      }),
    ]);
    // A later run adds nothing: the follow-up is written once, with the outcome.
    (t.clock as FakeClock).advance(10 * 60_000);
    await completer.runOnce();
    expect(await auditEntries(requestId)).toHaveLength(2);
  });

  it('never records an admin refund without its audit entry: with the log unavailable the outcome waits for it', async () => {
    const order = await placedOrder(t, key, { autoCapture: true });
    const completer = t.app.get(MoneyCompleterJob);
    const operation = async () =>
      (
        await t.db.query<{ id: string; status: string }>(
          "SELECT id, status FROM order_operations WHERE order_id = $1 AND kind = 'refund'",
          [order.id],
        )
      ).rows[0];

    // Klarna refunds, but the entry cannot be written with the outcome, so the outcome is not recorded either
    // (the request's own entry after it fails as well: 500, and nothing of it is lost).
    const res = await withAuditInsertsRefused(t.db, () => adminPost(order.id, 'refunds', { amount: 300 }));
    expect(res.status).toBe(500);
    expect((await klarnaOrder(t, order.klarna_order_id)).refunded_amount).toBe(300);
    const op = await operation();
    expect(op.status).toBe('unknown');
    expect(await auditEntries(res.headers.get('x-request-id'))).toEqual([]);

    // Once the log takes entries again, the completer records the outcome and its entry together.
    (t.clock as FakeClock).advance(10 * 60_000);
    await completer.runOnce();
    expect((await operation()).status).toBe('succeeded');
    expect(await auditEntries(res.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({
        action: 'order.refund.settled',
        actor_key_id: adminKeyId,
        target_id: order.id,
        status: 201,
        params: expect.objectContaining({
          outcome: { id: op.id, type: 'refund', status: 'succeeded', amount: 300, error_code: null },
        }),
      }),
    ]);
  });

  it('says in the audit log when the service gives up on a 202 cancel (a repeat gets 409 OUTCOME_UNKNOWN)', async () => {
    const { order, res, requestId } = await lostAdminOperation('cancel');
    (t.clock as FakeClock).advance(21 * 3_600_000);
    await t.app.get(MoneyCompleterJob).runOnce();
    expect(await auditEntries(requestId)).toEqual([
      expect.objectContaining({ action: 'order.cancel', status: 202 }),
      expect.objectContaining({
        action: 'order.cancel.outcome_unknown',
        actor_key_id: adminKeyId,
        target_id: order.id,
        status: 409,
        params: expect.objectContaining({
          outcome: expect.objectContaining({ id: res.body.id, type: 'cancel', status: 'unknown' }),
        }),
      }),
    ]);
  });
});
