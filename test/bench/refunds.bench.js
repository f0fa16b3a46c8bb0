// Refunds: POST /v1/orders/{id}/refunds, small partial refunds with a fresh Idempotency-Key each, spread over
// orders captured in full beforehand, against the emulator at 0 ms latency. Scenario (issue #14): 100 requests/s
// constant arrival for 60 s (p99 ≤ 25 ms, 0 errors). Baseline in the same run, its own line: the emulator's refund
// endpoint (POST /ordermanagement/v1/orders/{id}/refunds) called directly the same way; `ratio` = ours / baseline
// rps, `p50_ratio` and `p99_ratio` the latencies'. Knobs: BENCH_REFUNDS_RATE, BENCH_REFUNDS_DURATION_S,
// BENCH_REFUNDS_ORDERS (default: enough captured money for the run and the baseline).
'use strict';
const { randomUUID } = require('node:crypto');
const { startStack, api, report, measure, checkpoint } = require('./harness');
const { signUp, ORDER } = require('./orders.bench');

const RATE = Number(process.env.BENCH_REFUNDS_RATE ?? 100);
const DURATION_S = Number(process.env.BENCH_REFUNDS_DURATION_S ?? 60);
const WARM_UP_S = Math.min(3, DURATION_S);
const AMOUNT = 10;
// Enough captured money for the warm-up, the run and the baseline's refunds of the same Klarna orders, with room.
const ORDERS = Number(
  process.env.BENCH_REFUNDS_ORDERS ??
    Math.ceil((2.2 * RATE * (WARM_UP_S + DURATION_S) * AMOUNT) / ORDER.order_amount),
);

/** `count` token orders (captured when placed, the capture policy's default), a few at a time. */
async function placeOrders(stack, key, tokenId, count) {
  const orders = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, async () => {
        const res = await fetch(`${stack.url}/v1/customer-tokens/${tokenId}/orders`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify(ORDER),
        });
        const body = await res.json();
        if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(body)}`);
        return body;
      }),
    );
    orders.push(...batch);
  }
  const read = await api(stack.url, 'GET', `/v1/orders/${orders[0].id}`, key);
  if (read.body.money.captured_amount !== ORDER.order_amount) {
    throw new Error(`orders are not captured in full: ${JSON.stringify(read.body.money)}`);
  }
  return orders;
}

/** The load generator runs in its own process (harness.measure), cycling through the orders. */
function run({ paths, url, headers, keyHeader, body, durationS }) {
  return measure({
    url,
    paths,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    connections: 20,
    duration: durationS,
    overallRate: RATE,
    uniqueHeader: keyHeader,
  });
}

module.exports = async function runRefundsBench() {
  const stack = await startStack();
  try {
    const { key, tokenId } = await signUp(stack);
    const orders = await placeOrders(stack, key, tokenId, ORDERS);
    const ours = {
      url: stack.url,
      paths: orders.map((o) => `/v1/orders/${o.id}/refunds`),
      headers: { authorization: `Bearer ${key}` },
      keyHeader: 'idempotency-key',
      body: { amount: AMOUNT },
    };
    const emulator = {
      url: stack.emulatorUrl,
      paths: orders.map((o) => `/ordermanagement/v1/orders/${o.klarna_order_id}/refunds`),
      headers: { authorization: `Basic ${Buffer.from('bench:bench-secret').toString('base64')}` },
      keyHeader: 'klarna-idempotency-key',
      body: { refunded_amount: AMOUNT },
    };
    await checkpoint(stack);
    // Warm-up (JIT, pools), not reported.
    await run({ ...ours, durationS: WARM_UP_S });

    const constant = await run({ ...ours, durationS: DURATION_S });
    const base = await run({ ...emulator, durationS: DURATION_S });
    report({ name: `refunds.emulator-constant-${RATE}rps`, ...base, duration_s: DURATION_S });
    report({
      name: `refunds.constant-${RATE}rps`,
      ...constant,
      duration_s: DURATION_S,
      orders: ORDERS,
      target: { p99_ms: 25, errors: 0 },
      baseline_rps: base.rps,
      baseline_p50_ms: base.p50_ms,
      baseline_p99_ms: base.p99_ms,
      ratio: Number((constant.rps / Math.max(base.rps, 1)).toFixed(3)),
      p50_ratio: Number((constant.p50_ms / Math.max(base.p50_ms, 1)).toFixed(2)),
      p99_ratio: Number((constant.p99_ms / Math.max(base.p99_ms, 1)).toFixed(2)),
    });
  } finally {
    await stack.stop();
  }
};
