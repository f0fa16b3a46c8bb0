import { FakeClock } from '../../src/common/clock/clock';
import { seededRandom } from '../../src/klarna-emulator/domain/faults.service';
import { OrderCompleterJob } from '../../src/charging/orders/order-completer.job';
import { createMerchant, startTestApp, type ApiResponse, type TestApp } from '../support/test-app';
import {
  activeToken,
  type ActiveToken,
  ledger,
  orderBody,
  placeOrder,
  tokenOrderRequests,
} from './orders-helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FINAL = new Set([201, 402]);

interface Row {
  id: string;
  merchant_id: string;
  idempotency_key: string;
  klarna_idempotency_key: string;
  status: string;
  klarna_order_id: string | null;
}

/**
 * Exactly once under concurrency and Klarna's faults: the emulator's ledger (every order Klarna created) is
 * compared with our rows. Duplicates = more than one Klarna order for one key; lost = a Klarna order that no
 * succeeded row of ours points at.
 */
describe('token orders: exactly once under concurrency and faults', () => {
  let t: TestApp;
  const clock = new FakeClock(new Date('2026-03-01T09:00:00Z'));
  const merchants: { id: string; key: string; tokens: ActiveToken[] }[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      emulator: true,
      clock,
      env: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        DATABASE_POOL_MAX: '20',
        // One retry per request, so that more outcomes stay unknown and the completer has work.
        KLARNA_MAX_RETRIES: '1',
        KLARNA_BREAKER_THRESHOLD: '10',
      },
    });
    for (const name of ['Fault A', 'Fault B']) {
      const merchant = await createMerchant(t, name);
      const tokens = [await activeToken(t, merchant.key), await activeToken(t, merchant.key)];
      merchants.push({ ...merchant, tokens });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const rowsFor = async (keyPrefix: string): Promise<Row[]> =>
    (await t.db.query<Row>('select * from orders where idempotency_key like $1', [`${keyPrefix}%`])).rows;

  it('50 concurrent requests with one key: one Klarna order, one success, the rest 409 or identical replays', async () => {
    const { key, tokens } = merchants[0];
    const idem = 'concurrent-50';
    const results = await Promise.all(
      Array.from({ length: 50 }, () => placeOrder(t, key, tokens[0].id, idem)),
    );
    const fresh = results.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null);
    const replays = results.filter(
      (r) => r.status === 201 && r.headers.get('idempotent-replayed') === 'true',
    );
    const inProgress = results.filter((r) => r.status === 409);
    expect(fresh).toHaveLength(1);
    expect(fresh.length + replays.length + inProgress.length).toBe(50);
    for (const replay of replays) expect(replay.text).toBe(fresh[0].text);
    for (const busy of inProgress) expect(busy.body.code).toBe('REQUEST_IN_PROGRESS');

    const rows = await rowsFor(idem);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'accepted', klarna_order_id: fresh[0].body.klarna_order_id });
    const orders = (await ledger(t)).filter((o) => o.idempotency_key === rows[0].klarna_idempotency_key);
    expect(orders).toHaveLength(1);
    expect(
      (await tokenOrderRequests(t)).filter((r) => r.idempotency_key === rows[0].klarna_idempotency_key),
    ).toHaveLength(1);
  });

  it('fault matrix: ≥ 1000 randomized attempts with 500s, 503s, 429s, hangs and lost answers: 0 duplicates, 0 lost', async () => {
    const random = seededRandom(6);
    const KEYS = 550;
    const WORKERS = 16;
    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      error_500_rate: 0.15,
      error_503_rate: 0.05,
      rate_limit_rate: 0.1,
      retry_after_seconds: 0,
      hang_rate: 0.1,
      hang_ms: 700,
      lost_response_rate: 0.15,
      seed: 6,
      paths: ['^/customer-token/v1/tokens/[^/]+/order$'],
    });
    // Some declines in the mix (used by whichever requests get through first; a replay never uses one).
    await t.emulator!.request(
      'POST',
      `/emulator/v1/tokens/${merchants[0].tokens[1].klarnaTokenId}/next-order`,
      {
        error_code: 'PAYMENT_METHOD_FAILED',
        count: 15,
      },
    );
    const statusCounts: Record<string, number> = {};
    let attempts = 0;
    const firstFinal = new Map<string, ApiResponse>();
    const plan = Array.from({ length: KEYS }, (_, i) => {
      const merchant = merchants[i % merchants.length];
      const token = merchant.tokens[Math.floor(random() * merchant.tokens.length)];
      const amount = 100 + Math.floor(random() * 40) * 100;
      const body = orderBody({
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
        merchant_reference1: `fm-${i}`,
      });
      return { idem: `fm-${i}`, merchant, token, body, extraReplays: random() < 0.5 ? 1 : 0 };
    });

    // The service's scheduler, compressed: time runs 30 s per tick, so leases of requests still in flight run
    // out too, and the completer races live requests on the same Klarna key.
    let merchantsDone = false;
    const completer = t.app.get(OrderCompleterJob);
    const scheduler = (async () => {
      while (!merchantsDone) {
        clock.advance(30_000);
        await completer.runOnce();
        await sleep(100);
      }
    })();

    const queue = [...plan];
    const merchant = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        let final: ApiResponse | undefined;
        for (let round = 0; round < 12 && !final; round++) {
          attempts += 1;
          const res = await placeOrder(t, item.merchant.key, item.token.id, item.idem, item.body);
          statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
          if (FINAL.has(res.status)) final = res;
          else {
            expect([202, 409, 503]).toContain(res.status);
            await sleep(20 + Math.floor(random() * 80));
          }
        }
        if (final) {
          firstFinal.set(item.idem, final);
          for (let r = 0; r < item.extraReplays; r++) {
            attempts += 1;
            const again = await placeOrder(t, item.merchant.key, item.token.id, item.idem, item.body);
            expect(again.status).toBe(final.status);
            expect(again.text).toBe(final.text);
            expect(again.headers.get('idempotent-replayed')).toBe('true');
          }
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: WORKERS }, merchant));
    merchantsDone = true;
    await scheduler;

    // Faults off; the completer finishes whatever is still unknown.
    await t.emulator!.request('DELETE', '/emulator/v1/faults');
    for (let i = 0; i < 20; i++) {
      clock.advance(15 * 60_000);
      await completer.runOnce();
      const open = await t.db.query(`select count(*)::int as n from orders where status = 'unknown'`);
      if (open.rows[0].n === 0) break;
    }
    // Every key now has its final answer; the merchant asks once more (and keys given back are placed now).
    for (const item of plan) {
      if (firstFinal.has(item.idem)) continue;
      for (let round = 0; round < 5 && !firstFinal.has(item.idem); round++) {
        attempts += 1;
        const res = await placeOrder(t, item.merchant.key, item.token.id, item.idem, item.body);
        if (FINAL.has(res.status)) firstFinal.set(item.idem, res);
        else await sleep(600);
      }
    }

    const rows = await rowsFor('fm-');
    const unknown = rows.filter((r) => r.status === 'unknown');
    const byOurKey = new Map<string, Row[]>();
    for (const row of rows) {
      const k = `${row.merchant_id}/${row.idempotency_key}`;
      byOurKey.set(k, [...(byOurKey.get(k) ?? []), row]);
    }
    const klarnaKeys = new Set(rows.map((r) => r.klarna_idempotency_key));
    const orders = (await ledger(t)).filter((o) => o.idempotency_key && klarnaKeys.has(o.idempotency_key));
    const ordersPerKlarnaKey = new Map<string, number>();
    for (const o of orders)
      ordersPerKlarnaKey.set(o.idempotency_key!, (ordersPerKlarnaKey.get(o.idempotency_key!) ?? 0) + 1);
    const duplicates = [...ordersPerKlarnaKey.values()].filter((n) => n > 1).length;
    const succeeded = new Map(
      rows
        .filter((r) => r.status === 'accepted' || r.status === 'pending')
        .map((r) => [r.klarna_order_id, r]),
    );
    const lost = orders.filter((o) => !succeeded.has(o.order_id));
    const phantom = [...succeeded.keys()].filter((id) => !orders.some((o) => o.order_id === id));
    const klarnaCalls = (await tokenOrderRequests(t)).filter(
      (r) => r.idempotency_key && klarnaKeys.has(r.idempotency_key),
    );

    const summary = {
      keys: KEYS,
      merchant_attempts: attempts,
      klarna_calls: klarnaCalls.length,
      klarna_lost_responses: klarnaCalls.filter((r) => r.lost_response).length,
      http_statuses: statusCounts,
      ledger_orders: orders.length,
      duplicates,
      lost: lost.length,
      phantom: phantom.length,
      unknown: unknown.length,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(`FAULT-MATRIX ${JSON.stringify(summary)}`);

    expect(attempts).toBeGreaterThanOrEqual(1000);
    expect(klarnaCalls.filter((r) => r.lost_response).length).toBeGreaterThan(0);
    expect(statusCounts[202] ?? 0).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status === 'declined').length).toBeGreaterThan(0);
    expect(duplicates).toBe(0);
    expect(lost).toEqual([]);
    expect(phantom).toEqual([]);
    expect(unknown).toEqual([]);
    expect([...byOurKey.values()].filter((list) => list.length > 1)).toEqual([]);
    expect(firstFinal.size).toBe(KEYS);
    // Every key's answer agrees with its row: 201 ↔ placed order, 402 ↔ declined.
    for (const item of plan) {
      const answer = firstFinal.get(item.idem)!;
      const row = byOurKey.get(`${item.merchant.id}/${item.idem}`)![0];
      expect(answer.body.id ?? answer.body.detail).toContain(row.id);
      expect(answer.status).toBe(row.status === 'accepted' || row.status === 'pending' ? 201 : 402);
    }
  }, 120_000);
});
