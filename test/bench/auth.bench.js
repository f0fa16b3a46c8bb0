// Baseline: an authenticated read (API key lookup + one query) at full speed, to know the floor that every
// merchant request pays.
'use strict';
const autocannon = require('autocannon');
const { startStack, api, report } = require('./harness');

module.exports = async function run() {
  const stack = await startStack();
  try {
    const merchant = await api(stack.url, 'POST', '/admin/v1/merchants', stack.adminKey, { name: 'Bench' });
    const key = await api(
      stack.url,
      'POST',
      `/admin/v1/merchants/${merchant.body.id}/api-keys`,
      stack.adminKey,
      {},
    );
    const result = await autocannon({
      url: `${stack.url}/v1/merchant`,
      headers: { authorization: `Bearer ${key.body.key}` },
      connections: 20,
      duration: 10,
    });
    report({
      name: 'auth.get-merchant',
      rps: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      errors: result.errors + result.non2xx,
      duration_s: 10,
    });
  } finally {
    await stack.stop();
  }
};
