import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FakeClock } from '../../src/common/clock/clock';
import { freePort } from '../../src/common/database/embedded-postgres';
import { OrderCompleterJob } from '../../src/charging/orders/order-completer.job';
import {
  createMerchant,
  httpRequest,
  startTestApp,
  type ApiResponse,
  type TestApp,
} from '../support/test-app';
import { TEST_ENV } from '../support/test-env';
import {
  activeToken,
  type ActiveToken,
  ledger,
  ORDER_PATH,
  orderBody,
  tokenOrderRequests,
} from './orders-helpers';

const ROOT = resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The service as a real child process, killed with SIGKILL at random moments while merchants charge tokens
 * (with retries, as merchants do) and started again. Afterwards the emulator's ledger must match our rows:
 * no order twice, none lost, none left unknown once the completer has run.
 */
describe('token orders: SIGKILL while charging', () => {
  let t: TestApp;
  let build: string;
  let port: number;
  let child: ChildProcess | undefined;
  let merchantKey: string;
  let tokens: ActiveToken[];
  const clock = new FakeClock(new Date('2026-03-01T09:00:00Z'));

  beforeAll(async () => {
    // Compile once (swc, ~2 s); package.json next to the output for the client's version import.
    build = mkdtempSync(join(tmpdir(), 'autopay-crash-'));
    execFileSync(
      join(ROOT, 'node_modules/.bin/swc'),
      ['src', '-d', join(build, 'out'), '--strip-leading-paths', '--quiet'],
      { cwd: ROOT, stdio: 'ignore' },
    );
    copyFileSync(join(ROOT, 'package.json'), join(build, 'package.json'));
    t = await startTestApp({ emulator: true, clock, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    const merchant = await createMerchant(t, 'Crashing');
    merchantKey = merchant.key;
    tokens = [await activeToken(t, merchantKey), await activeToken(t, merchantKey)];
    port = await freePort();
  }, 60_000);
  afterAll(async () => {
    // Every child this suite started is killed and has exited before its build is removed: a spare that was still
    // loading would otherwise die with "Cannot find module" (issue #17 item 8).
    await Promise.all([...children].map(stopProcess));
    await Promise.all(spares.map((p) => p.catch(() => undefined)));
    await t?.close();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  /** Every service process forked, until it has exited. */
  const children = new Set<ChildProcess>();
  const stopProcess = (proc: ChildProcess): Promise<void> =>
    proc.exitCode !== null || proc.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => {
          proc.once('exit', () => resolve());
          proc.kill('SIGKILL');
        });

  const childUrl = () => `http://127.0.0.1:${port}`;

  /** Initialized service processes, not yet listening: the next ones to take over after a kill. */
  const spares: Promise<ChildProcess>[] = [];

  function spawnSpare(): Promise<ChildProcess> {
    const proc = fork(join(__dirname, 'support/crash-service.mjs'), [join(build, 'out')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: {
        PATH: process.env.PATH,
        NODE_PATH: join(ROOT, 'node_modules'),
        ...TEST_ENV,
        DATABASE_URL: t.dbUrl,
        DATABASE_POOL_MAX: '10',
        KLARNA_BASE_URL: t.emulator!.url,
        RATE_LIMIT_PER_MINUTE: '1000000',
        KLARNA_TIMEOUT_MS: '500',
        KLARNA_CONNECT_TIMEOUT_MS: '500',
        KLARNA_MAX_RETRIES: '0',
        KLARNA_RETRY_BASE_DELAY_MS: '10',
        KLARNA_RETRY_MAX_DELAY_MS: '100',
        KLARNA_BREAKER_HALF_OPEN_MS: '300',
        // The child's own completer runs too, in real time, with a short lease.
        JOBS_ENABLED: 'true',
        ORDERS_ATTEMPT_LEASE_MS: '1500',
        ORDERS_COMPLETER_INTERVAL_MS: '300',
      },
    });
    children.add(proc);
    proc.once('exit', () => children.delete(proc));
    // An 'error' event without a listener would be thrown in this worker.
    proc.on('error', () => undefined);
    const ready = new Promise<ChildProcess>((resolve, reject) => {
      proc.once('message', () => resolve(proc));
      proc.once('exit', (code, signal) => reject(new Error(`service process exited with ${code ?? signal}`)));
    });
    // A spare nobody awaits any more (the suite ended, or failed) must not become an unhandled rejection, which
    // would abort the jest run; whoever takes the spare still sees the failure.
    ready.catch(() => undefined);
    return ready;
  }

  /** Lets a spare take over the port (and prepares another spare in the background). */
  async function startChild(): Promise<void> {
    while (spares.length < 2) spares.push(spawnSpare());
    const proc = await spares.shift()!;
    spares.push(spawnSpare());
    child = proc;
    const ready = new Promise((resolve, reject) => {
      proc.once('message', resolve);
      proc.once('exit', (code) => reject(new Error(`service exited with ${code}`)));
    });
    proc.send({ type: 'start', port });
    await ready;
  }

  async function killChild(): Promise<void> {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  }

  it('≥ 20 kills: 0 duplicates, 0 lost, nothing stuck unknown', async () => {
    const body = (i: number) => orderBody({ merchant_reference1: `crash-${i}` });
    // A little Klarna latency so that kills land between the commit and Klarna's answer, and a few lost answers.
    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      latency_ms: 40,
      lost_response_rate: 0.1,
      hang_rate: 0.05,
      hang_ms: 700,
      seed: 20,
      paths: ['^/customer-token/v1/tokens/[^/]+/order$'],
    });
    await startChild();

    let kills = 0;
    let orphaned = 0;
    let stop = false;
    const killer = (async () => {
      while (kills < 20) {
        await sleep(150 + Math.floor(Math.random() * 450));
        await killChild();
        kills += 1;
        // Attempts the dead process had committed but not finished (Klarna may or may not have them).
        const orphans = await t.db.query(
          `select count(*)::int as n from orders where status = 'unknown' and last_error is null`,
        );
        orphaned += orphans.rows[0].n as number;
        await startChild();
      }
      stop = true;
    })();

    // Merchants charge with fresh keys until the last kill; a key without a final answer is asked again later.
    const answers = new Map<number, ApiResponse>();
    const later: { i: number; due: number }[] = [];
    let attempts = 0;
    let keys = 0;
    const worker = async () => {
      while (!stop) {
        const retry = later.length > 0 && later[0].due <= Date.now() ? later.shift()! : undefined;
        const i = retry ? retry.i : keys++;
        attempts += 1;
        try {
          const res = await httpRequest(childUrl(), 'POST', ORDER_PATH(tokens[i % 2].id), {
            key: merchantKey,
            body: body(i),
            headers: { 'idempotency-key': `crash-${i}` },
          });
          if (res.status === 201 || res.status === 402) {
            answers.set(i, res);
            continue;
          }
          expect([202, 409, 503]).toContain(res.status);
        } catch {
          await sleep(30); // the service was killed mid-request, or is not listening yet
        }
        later.push({ i, due: Date.now() + 300 });
      }
    };
    await Promise.all([killer, ...Array.from({ length: 6 }, worker)]);
    await killChild();

    // What the crashed attempts left behind, finished by the completer (here: in-process, clock past the leases).
    await t.emulator!.request('DELETE', '/emulator/v1/faults');
    clock.set(Date.now() + 3600_000);
    const completer = t.app.get(OrderCompleterJob);
    for (let i = 0; i < 10; i++) {
      await completer.runOnce();
      const open = await t.db.query(`select count(*)::int as n from orders where status = 'unknown'`);
      if (open.rows[0].n === 0) break;
      clock.advance(15 * 60_000);
    }
    for (let i = 0; i < keys; i++) {
      if (answers.has(i)) continue;
      const res = await t.request('POST', ORDER_PATH(tokens[i % 2].id), {
        key: merchantKey,
        body: body(i),
        headers: { 'idempotency-key': `crash-${i}` },
      });
      answers.set(i, res);
    }

    const rows = (await t.db.query('select * from orders where idempotency_key like $1', ['crash-%'])).rows;
    const klarnaKeys = new Set(rows.map((r) => r.klarna_idempotency_key as string));
    const orders = (await ledger(t)).filter((o) => o.idempotency_key && klarnaKeys.has(o.idempotency_key));
    const perKey = new Map<string, number>();
    for (const o of orders) perKey.set(o.idempotency_key!, (perKey.get(o.idempotency_key!) ?? 0) + 1);
    const succeeded = new Set(rows.filter((r) => r.status === 'accepted').map((r) => r.klarna_order_id));
    const summary = {
      kills,
      unfinished_attempts_seen_at_kills: orphaned,
      keys,
      merchant_attempts: attempts,
      klarna_calls: (await tokenOrderRequests(t)).filter(
        (r) => r.idempotency_key && klarnaKeys.has(r.idempotency_key),
      ).length,
      ledger_orders: orders.length,
      duplicates: [...perKey.values()].filter((n) => n > 1).length,
      lost: orders.filter((o) => !succeeded.has(o.order_id)).length,
      unknown: rows.filter((r) => r.status === 'unknown').length,
    };
    console.log(`CRASH-TEST ${JSON.stringify(summary)}`);

    expect(kills).toBeGreaterThanOrEqual(20);
    expect(orphaned).toBeGreaterThan(0);
    expect(summary.duplicates).toBe(0);
    expect(summary.lost).toBe(0);
    expect(summary.unknown).toBe(0);
    expect(keys).toBeGreaterThan(20);
    expect(rows).toHaveLength(keys);
    expect(orders).toHaveLength(keys);
    for (let i = 0; i < keys; i++) {
      const answer = answers.get(i)!;
      expect(answer.status).toBe(201);
      const row = rows.find((r) => r.idempotency_key === `crash-${i}`);
      expect(answer.body).toMatchObject({
        id: row.id,
        status: 'accepted',
        klarna_order_id: row.klarna_order_id,
      });
    }
  }, 120_000);
});
