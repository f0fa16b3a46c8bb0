// Ten 1 MB deeply nested JSON bodies sent without any key, and how long GET /health waits meanwhile: what an
// anonymous client can cost the service before it knows who is calling (issue #13 item 8).
'use strict';
const { startStack, report } = require('./harness');

const BODIES = 10;
const SIZE = 1024 * 1024;

const BODY = {
  // The same size as one string: what moving 1 MB through HTTP and the parser costs anyway.
  flat: () => `{"deep":"${'x'.repeat(SIZE - 11)}"}`,
  // ~524,000 levels of arrays.
  nested: () => {
    const levels = Math.floor((SIZE - 10) / 2);
    return `{"deep":${'['.repeat(levels)}${']'.repeat(levels)}}`;
  },
};

async function timed(fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

module.exports = async function run() {
  const stack = await startStack({ BODY_LIMIT_BYTES: String(2 * SIZE) });
  try {
    for (const kind of Object.keys(BODY)) await scenario(stack, kind, BODY[kind]());
  } finally {
    await stack.stop();
  }
};

async function scenario(stack, kind, body) {
  const health = async () => (await fetch(`${stack.url}/health`)).status;
  await health();
  // Health alone, as the baseline.
  const idle = [];
  for (let i = 0; i < 20; i++) idle.push((await timed(health)).ms);
  // Health polled while the ten bodies are in flight.
  let done = false;
  const during = [];
  const poller = (async () => {
    while (!done) during.push((await timed(health)).ms);
  })();
  const burst = await timed(() =>
    Promise.all(
      Array.from({ length: BODIES }, () =>
        fetch(`${stack.url}/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).then(async (res) => {
          await res.text();
          return res.status;
        }),
      ),
    ),
  );
  done = true;
  await poller;
  report({
    name: `deep-json.anonymous-burst.${kind}`,
    bodies: BODIES,
    body_bytes: body.length,
    statuses: [...new Set(burst.result)],
    burst_ms: Math.round(burst.ms),
    health_idle_max_ms: Math.round(Math.max(...idle)),
    health_during_max_ms: Math.round(Math.max(...during)),
    health_during_samples: during.length,
  });
}
