// 100,000 due subscriptions charged by the scheduler against the emulator (0 ms latency): charges per second,
// 0 duplicates (ledger), flat memory. The emulator runs in its own process, as Klarna would be remote; the
// scheduler runs as several concurrent runOnce loops in this process, as several instances would.
'use strict';
const { Client } = require('pg');
const { startStack, api, report, dist } = require('./harness');
const { SubscriptionCharger } = require(dist('charging/subscriptions/subscription-charger'));
const { OrdersService } = require(dist('charging/orders/orders.service'));

const N = Number(process.env.BENCH_SUBSCRIPTIONS || 100_000);
const LOOPS = Number(process.env.BENCH_LOOPS || 4);
const TOKENS = Number(process.env.BENCH_SUBSCRIPTIONS_TOKENS || 20);

async function signUp(stack, emulatorUrl, key, i) {
  const must = (res, what) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const terms = must(
    await api(stack.url, 'POST', '/v1/terms', key, {
      key: `plan-${i}`,
      locale: 'sv-SE',
      title: 'Monthly plan',
      body: 'We charge your Klarna account once a month.',
      intended_use: 'SUBSCRIPTION',
      scope: { currency: 'SEK', max_order_amount: 5000, interval: 'MONTH', interval_count: 1 },
    }),
    'terms',
  );
  must(await api(stack.url, 'POST', `/v1/terms/${terms.id}/publish`, key), 'publish');
  const line = {
    type: 'digital',
    name: 'Free trial',
    quantity: 1,
    unit_price: 0,
    tax_rate: 2500,
    total_amount: 0,
    total_tax_amount: 0,
  };
  const session = must(
    await api(stack.url, 'POST', '/v1/sessions', key, {
      intent: 'tokenize',
      merchant_customer_id: `cust-${i}`,
      terms_id: terms.id,
      purchase_country: 'SE',
      purchase_currency: 'SEK',
      locale: 'sv-SE',
      order_amount: 0,
      order_tax_amount: 0,
      order_lines: [line],
    }),
    'session',
  );
  must(
    await api(stack.url, 'POST', `/v1/sessions/${session.id}/consents`, key, {
      terms_id: terms.id,
      accepted: true,
      acceptance_text: 'I agree to monthly charges.',
      ip_address: '203.0.113.7',
      user_agent: 'bench',
      channel: 'web',
      locale: 'sv-SE',
    }),
    'consent',
  );
  const authorized = await fetch(
    `${emulatorUrl}/emulator/v1/sessions/${session.klarna_session_id}/authorize`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ billing_address: { email: 'customer@email.se' } }),
    },
  ).then((r) => r.json());
  must(
    await api(stack.url, 'POST', `/v1/sessions/${session.id}/authorizations`, key, {
      authorization_token: authorized.authorization_token,
    }),
    'authorization',
  );
  return must(await api(stack.url, 'POST', '/v1/customer-tokens', key, { session_id: session.id }), 'token')
    .id;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);

