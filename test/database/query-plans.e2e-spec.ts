import type { EntityManager } from '@mikro-orm/postgresql';
import { OrdersService, type TokenOrderInput } from '../../src/charging/orders/orders.service';
import { finalizeOperation } from '../../src/charging/money/money.queries';
import {
  type FinalOutcome,
  recordOutcomes,
  releaseAttempt,
  rescheduleUnknown,
} from '../../src/charging/orders/orders.queries';
import { recordDeliveryOutcome } from '../../src/events/webhooks/webhook-deliveries.queries';
import { settleChargedCycles } from '../../src/charging/subscriptions/subscriptions.queries';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { activeToken, orderBody } from '../orders/orders-helpers';

/**
 * The statements that finish a batch (an order's outcome, a charged cycle) must reach their rows by primary key.
 * Issue #16: against a constant status they went through the partial "due" indexes, which during a subscription run
 * hold thousands of dead entries until a vacuum; the planner, which counts only live rows, thought that path
 * cheaper (5.7 of 6.6 ms per batch of 16 orders, and up to 40,000 index entries walked per batch of cycles).
 *
 * The statement's text is captured (not run) and explained against tables in that state: many rows, few of them
 * still due, statistics from before the batch.
 */
describe('plans of the batch-finishing statements', () => {
  let t: TestApp;
  let merchantId: string;
  let merchantKey: string;
  let orderId: string;
  let tokenId: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true });
    const merchant = await createMerchant(t, 'Plans');
    merchantId = merchant.id;
    merchantKey = merchant.key;
    const token = await activeToken(t, merchant.key);
    tokenId = token.id;
    const placed = await t.app
      .get(OrdersService)
      .charge(merchantId, token.id, 'plan-seed', orderBody() as unknown as TokenOrderInput);
    if (placed.kind !== 'succeeded') throw new Error(`seed order: ${placed.kind}`);
    orderId = placed.orderId;
  });
  afterAll(async () => {
    await t.close();
  });

  /** The text and values a query function sends, without running it. */
  async function captured(run: (em: EntityManager) => Promise<unknown>) {
    let statement: { text: string; values: unknown[] } | undefined;
    const connection = {
      query: (q: { text: string; values: unknown[] }) => {
        statement = q;
        return Promise.resolve({ rows: [], rowCount: 0 });
      },
    };
    const em = {
      getTransactionContext: () => ({
        client: {
          acquireConnection: () => Promise.resolve(connection),
          releaseConnection: () => Promise.resolve(),
        },
      }),
    } as unknown as EntityManager;
    await run(em).catch(() => undefined);
    if (!statement) throw new Error('no statement was sent');
    return statement;
  }

  /** Statistics taken now (as a run leaves them), then 16 of the seeded rows still in `status`. */
  async function analyzedThenSixteen(table: string, status: string, idPrefix: string) {
    await t.db.query(`analyze ${table}`);
    const { rows } = await t.db.query<{ id: string }>(
      `select id from ${table} where status = $1 and id like $2 order by id limit 16`,
      [status, `${idPrefix}%`],
    );
    expect(rows).toHaveLength(16);
    return rows;
  }

  /** Statistics taken when none of the seeded rows was due (`status`); then 16 are (the statistics lag behind). */
  async function oneMadeDueAfterAnalyze(
    table: string,
    idPrefix: string,
    status = 'unknown',
    alsoSet = '',
  ): Promise<{ id: string }> {
    await t.db.query(`update ${table} set status = 'succeeded', next_attempt_at = null where id like $1`, [
      `${idPrefix}%`,
    ]);
    await t.db.query(`analyze ${table}`);
    const { rows } = await t.db.query<{ id: string }>(
      `update ${table} set status = $2, next_attempt_at = now()${alsoSet}
        where id in (select id from ${table} where id like $1 order by id limit 16) returning id`,
      [`${idPrefix}%`, status],
    );
    return rows[0];
  }

  async function indexesOfPlan(statement: { text: string; values: unknown[] }): Promise<string[]> {
    const { rows } = await t.db.query<{ 'QUERY PLAN': unknown }>(
      `explain (format json) ${statement.text}`,
      statement.values,
    );
    const names: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (typeof record['Index Name'] === 'string') names.push(record['Index Name']);
        Object.values(record).forEach(walk);
      }
    };
    walk(rows[0]['QUERY PLAN']);
    return names;
  }

  it("records a batch of order outcomes through the orders' primary key, not the index of unknown orders", async () => {
    // 4,000 orders, 1 in 250 still unknown, analyzed as a run would leave them.
    await t.db.query(
      `insert into orders
       select (jsonb_populate_record(null::orders, to_jsonb(o) || jsonb_build_object(
                 'id', 'ord_plan' || lpad(i::text, 22, '0'),
                 'idempotency_key', 'plan-' || i,
                 'klarna_idempotency_key', 'plan-' || i,
                 'status', case when i % 250 = 0 then 'unknown' else 'accepted' end))).*
         from orders o, generate_series(1, 4000) as i
        where o.id = $1`,
      [orderId],
    );
    const unknown = await analyzedThenSixteen('orders', 'unknown', 'ord_plan');

    const outcomes: FinalOutcome[] = unknown.map(({ id }, i) => ({
      order: {
        id,
        merchantId,
        customerTokenId: tokenId,
        consentId: 'con_plan',
        subscriptionId: null,
        idempotencyKey: `plan-${i}`,
        requestId: 'req_plan',
        status: 'accepted',
        purchaseCurrency: 'SEK',
        orderAmount: 1000,
        orderTaxAmount: 200,
        merchantReference1: null,
        merchantReference2: null,
        klarnaOrderId: `klarna-${i}`,
        fraudStatus: 'ACCEPTED',
        authorizedPaymentMethod: null,
        redirectUrl: null,
        errorCode: null,
        errorMessage: null,
        klarnaCorrelationId: null,
        nextAttemptAt: null,
        createdAt: new Date(),
        completedAt: new Date(),
      },
      answer: { status: 201, contentType: 'application/json', body: '{}' },
      event: { merchantId, type: 'order.succeeded', data: { id }, whenKey: id },
    }));
    const indexes = await indexesOfPlan(await captured((em) => recordOutcomes(em, outcomes, new Date())));

    expect(indexes).toContain('orders_pkey');
    expect(indexes).not.toContain('orders_unknown_next_attempt_at_index');
  });

  it("settles a batch of charged cycles through the cycles' primary key, not the due index", async () => {
    // 400 subscriptions with 10 cycles each, 1 in 200 cycles still charging.
    await t.db.query(
      `insert into subscriptions (id, merchant_id, customer_token_id, status, interval, interval_count, start_date,
                                  "order", current_cycle, next_cycle, next_charge_at, created_at, updated_at)
       select 'sub_plan' || lpad(i::text, 22, '0'), $1, $2, 'active', 'MONTH', 1, '2026-01-01', $3::jsonb, 10, 11,
              now() + interval '1 month', now(), now()
         from generate_series(1, 400) as i`,
      [merchantId, tokenId, JSON.stringify(orderBody())],
    );
    await t.db.query(
      `insert into subscription_cycles (id, subscription_id, merchant_id, cycle, due_at, status, next_attempt_at,
                                        lock_token, attempts, created_at, updated_at)
       select 'scy_plan' || lpad((s * 10 + c)::text, 22, '0'), 'sub_plan' || lpad(s::text, 22, '0'), $1, c, now(),
              case when (s * 10 + c) % 200 = 0 then 'charging' else 'succeeded' end,
              case when (s * 10 + c) % 200 = 0 then now() end,
              case when (s * 10 + c) % 200 = 0 then 'lock-plan' end, 1, now(), now()
         from generate_series(1, 400) as s, generate_series(1, 10) as c`,
      [merchantId],
    );
    const charging = await analyzedThenSixteen('subscription_cycles', 'charging', 'scy_plan');

    const indexes = await indexesOfPlan(
      await captured((em) =>
        settleChargedCycles(
          em,
          charging.map(({ id }, i): [string, string, string] => [id, 'lock-plan', `ord_${i}`]),
          new Date(),
        ),
      ),
    );

    expect(indexes).toContain('subscription_cycles_pkey');
    expect(indexes).not.toContain('subscription_cycles_due_index');
  });
  it('finds one order or money operation that must still be unknown by its primary key', async () => {
    // 4,000 refunds of the seed order, analyzed when none was unknown; then 16 of them are (statistics lag).
    await t.db.query(
      `insert into order_operations (id, order_id, merchant_id, kind, source, status, amount, actor, attempts,
                                     next_attempt_at, created_at, updated_at)
       select 'opr_plan' || lpad(i::text, 22, '0'), $1, $2, 'refund', 'api',
              'succeeded', 1, 'merchant', 1, null, now(), now()
         from generate_series(1, 4000) as i`,
      [orderId, merchantId],
    );
    const operation = await oneMadeDueAfterAnalyze('order_operations', 'opr_plan');
    const finalize = await indexesOfPlan(
      await captured((em) =>
        finalizeOperation(
          em,
          {
            id: operation.id,
            orderId,
            merchantId,
            kind: 'refund',
            amount: 1,
            status: 'succeeded',
            klarnaId: 'refund-1',
            errorCode: null,
            errorMessage: null,
          },
          { status: 201, contentType: 'application/json', body: '{}' },
          new Date(),
          { merchantId, type: 'order.refunded', data: { id: orderId } },
        ),
      ),
    );
    expect(finalize).toContain('order_operations_pkey');
    expect(finalize).not.toContain('order_operations_unknown_next_attempt_at_index');

    const order = await oneMadeDueAfterAnalyze('orders', 'ord_plan');
    const release = await indexesOfPlan(await captured((em) => releaseAttempt(em, order.id, 1)));
    expect(release).toContain('orders_pkey');
    expect(release).not.toContain('orders_unknown_next_attempt_at_index');

    const later = await oneMadeDueAfterAnalyze('orders', 'ord_plan');
    const reschedule = await indexesOfPlan(
      await captured((em) =>
        rescheduleUnknown(em, later.id, 1, {
          nextAttemptAt: new Date(),
          lastError: 'timeout',
          now: new Date(),
        }),
      ),
    );
    expect(reschedule).toContain('orders_pkey');
    expect(reschedule).not.toContain('orders_unknown_next_attempt_at_index');
  });

  it("records a webhook attempt through the deliveries' primary key, not the index of pending deliveries", async () => {
    const endpoint = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchantKey,
      body: { url: 'http://127.0.0.1:9/hooks', events: ['order.succeeded'] },
    });
    expect(endpoint.status).toBe(201);
    // 4,000 deliveries of 4,000 events to that endpoint, analyzed when none was pending; then 16 are (the
    // statistics lag behind a busy hour).
    await t.db.query(
      `insert into events (id, merchant_id, type, data, created_at)
       select 'evt_plan' || lpad(i::text, 22, '0'), $1, 'order.succeeded', '{}'::jsonb, now()
         from generate_series(1, 4000) as i`,
      [merchantId],
    );
    await t.db.query(
      `insert into webhook_deliveries (id, event_id, endpoint_id, status, attempt_count, created_at)
       select 'whd_plan' || lpad(i::text, 22, '0'), 'evt_plan' || lpad(i::text, 22, '0'), $1, 'succeeded', 1, now()
         from generate_series(1, 4000) as i`,
      [(endpoint.body as { id: string }).id],
    );
    const pending = await oneMadeDueAfterAnalyze(
      'webhook_deliveries',
      'whd_plan',
      'pending',
      ", lock_token = 'lock-plan'",
    );

    const indexes = await indexesOfPlan(
      await captured((em) =>
        recordDeliveryOutcome(
          em,
          {
            id: pending.id,
            lockToken: 'lock-plan',
            status: 'succeeded',
            attemptCount: 2,
            nextAttemptAt: null,
            statusCode: 200,
            error: null,
            durationMs: 3,
            deliveredAt: new Date(),
            attemptId: 'wha_plan',
          },
          new Date(),
        ),
      ),
    );
    expect(indexes).toContain('webhook_deliveries_pkey');
    expect(indexes).not.toContain('webhook_deliveries_one_pending_per_endpoint');
    expect(indexes).not.toContain('webhook_deliveries_status_next_attempt_at_index');
  });
});
