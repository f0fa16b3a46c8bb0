import { FakeClock } from '../../src/common/clock/clock';
import { MoneyCompleterJob } from '../../src/charging/money/money-completer.job';
import { seededRandom } from '../../src/klarna-emulator/domain/faults.service';
import {
  completeUnknowns,
  setCrashFaults,
  startServiceProcesses,
  type ServiceProcesses,
} from '../support/service-processes';
import {
  createMerchant,
  httpRequest,
  startTestApp,
  type ApiResponse,
  type TestApp,
} from '../support/test-app';
import { ledger } from '../orders/orders-helpers';
import { type EmulatorOmOrder, placedOrder, readOrder } from './money-helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ORDERS = 6;
const CAPTURED = 5000;
const KEYS = 120;
const KILLS = 12;
/** The answers a merchant takes as final: refunded, or refused as more than captured minus refunded. */
const FINAL = new Set([201, 422]);

/**
 * Refunds while the service is killed with SIGKILL at random moments and started again (as
 * test/orders/crash.e2e-spec.ts does for token orders): merchants refund orders captured in full with
 * Idempotency-Keys, retrying keys without a final answer, and ask for more than is captured so that many
 * refunds are refused. Afterwards Klarna's ledger and our rows agree exactly: no refund twice, none lost, never
 * more refunded than captured.
 */
