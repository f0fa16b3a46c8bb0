// The base cost of a request, layer by layer (issue #16 item 1): the same closed-loop load (20 connections) on
// routes that each add one layer to the one before, all in the same run and process, so the differences are what
// each layer costs here:
//   auth.floor-fastify     a bare Fastify server in this process (no Nest, no hooks): Node + HTTP + JSON
//   auth.fastify-hooks     a plain route on the service's own Fastify instance: its hooks (request id, pino-http
//                          and MikroORM's request context as Nest middleware, metrics, audit hook, drain)
//   auth.nest-public       GET /health: + Nest's router, guards, throttler, interceptors, pipes (no key, no SQL)
//   auth.get-merchant      GET /v1/merchant authenticated: + the API-key check (cached) and one ORM read
// Every line carries the service process's CPU per request (`cpu_ms_per_req`).
'use strict';
const Fastify = require('fastify');
const { startStack, api, report, measure } = require('./harness');

const DURATION_S = Number(process.env.BENCH_AUTH_DURATION_S ?? 10);
const WARM_UP_S = Number(process.env.BENCH_AUTH_WARM_UP_S ?? 2);

module.exports = async function run() {
  const stack = await startStack(
    {},
    {
      beforeListen: (app) =>
        app
          .getHttpAdapter()
          .getInstance()
          .get('/bench/raw', async () => ({ status: 'ok' })),
    },
  );
  const bare = Fastify();
  bare.get('/', async () => ({ status: 'ok' }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const merchant = await api(stack.url, 'POST', '/admin/v1/merchants', stack.adminKey, { name: 'Bench' });
    const key = await api(
      stack.url,
      'POST',
      `/admin/v1/merchants/${merchant.body.id}/api-keys`,
      stack.adminKey,
      {},
    );
    const layers = [
      ['auth.floor-fastify', bareUrl, {}],
      ['auth.fastify-hooks', `${stack.url}/bench/raw`, {}],
      ['auth.nest-public', `${stack.url}/health`, {}],
      ['auth.get-merchant', `${stack.url}/v1/merchant`, { authorization: `Bearer ${key.body.key}` }],
    ];
    // Warm-up (JIT, caches), not reported.
    for (const [, url, headers] of layers)
      await measure({ url, headers, connections: 20, duration: WARM_UP_S });
    let previous;
    for (const [name, url, headers] of layers) {
      const figures = await measure({ url, headers, connections: 20, duration: DURATION_S });
      report({
        name,
        ...figures,
        duration_s: DURATION_S,
        // What this layer adds to the one before it, in service CPU per request.
        ...(previous
          ? { added_cpu_ms_per_req: Number((figures.cpu_ms_per_req - previous.cpu_ms_per_req).toFixed(3)) }
          : {}),
      });
      previous = figures;
    }
  } finally {
    await bare.close();
    await stack.stop();
  }
};
