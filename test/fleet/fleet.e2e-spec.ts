import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { SystemClock } from '../../src/common/clock/clock';
import { freePort } from '../../src/common/database/embedded-postgres';
import {
  createMerchant,
  httpRequest,
  startTestApp,
  type ApiResponse,
  type TestApp,
} from '../support/test-app';
import { TEST_ENV } from '../support/test-env';
import { serviceNodeFlags } from '../support/service-processes';
import { EVENT_TYPES } from '../../src/events/event-types';
import { activeToken, type ActiveToken, ledger, ORDER_PATH, orderBody } from '../orders/orders-helpers';

const ROOT = resolve(__dirname, '../..');
const HAPROXY = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ORDERS = 1000;
// The issue's full size (51.7 s for the cycles with this test alone on 2 vCPUs); FLEET_CYCLES scales it.
const CYCLES = Number(process.env.FLEET_CYCLES ?? 10000);

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** What is missing on this machine for the fleet test, or null. */
async function missingTools(): Promise<string | null> {
  try {
    execFileSync(HAPROXY, ['-v'], { stdio: 'ignore' });
  } catch {
    return `HAProxy is not installed at ${HAPROXY} (Debian: apt-get install haproxy; .ci/run does it)`;
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    return `no Redis answers at ${REDIS_URL} (Debian: apt-get install redis-server and start it; .ci/run does it)`;
  } finally {
    redis.disconnect();
  }
  return null;
}

/**
 * Three instances of the built service (dist/app/main.js) on one PostgreSQL database and one Redis, behind
 * HAProxy (health checks on /health/ready), against the emulator: instances are killed and restarted while
 * merchants charge tokens and subscriptions come due; keys are rate-limited and revoked fleet-wide; a rolling
 * restart under load loses no request. Figures go to the `FLEET` line.
 */