describe('refunds: SIGKILL while refunding', () => {
  let t: TestApp;
  let service: ServiceProcesses;
  let key: string;
  let orders: { id: string; klarna_order_id: string }[];
  const clock = new FakeClock(new Date('2026-03-01T09:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, clock, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    key = (await createMerchant(t, 'Refunding')).key;
    // Captured when placed (the capture policy's default).
    orders = [];
    for (let i = 0; i < ORDERS; i++)
      orders.push(await placedOrder(t, key, { amount: CAPTURED, autoCapture: null }));
    service = await startServiceProcesses({ dbUrl: t.dbUrl, klarnaUrl: t.emulator!.url });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await t?.close();
  });

  it(`≥ ${KILLS} kills while refunding: Klarna and our rows agree, 0 duplicates, 0 lost`, async () => {
    const started = Date.now();
    const captured = await t.db.query(
      `select count(*)::int as n from orders where id = any($1) and captured_amount = $2`,
      [orders.map((o) => o.id), CAPTURED],
    );
    expect(captured.rows[0].n).toBe(ORDERS);

    // Each key: one order and an amount; about 1.6 × what is captured is asked for in all.
    const random = seededRandom(1401);
    const plan = Array.from({ length: KEYS }, (_, i) => ({
      idem: `refund-crash-${i}`,
      order: orders[Math.floor(random() * ORDERS)].id,
      body: { amount: 200 + Math.floor(random() * 400), reason: `crash ${i}` },
    }));
    const refund = (baseUrl: string, item: (typeof plan)[number]) =>
      httpRequest(baseUrl, 'POST', `/v1/orders/${item.order}/refunds`, {
        key,
        body: item.body,
        headers: { 'idempotency-key': item.idem },
      });

    await setCrashFaults(t, '^/ordermanagement/v1/orders/[^/]+/refunds$', 14);
    await service.start();

    let kills = 0;
    let unknownAtKills = 0;
    let overRefundedAtKills = 0;
    let stop = false;
    let answered = 0;
    const killer = (async () => {
      while (kills < KILLS) {
        // Once the new process answers (a fresh one is slow at first on a busy machine), at a random moment.
        const before = answered;
        for (let waited = 0; answered < before + 6 && waited < 5000; waited += 10) await sleep(10);
        await sleep(Math.floor(Math.random() * 300));
        await service.kill();
        kills += 1;
        const seen = await t.db.query(
          `select (select count(*)::int from order_operations where kind = 'refund' and status = 'unknown') as unknown,
                  (select count(*)::int from orders where refunded_amount > captured_amount) as over`,
        );
        unknownAtKills += seen.rows[0].unknown as number;
        overRefundedAtKills += seen.rows[0].over as number;
        await service.start();
      }
      stop = true;
    })();

    // The first final answer of each key; a key without one is asked again a little later, as a client would.
    const finals = new Map<string, ApiResponse>();
    const queue = [...plan];
    const later: { item: (typeof plan)[number]; due: number }[] = [];
    const statuses: Record<string, number> = {};
    let attempts = 0;
    const worker = async () => {
      while (!stop) {
        const retry = later.length > 0 && later[0].due <= Date.now() ? later.shift()!.item : undefined;
        const item = retry ?? queue.shift();
        if (!item) {
          await sleep(30);
          continue;
        }
        attempts += 1;
        let res: ApiResponse | undefined;
        try {
          res = await refund(service.url, item);
        } catch {
          // The service was killed mid-request, or is not listening yet: asked again below.
        }
        if (res) {
          answered += 1;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        }
        const first = finals.get(item.idem);
        if (res && first) {
          // A key asked again after its final answer: a refund is replayed byte for byte, a refusal stays one.
          if (first.status === 201) expect([item.idem, res.text]).toEqual([item.idem, first.text]);
          else expect([item.idem, res.status]).toEqual([item.idem, 422]);
        } else if (res && FINAL.has(res.status)) {
          finals.set(item.idem, res);
          // Some refunded keys are asked once more (a client that never saw the answer).
          if (res.status === 201 && random() < 0.2) later.push({ item, due: Date.now() + 200 });
        } else {
          if (res) {
            expect([item.idem, [202, 409, 503].includes(res.status), res.text]).toEqual([
              item.idem,
              true,
              res.text,
            ]);
          }
          later.push({ item, due: Date.now() + 200 });
        }
        await sleep(20 + Math.floor(random() * 40));
      }
    };
    await Promise.all([killer, ...Array.from({ length: 6 }, worker)]);
    await service.kill();

    // What the killed processes and the faults left unknown, finished by the completer (in-process, its clock
    // past the leases), then every key without a final answer asked again.
    await completeUnknowns(t, clock, t.app.get(MoneyCompleterJob), 'order_operations');
    for (const item of plan) {
      if (finals.has(item.idem)) continue;
      attempts += 1;
      const res = await refund(t.url, item);
      expect([item.idem, FINAL.has(res.status), res.text]).toEqual([item.idem, true, res.text]);
      finals.set(item.idem, res);
    }

    const rows = (
      await t.db.query<{
        id: string;
        order_id: string;
        status: string;
        amount: string;
        klarna_id: string | null;
        idempotency_key: string;
        klarna_idempotency_key: string;
      }>(
        `select id, order_id, status, amount, klarna_id, idempotency_key, klarna_idempotency_key
           from order_operations where kind = 'refund' and order_id = any($1)`,
        [orders.map((o) => o.id)],
      )
    ).rows;
    // The emulator's ledger: every order with its refunds and their Klarna-Idempotency-Keys.
    type LedgerRefund = EmulatorOmOrder['refunds'][number] & { idempotency_key: string | null };
    const everyOrder = (await ledger(t)) as unknown as (Omit<EmulatorOmOrder, 'refunds'> & {
      order_id: string;
      refunds: LedgerRefund[];
    })[];
    const klarna = new Map(
      orders.map((o) => [o.id, everyOrder.find((k) => k.order_id === o.klarna_order_id)!] as const),
    );
    const klarnaRefunds = [...klarna.values()].flatMap((k) => k.refunds);
    const perKlarnaKey = new Map<string, number>();
    for (const r of klarnaRefunds)
      perKlarnaKey.set(r.idempotency_key ?? '', (perKlarnaKey.get(r.idempotency_key ?? '') ?? 0) + 1);
    const atKlarna = new Set(klarnaRefunds.map((r) => r.refund_id));
    const answered201 = [...finals.values()].filter((r) => r.status === 201);
    const summary = {
      kills,
      unknown_refunds_seen_at_kills: unknownAtKills,
      keys: KEYS,
      attempts,
      refunds: answered201.length,
      refused: [...finals.values()].filter((r) => r.status === 422).length,
      klarna_refunds: klarnaRefunds.length,
      duplicates: [...perKlarnaKey.values()].filter((n) => n > 1).length,
      lost: answered201.filter((r) => !atKlarna.has(r.body.klarna_id as string)).length,
      statuses,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(`REFUND-CRASH-TEST ${JSON.stringify(summary)}`);

    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(unknownAtKills).toBeGreaterThan(0);
    expect(overRefundedAtKills).toBe(0);
    expect(summary.duplicates).toBe(0);
    expect(summary.lost).toBe(0);
    expect(summary.refunds).toBeGreaterThan(0);
    expect(summary.refused).toBeGreaterThan(0);
    expect(finals.size).toBe(KEYS);
    // Every refund we answered 201 is our succeeded row, with Klarna's refund id; every refusal left no row.
    for (const item of plan) {
      const answer = finals.get(item.idem)!;
      const mine = rows.filter((r) => r.idempotency_key === item.idem);
      if (answer.status === 422) {
        expect([item.idem, answer.body.code, mine]).toEqual([item.idem, 'REFUND_EXCEEDS_CAPTURED', []]);
        continue;
      }
      expect(mine).toHaveLength(1);
      expect(answer.body).toMatchObject({
        id: mine[0].id,
        status: 'succeeded',
        amount: item.body.amount,
        klarna_id: mine[0].klarna_id,
      });
    }
    // Klarna's ledger and our rows agree, order by order: the same refunds, each Klarna key executed once, the
    // same amounts in the rows, the order and its API read, never more than captured.
    expect(rows.filter((r) => r.status !== 'succeeded')).toEqual([]);
    expect(klarnaRefunds).toHaveLength(rows.length);
    for (const o of orders) {
      const k = klarna.get(o.id)!;
      const mine = rows.filter((r) => r.order_id === o.id);
      expect(k.refunds.map((r) => [r.refund_id, r.refunded_amount]).sort()).toEqual(
        mine.map((r) => [r.klarna_id, Number(r.amount)]).sort(),
      );
      expect(k.refunds.map((r) => r.idempotency_key).sort()).toEqual(
        mine.map((r) => r.klarna_idempotency_key).sort(),
      );
      const read = await readOrder(t, key, o.id);
      expect(read.money).toMatchObject({ captured_amount: CAPTURED, refunded_amount: k.refunded_amount });
      expect(k.captured_amount).toBe(CAPTURED);
      expect(k.refunded_amount).toBe(mine.reduce((sum, r) => sum + Number(r.amount), 0));
      expect(k.refunded_amount).toBeLessThanOrEqual(CAPTURED);
    }
  }, 240_000); // ~30–90 s; CI runs other suites beside it on 2 cores
});
