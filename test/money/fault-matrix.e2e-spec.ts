import { FakeClock } from '../../src/common/clock/clock';
import { MoneyCompleterJob } from '../../src/charging/money/money-completer.job';
import { seededRandom } from '../../src/klarna-emulator/domain/faults.service';
import { sleep } from '../support/emulator';
import { type ApiResponse, createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { klarnaOrder, moneyPost, placedOrder } from './money-helpers';

const FINAL = new Set([200, 201]);

/**
 * Exactly once for money under Klarna's faults (modelled on test/orders/reliability.e2e-spec.ts): hundreds of
 * captures and refunds with injected 500s, 503s, 429s, hangs past the client timeout and lost answers, the
 * completer racing the requests on a compressed clock. At the end the emulator's ledger (every capture and
 * refund Klarna executed) and our rows agree: 0 duplicates, 0 lost.
 */
describe('money: exactly once under faults', () => {
  let t: TestApp;
  let key: string;
  const clock = new FakeClock(new Date('2026-03-01T09:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({
      emulator: true,
      clock,
      env: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        DATABASE_POOL_MAX: '20',
        KLARNA_MAX_RETRIES: '1',
        KLARNA_BREAKER_THRESHOLD: '10',
      },
    });
    key = (await createMerchant(t, 'Faults')).key;
  });
  afterAll(async () => {
    await t.close();
  }, 60_000);

  it('≥ 500 capture and refund attempts under 500s, 503s, 429s, hangs and lost answers: 0 duplicates, 0 lost', async () => {
    const random = seededRandom(14);
    const orders: { id: string; klarna_order_id: string }[] = [];
    for (let i = 0; i < Number(process.env.FM_ORDERS ?? 40); i++)
      orders.push(await placedOrder(t, key, { amount: 4000 }));

    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      error_500_rate: 0.12,
      error_503_rate: 0.05,
      rate_limit_rate: 0.08,
      retry_after_seconds: 0,
      hang_rate: 0.08,
      hang_ms: 700,
      lost_response_rate: 0.15,
      seed: 14,
      paths: ['^/ordermanagement/v1/orders/[^/]+/(captures|refunds)$'],
    });
    const completer = t.app.get(MoneyCompleterJob);
    const statusCounts: Record<string, number> = {};
    let attempts = 0;

    const runPhase = async (
      plan: { order: string; idem: string; what: 'captures' | 'refunds'; body: object }[],
    ) => {
      let done = false;
      const scheduler = (async () => {
        while (!done) {
          clock.advance(30_000);
          await completer.runOnce();
          await sleep(100);
        }
      })();
      const finals = new Map<string, ApiResponse>();
      const queue = [...plan];
      const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          for (let round = 0; round < 40 && !finals.has(item.idem); round++) {
            attempts += 1;
            const res = await moneyPost(t, key, item.order, item.what, item.body, item.idem);
            statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
            if (FINAL.has(res.status)) finals.set(item.idem, res);
            else {
              expect([[202, 409, 503].includes(res.status), res.text]).toEqual([true, res.text]);
              await sleep(20 + Math.floor(random() * 80));
            }
          }
          const first = finals.get(item.idem);
          if (first && random() < 0.5) {
            attempts += 1;
            const again = await moneyPost(t, key, item.order, item.what, item.body, item.idem);
            expect(again.text).toBe(first.text);
            expect(again.headers.get('idempotent-replayed')).toBe('true');
          }
        }
      };
      await Promise.all(Array.from({ length: 12 }, worker));
      done = true;
      await scheduler;
      // On a busy machine a key can still be unknown here: the completer finishes it, the merchant asks again.
      for (const item of plan) {
        for (let round = 0; round < 30 && !finals.has(item.idem); round++) {
          clock.advance(15 * 60_000);
          await completer.runOnce();
          attempts += 1;
          const res = await moneyPost(t, key, item.order, item.what, item.body, item.idem);
          statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
          if (FINAL.has(res.status)) finals.set(item.idem, res);
        }
      }
      expect(finals.size).toBe(plan.length);
    };

    await runPhase(
      orders.flatMap((o, i) =>
        [0, 1, 2, 3].map((j) => ({
          order: o.id,
          idem: `fm-cap-${i}-${j}`,
          what: 'captures' as const,
          body: { amount: 1000 },
        })),
      ),
    );
    for (let i = 0; i < 20; i++) {
      clock.advance(15 * 60_000);
      await completer.runOnce();
    }
    const captured = await t.db.query(
      `select id, captured_amount from orders where id = any($1) and captured_amount <> 4000`,
      [orders.map((o) => o.id)],
    );
    const ops = await t.db.query(
      `select order_id, status, amount, last_error from order_operations where order_id = any($1) and status <> 'succeeded'`,
      [orders.map((o) => o.id)],
    );
    expect([captured.rows, ops.rows]).toEqual([[], []]);
    await runPhase(
      orders.flatMap((o, i) =>
        [0, 1, 2, 3, 4, 5].map((j) => ({
          order: o.id,
          idem: `fm-ref-${i}-${j}`,
          what: 'refunds' as const,
          body: { amount: 500, reason: `part ${j}` },
        })),
      ),
    );
    await t.emulator!.request('DELETE', '/emulator/v1/faults');

    expect(attempts).toBeGreaterThanOrEqual(500);
    const unknown = await t.db.query(
      `select count(*)::int as n from order_operations where status <> 'succeeded'`,
    );
    expect(unknown.rows[0].n).toBe(0);
    for (const o of orders) {
      const klarna = await klarnaOrder(t, o.klarna_order_id);
      const rows = (
        await t.db.query<{ kind: string; klarna_id: string; amount: string }>(
          `select kind, klarna_id, amount from order_operations where order_id = $1 order by id`,
          [o.id],
        )
      ).rows;
      // 0 duplicates and 0 lost: Klarna executed exactly what we recorded, each once.
      expect(klarna.captures.map((c) => c.capture_id).sort()).toEqual(
        rows
          .filter((r) => r.kind === 'capture')
          .map((r) => r.klarna_id)
          .sort(),
      );
      expect(klarna.refunds.map((r) => r.refund_id).sort()).toEqual(
        rows
          .filter((r) => r.kind === 'refund')
          .map((r) => r.klarna_id)
          .sort(),
      );
      expect(klarna).toMatchObject({ captured_amount: 4000, refunded_amount: 3000, status: 'CAPTURED' });
      const ours = await t.db.query(`select captured_amount, refunded_amount from orders where id = $1`, [
        o.id,
      ]);
      expect(ours.rows[0]).toEqual({ captured_amount: '4000', refunded_amount: '3000' });
    }
    // The faults did happen, and the answers were every kind the matrix promises.
    expect(Object.keys(statusCounts).sort()).toEqual(expect.arrayContaining(['201', '202', '409', '503']));
    console.log(`money fault matrix: ${attempts} attempts, statuses ${JSON.stringify(statusCounts)}`);
  }, 180_000);
});