describe('a fleet of three instances behind HAProxy', () => {
  let t: TestApp;
  let build: string;
  let proxyUrl: string;
  let haproxy: ChildProcess | undefined;
  let hooks: Server;
  const received = new Map<string, number>();
  const ports: number[] = [];
  const procs: (ChildProcess | undefined)[] = [undefined, undefined, undefined];
  const prefix = `autopay-fleet-${randomBytes(4).toString('hex')}:`;
  let merchant: { id: string; key: string };
  let tokens: ActiveToken[];
  const figures: Record<string, unknown> = {};
  let instanceEnv: Record<string, string> = {};
  let endpointCreatedAt: string;

  beforeAll(async () => {
    const missing = await missingTools();
    if (missing) throw new Error(`The fleet test cannot run: ${missing}.`);
    build = mkdtempSync(join(tmpdir(), 'autopay-fleet-'));
    execFileSync(
      join(ROOT, 'node_modules/.bin/swc'),
      ['src', '-d', join(build, 'out'), '--strip-leading-paths', '--quiet', '--copy-files'],
      { cwd: ROOT, stdio: 'ignore' },
    );
    copyFileSync(join(ROOT, 'package.json'), join(build, 'package.json'));
    t = await startTestApp({
      emulator: true,
      clock: new SystemClock(),
      env: { RATE_LIMIT_PER_MINUTE: '1000000' },
    });
    merchant = await createMerchant(t, 'Fleet');
    const subscriptionTerms = {
      intended_use: 'SUBSCRIPTION',
      scope: { currency: 'SEK', max_order_amount: 5000, interval: 'MONTH', interval_count: 1 },
    };
    tokens = [];
    for (let i = 0; i < 4; i++) tokens.push(await activeToken(t, merchant.key, subscriptionTerms));

    // The merchant's webhook endpoint: counts deliveries per event.
    hooks = createServer((req, res) => {
      const id = String(req.headers['autopay-event-id']);
      received.set(id, (received.get(id) ?? 0) + 1);
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
    const hookPort = (hooks.address() as { port: number }).port;
    const endpoint = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: `http://127.0.0.1:${hookPort}/hooks`, events: [...EVENT_TYPES] },
    });
    if (endpoint.status !== 201) throw new Error(`webhook endpoint: ${endpoint.status} ${endpoint.text}`);
    endpointCreatedAt = endpoint.body.created_at as string;

    for (let i = 0; i < 3; i++) ports.push(await freePort());
    instanceEnv = {
      PATH: process.env.PATH ?? '',
      NODE_PATH: join(ROOT, 'node_modules'),
      ...(TEST_ENV as Record<string, string>),
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      DATABASE_URL: t.dbUrl,
      DATABASE_POOL_MAX: '16',
      KLARNA_BASE_URL: t.emulator!.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      RATE_LIMIT_PER_MINUTE: '1000000',
      API_KEY_CACHE_SECONDS: '60',
      // Generous: the emulator shares this process and the machine with the whole suite.
      KLARNA_TIMEOUT_MS: '3000',
      KLARNA_BREAKER_THRESHOLD: '100',
      KLARNA_CONNECT_TIMEOUT_MS: '500',
      KLARNA_MAX_RETRIES: '1',
      KLARNA_RETRY_BASE_DELAY_MS: '10',
      KLARNA_RETRY_MAX_DELAY_MS: '100',
      JOBS_ENABLED: 'true',
      ORDERS_ATTEMPT_LEASE_MS: '3000',
      ORDERS_COMPLETER_INTERVAL_MS: '300',
      SUBSCRIPTIONS_POLL_INTERVAL_MS: '200',
      SUBSCRIPTIONS_BATCH_SIZE: '100',
      SUBSCRIPTIONS_CONCURRENCY: '16',
      SUBSCRIPTIONS_MERCHANT_CONCURRENCY: '100',
      SUBSCRIPTIONS_CLAIM_LEASE_MS: '4000',
      WEBHOOKS_POLL_INTERVAL_MS: '200',
      WEBHOOKS_BATCH_SIZE: '100',
      WEBHOOKS_CONCURRENCY: '20',
      SHUTDOWN_UNREADY_MS: '3000',
      SHUTDOWN_GRACE_SECONDS: '20',
    };
    await Promise.all([0, 1, 2].map((i) => startInstance(i)));

    const proxyPort = await freePort();
    proxyUrl = `http://127.0.0.1:${proxyPort}`;
    // Retrying on another server is safe: reads are idempotent and every POST carries an Idempotency-Key.
    writeFileSync(
      join(build, 'haproxy.cfg'),
      [
        'global',
        '  maxconn 4096',
        'defaults',
        '  mode http',
        '  timeout connect 1s',
        // A busy machine may take a while to answer a readiness check; a timed-out check takes a server out.
        '  timeout check 5s',
        '  timeout client 30s',
        '  timeout server 30s',
        '  retries 3',
        '  option redispatch 1',
        '  retry-on conn-failure empty-response',
        'frontend api',
        `  bind 127.0.0.1:${proxyPort}`,
        '  default_backend fleet',
        'backend fleet',
        '  balance roundrobin',
        '  option httpchk GET /health/ready',
        '  default-server inter 300 fall 3 rise 1',
        ...ports.map((port, i) => `  server s${i} 127.0.0.1:${port} check`),
        '',
      ].join('\n'),
    );
    haproxy = spawn(HAPROXY, ['-db', '-f', join(build, 'haproxy.cfg')], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      const up = await httpRequest(proxyUrl, 'GET', '/health/ready').catch(() => undefined);
      if (up?.status === 200) break;
      await sleep(100);
    }
  }, 120_000);

  afterAll(async () => {
    for (const proc of [...procs, haproxy]) {
      if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    }
    hooks?.closeAllConnections();
    hooks?.close();
    await t?.close();
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
    redis.on('error', () => undefined);
    await redis
      .connect()
      .then(async () => {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
      })
      .catch(() => undefined);
    redis.disconnect();
    console.log(`FLEET ${JSON.stringify(figures)}`);
    if (build) rmSync(build, { recursive: true, force: true });
  }, 30_000);

  const direct = (i: number) => `http://127.0.0.1:${ports[i]}`;

  async function startInstance(i: number, env: Record<string, string> = {}): Promise<void> {
    const log = openSync(join(build, `instance-${i}.log`), 'a');
    const proc = spawn(
      process.execPath,
      ['--enable-source-maps', ...serviceNodeFlags(), join(build, 'out/app/main.js')],
      { cwd: build, env: { ...instanceEnv, PORT: String(ports[i]), ...env }, stdio: ['ignore', log, log] },
    );
    procs[i] = proc;
    for (let n = 0; n < 300; n++) {
      if (proc.exitCode !== null) {
        throw new Error(`instance ${i} exited: ${readFileSync(join(build, `instance-${i}.log`), 'utf8')}`);
      }
      const res = await httpRequest(direct(i), 'GET', '/health/ready').catch(() => undefined);
      if (res?.status === 200) return;
      await sleep(100);
    }
    throw new Error(`instance ${i} did not become ready`);
  }

  async function kill(i: number): Promise<void> {
    const proc = procs[i]!;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  }

  async function stopGracefully(i: number): Promise<number | null> {
    const proc = procs[i]!;
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    proc.kill('SIGTERM');
    return exited;
  }

  it('1,000 token orders over the fleet while one instance is SIGKILLed and restarted: 0 duplicates, 0 lost', async () => {
    const body = (i: number) => orderBody({ merchant_reference1: `fleet-${i}` });
    const cpuBefore = procs.map((p) => cpuSeconds(p!.pid!));
    const wal = async () =>
      (await t.db.query(`select pg_current_wal_lsn() - '0/0'::pg_lsn as b`)).rows[0].b as string;
    const stats = async () =>
      (
        await t.db.query(
          `select xact_commit::bigint as x, (tup_inserted + tup_updated + tup_deleted)::bigint as w
             from pg_stat_database where datname = current_database()`,
        )
      ).rows[0] as { x: string; w: string };
    const walBefore = BigInt(await wal());
    const statsBefore = await stats();

    let next = 0;
    let done = 0;
    const retries: number[] = [];
    const statuses: Record<string, number> = {};
    let killed = false;
    const started = Date.now();
    const worker = async () => {
      for (;;) {
        const i = retries.length > 0 ? retries.shift()! : next < ORDERS ? next++ : -1;
        if (i < 0) {
          if (done >= ORDERS) return;
          await sleep(50);
          continue;
        }
        let res: ApiResponse | undefined;
        try {
          res = await httpRequest(proxyUrl, 'POST', ORDER_PATH(tokens[i % tokens.length].id), {
            key: merchant.key,
            body: body(i),
            headers: { 'idempotency-key': `fleet-${i}` },
          });
        } catch {
          res = undefined;
        }
        const status = res ? `${res.status}${res.body?.code ? ` ${res.body.code}` : ''}` : 'network';
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (res?.status === 201) {
          done += 1;
        } else {
          // As a merchant does: the same Idempotency-Key again a little later.
          setTimeout(() => retries.push(i), 300);
        }
      }
    };
    const killer = (async () => {
      while (done < 300) await sleep(20);
      await kill(0);
      killed = true;
      await startInstance(0);
    })();
    await Promise.all([killer, ...Array.from({ length: 16 }, worker)]);
    const elapsed = Date.now() - started;
    const cpu = procs.map((p, i) => cpuSeconds(p!.pid!) - (i === 0 ? 0 : cpuBefore[i]));
    const walBytes = Number(BigInt(await wal()) - walBefore);
    const statsAfter = await stats();

    const rows = (await t.db.query(`select * from orders where idempotency_key like 'fleet-%'`)).rows;
    const klarnaKeys = new Set(rows.map((r) => r.klarna_idempotency_key as string));
    const orders = (await ledger(t)).filter((o) => o.idempotency_key && klarnaKeys.has(o.idempotency_key));
    const perKey = new Map<string, number>();
    for (const o of orders) perKey.set(o.idempotency_key!, (perKey.get(o.idempotency_key!) ?? 0) + 1);
    const accepted = new Set(rows.filter((r) => r.status === 'accepted').map((r) => r.klarna_order_id));
    figures.orders = {
      orders: ORDERS,
      seconds: elapsed / 1000,
      statuses,
      ledger_orders: orders.length,
      duplicates: [...perKey.values()].filter((n) => n > 1).length,
      lost: orders.filter((o) => !accepted.has(o.order_id)).length,
      // Whole-fleet figures for the capacity model (the killed instance's CPU before the kill is not counted, so
      // this is a lower bound; WAL is the whole server's, other databases included, so an upper bound).
      service_cpu_ms_per_order: Math.round((cpu.reduce((a, b) => a + b, 0) * 1000 * 100) / ORDERS) / 100,
      wal_bytes_per_order: Math.round(walBytes / ORDERS),
      transactions_per_order: Math.round((Number(statsAfter.x) - Number(statsBefore.x)) / ORDERS),
      rows_written_per_order: Math.round((Number(statsAfter.w) - Number(statsBefore.w)) / ORDERS),
    };
    expect(killed).toBe(true);
    expect(rows).toHaveLength(ORDERS);
    expect(rows.filter((r) => r.status !== 'accepted')).toEqual([]);
    expect(orders).toHaveLength(ORDERS);
    expect(figures.orders).toMatchObject({ duplicates: 0, lost: 0 });
  }, 90_000);

  it(`${CYCLES} subscription cycles charged by the fleet while one instance is SIGKILLed: ledger and rows agree`, async () => {
    const today = new Date().toISOString().slice(0, 10);
    const order = {
      purchase_currency: 'SEK',
      order_amount: 1000,
      order_tax_amount: 200,
      order_lines: [
        {
          type: 'digital',
          name: 'Monthly plan',
          quantity: 1,
          unit_price: 1000,
          tax_rate: 2500,
          total_amount: 1000,
          total_tax_amount: 200,
          subscription: { name: 'Monthly plan', interval: 'MONTH', interval_count: 1 },
        },
      ],
    };
    const started = Date.now();
    await t.db.query(
      `insert into subscriptions (id, merchant_id, customer_token_id, status, interval, interval_count, start_date,
                                  "order", current_cycle, next_cycle, next_charge_at, created_at, updated_at)
       select 'sub_F' || lpad(i::text, 25, '0'), $1, ($2::text[])[1 + i % $3], 'active', 'MONTH', 1, $4::text,
              $5::jsonb, 0, 1, ($4::text || 'T00:00:00Z')::timestamptz, now(), now()
         from generate_series(1, $6) as i`,
      [merchant.id, tokens.map((x) => x.id), tokens.length, today, JSON.stringify(order), CYCLES],
    );
    const charged = async () =>
      (
        await t.db.query(
          `select count(*)::int as n from subscription_cycles where status = 'succeeded' and subscription_id like 'sub_F%'`,
        )
      ).rows[0].n as number;
    let killedAt = -1;
    for (let n = 0; n < 6000; n++) {
      const c = await charged();
      if (killedAt < 0 && c >= CYCLES / 4) {
        killedAt = c;
        await kill(1);
        await startInstance(1);
      }
      if (c >= CYCLES) break;
      await sleep(100);
    }
    const seconds = (Date.now() - started) / 1000;
    const rows = (
      await t.db.query(
        `select c.status, c.order_id, o.klarna_order_id, o.klarna_idempotency_key
           from subscription_cycles c left join orders o on o.id = c.order_id
          where c.subscription_id like 'sub_F%'`,
      )
    ).rows;
    const keys = new Set(rows.map((r) => r.klarna_idempotency_key as string));
    const orders = (await ledger(t)).filter((o) => o.idempotency_key && keys.has(o.idempotency_key));
    const perKey = new Map<string, number>();
    for (const o of orders) perKey.set(o.idempotency_key!, (perKey.get(o.idempotency_key!) ?? 0) + 1);
    const ours = new Set(rows.map((r) => r.klarna_order_id));
    figures.subscriptions = {
      cycles: CYCLES,
      seconds,
      cycles_per_second: Math.round(CYCLES / seconds),
      killed_after: killedAt,
      ledger_orders: orders.length,
      duplicates: [...perKey.values()].filter((n) => n > 1).length,
      lost: orders.filter((o) => !ours.has(o.order_id)).length,
    };
    expect(killedAt).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status === 'succeeded')).toHaveLength(CYCLES);
    expect(new Set(rows.map((r) => r.order_id)).size).toBe(CYCLES);
    expect(orders).toHaveLength(CYCLES);
    expect(figures.subscriptions).toMatchObject({ duplicates: 0, lost: 0 });
  }, 600_000);

  it('a key revoked through one instance is refused by the other two within 1 s', async () => {
    const created = await httpRequest(direct(0), 'POST', `/admin/v1/merchants/${merchant.id}/api-keys`, {
      key: t.adminKey,
      body: {},
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    // Each instance has the key cached (API_KEY_CACHE_SECONDS is 60 here).
    for (const i of [0, 1, 2]) {
      expect((await httpRequest(direct(i), 'GET', '/v1/merchant', { key })).status).toBe(200);
    }
    const revoked = await httpRequest(direct(0), 'DELETE', `/admin/v1/api-keys/${created.body.id}`, {
      key: t.adminKey,
    });
    expect(revoked.status).toBe(204);
    const at = Date.now();
    const refusedAfter: number[] = [];
    for (const i of [1, 2]) {
      while ((await httpRequest(direct(i), 'GET', '/v1/merchant', { key })).status !== 401) {
        if (Date.now() - at > 5000) break;
        await sleep(10);
      }
      refusedAfter.push(Date.now() - at);
    }
    figures.revocation_ms = refusedAfter;
    expect(Math.max(...refusedAfter)).toBeLessThan(1000);
  });

  it('a rolling restart of all three under 100 requests/s: no client error through HAProxy', async () => {
    // Enough keys that none nears the limit the restarted instances have (60 a minute).
    const keys: string[] = [];
    for (let i = 0; i < 150; i++) {
      const res = await t.request('POST', `/admin/v1/merchants/${merchant.id}/api-keys`, {
        key: t.adminKey,
        body: {},
      });
      keys.push(res.body.key as string);
    }
    const statuses: Record<string, number> = {};
    let sent = 0;
    let stop = false;
    const inFlight: Promise<void>[] = [];
    const load = (async () => {
      const started = Date.now();
      while (!stop) {
        const n = sent++;
        const key = keys[n % keys.length];
        const request =
          n % 4 === 0
            ? httpRequest(proxyUrl, 'POST', ORDER_PATH(tokens[n % tokens.length].id), {
                key,
                body: orderBody({ merchant_reference1: `roll-${n}` }),
                headers: { 'idempotency-key': `roll-${n}` },
              })
            : httpRequest(proxyUrl, 'GET', '/v1/merchant', { key });
        inFlight.push(
          request.then(
            (res) => {
              const status =
                res.status < 300
                  ? String(res.status)
                  : `${res.status} ${res.body?.code ?? res.text.slice(0, 60)}`;
              statuses[status] = (statuses[status] ?? 0) + 1;
            },
            () => void (statuses.network = (statuses.network ?? 0) + 1),
          ),
        );
        // 100 a second, on schedule.
        await sleep(Math.max(0, started + sent * 10 - Date.now()));
      }
    })();
    await sleep(500);
    const exitCodes: (number | null)[] = [];
    for (const i of [0, 1, 2]) {
      exitCodes.push(await stopGracefully(i));
      await startInstance(i, { RATE_LIMIT_PER_MINUTE: '60' });
      await sleep(800); // HAProxy's check marks it up again
    }
    await sleep(500);
    stop = true;
    await load;
    await Promise.all(inFlight);
    figures.rolling_restart = { requests: sent, statuses, exit_codes: exitCodes };
    expect(exitCodes).toEqual([0, 0, 0]);
    const errors = sent - (statuses[200] ?? 0) - (statuses[201] ?? 0);
    expect({ errors, statuses }).toEqual({ errors: 0, statuses: expect.anything() });
  }, 90_000);

  it('a key limited to 60 requests a minute gets 60 ± 3 successes across the fleet', async () => {
    const created = await t.request('POST', `/admin/v1/merchants/${merchant.id}/api-keys`, {
      key: t.adminKey,
      body: {},
    });
    const key = created.body.key as string;
    const statuses: Record<string, number> = {};
    // 120 requests, round-robin over the three instances through HAProxy, within a few seconds.
    for (let batch = 0; batch < 12; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          httpRequest(proxyUrl, 'GET', '/v1/merchant', { key }).then(
            (res) => void (statuses[res.status] = (statuses[res.status] ?? 0) + 1),
          ),
        ),
      );
    }
    figures.rate_limit = statuses;
    expect(statuses[200]).toBeGreaterThanOrEqual(57);
    expect(statuses[200]).toBeLessThanOrEqual(63);
    expect((statuses[200] ?? 0) + (statuses[429] ?? 0)).toBe(120);
  });

  it('every event is delivered to the endpoint (duplicates counted)', async () => {
    const pending = async () =>
      (await t.db.query(`select count(*)::int as n from webhook_deliveries where status = 'pending'`)).rows[0]
        .n as number;
    // A killed instance's claimed deliveries wait for their lease (the timeout plus 15 s) and are sent again.
    for (let n = 0; n < 450 && (await pending()) > 0; n++) await sleep(100);
    const events = (
      await t.db.query(
        `select e.id from events e where e.merchant_id = $1 and e.type = any($2::text[]) and e.created_at >= $3`,
        [merchant.id, [...EVENT_TYPES], endpointCreatedAt],
      )
    ).rows;
    const missingIds = events.map((e) => e.id as string).filter((id) => !received.has(id));
    const missing = missingIds.length;
    // Where the missing ones stand (no row at all, or a row's status, attempts and last error).
    const missingState = (
      await t.db.query(
        `select coalesce(d.status, 'no delivery') as status, coalesce(d.attempt_count, 0) as attempts,
                d.last_error, ev.type, round(extract(epoch from d.next_attempt_at - now())) as due_in_s,
                round(extract(epoch from d.locked_until - now())) as locked_for_s, count(*)::int as n
           from unnest($1::text[]) as m(id) join events ev on ev.id = m.id
           left join webhook_deliveries d on d.event_id = m.id
          group by 1, 2, 3, 4, 5, 6`,
        [missingIds],
      )
    ).rows;
    const duplicates = [...received.values()].filter((n) => n > 1).length;
    figures.webhooks = {
      events: events.length,
      delivered: received.size,
      missing,
      ...(missing > 0 ? { missing_state: missingState } : {}),
      duplicate_events: duplicates,
      extra_deliveries: [...received.values()].reduce((a, n) => a + n - 1, 0),
    };
    expect(events.length).toBeGreaterThan(ORDERS);
    expect(missing).toBe(0);
  }, 60_000);
});