module.exports = async function run() {
  const stack = await startStack({
    SUBSCRIPTIONS_BATCH_SIZE: process.env.BENCH_BATCH || '400',
    SUBSCRIPTIONS_CONCURRENCY: process.env.BENCH_CONCURRENCY || '48',
    SUBSCRIPTIONS_MERCHANT_CONCURRENCY: process.env.BENCH_BATCH || '400',
    DATABASE_POOL_MAX: '24',
  });
  const db = new Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    const merchant = await api(stack.url, 'POST', '/admin/v1/merchants', stack.adminKey, {
      name: 'Bench subs',
    });
    const key = (
      await api(stack.url, 'POST', `/admin/v1/merchants/${merchant.body.id}/api-keys`, stack.adminKey, {})
    ).body.key;
    await api(
      stack.url,
      'PUT',
      `/admin/v1/merchants/${merchant.body.id}/klarna-credentials`,
      stack.adminKey,
      {
        region: 'EU',
        environment: 'playground',
        username: 'bench',
        password: 'bench-secret',
      },
    );
    const tokens = [];
    for (let i = 0; i < TOKENS; i++) tokens.push(await signUp(stack, stack.emulatorUrl, key, i));

    // Seed N subscriptions due today (cycle 1 due at 00:00 UTC), spread over the tokens.
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
    const seedStarted = Date.now();
    await db.query(
      `insert into subscriptions (id, merchant_id, customer_token_id, status, interval, interval_count, start_date,
                                  "order", current_cycle, next_cycle, next_charge_at, created_at, updated_at)
       select 'sub_B' || lpad(i::text, 25, '0'), $1, ($2::text[])[1 + i % $3], 'active', 'MONTH', 1, $4::text,
              $5::jsonb, 0, 1, ($4::text || 'T00:00:00Z')::timestamptz, now(), now()
         from generate_series(1, $6) as i`,
      [merchant.body.id, tokens, tokens.length, today, JSON.stringify(order), N],
    );
    const seedMs = Date.now() - seedStarted;
    // As the consents bench after its bulk load: a production table of this size has statistics (autovacuum's
    // analyze). Without them the planner takes the 100,000 rows loaded in one statement for a handful, and the due
    // query sorts every due subscription for each batch of 400 (measured: 149-766 ms per batch at 100,000).
    await db.query('VACUUM ANALYZE subscriptions');
    await db.query('CHECKPOINT');

    // Time each charge: the orders path of its chunk (one claim statement, the Klarna calls side by side, one
    // statement recording the answers), counted once per order of the chunk.
    const latencies = [];
    const orders = stack.app.get(OrdersService);
    const chargeMany = orders.chargeMany.bind(orders);
    orders.chargeMany = async (charges) => {
      const t0 = performance.now();
      try {
        return await chargeMany(charges);
      } finally {
        const ms = performance.now() - t0;
        for (let i = 0; i < charges.length; i++) latencies.push(ms);
      }
    };

    const charger = stack.app.get(SubscriptionCharger);
    if (global.gc) global.gc();
    const rssStart = rssMb();
    let rssPeak = rssStart;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb())), 500);
    let errors = 0;
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const loop = async () => {
      let charged = 0;
      for (;;) {
        let n;
        try {
          n = await charger.runOnce();
        } catch (error) {
          errors++;
          console.error(error);
          continue;
        }
        if (n === 0) return charged;
        charged += n;
      }
    };
    const perLoop = await Promise.all(Array.from({ length: LOOPS }, loop));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    const rssEnd = rssMb();

    const ledger = (await fetch(`${stack.emulatorUrl}/emulator/v1/orders`).then((r) => r.json())).orders;
    const keys = new Set(ledger.map((o) => o.idempotency_key));
    const refs = new Set(ledger.map((o) => o.merchant_reference2));
    const cycles = (
      await db.query(
        `select status, count(*)::int as n from subscription_cycles group by status order by status`,
      )
    ).rows;
    const succeeded = cycles.find((c) => c.status === 'succeeded')?.n ?? 0;
    const sorted = latencies.sort((a, b) => a - b);
    report({
      name: 'subscriptions.charge-due',
      subscriptions: N,
      loops: LOOPS,
      charged: perLoop.reduce((a, b) => a + b, 0),
      seconds: Math.round(seconds * 10) / 10,
      target_s: 90,
      rps: Math.round(succeeded / seconds),
      // The service's CPU per charged cycle (the emulator and PostgreSQL run in other processes).
      cpu_ms_per_req: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, succeeded)).toFixed(3)),
      p50_ms: Math.round(percentile(sorted, 50) * 10) / 10,
      p99_ms: Math.round(percentile(sorted, 99) * 10) / 10,
      errors: errors + (N - succeeded),
      ledger_orders: ledger.length,
      duplicates: ledger.length - keys.size + (ledger.length - refs.size),
      cycles,
      seed_ms: seedMs,
      rss_mb_start: rssStart,
      rss_mb_peak: rssPeak,
      rss_mb_end: rssEnd,
    });
    if (ledger.length !== N || keys.size !== N || succeeded !== N) {
      throw new Error(
        `expected ${N} orders and cycles, got ledger ${ledger.length}, keys ${keys.size}, cycles ${succeeded}`,
      );
    }
  } finally {
    await db.end();
    await stack.stop();
  }
};
