// Load generator in its own process, so that its event loop and CPU do not count against the service's
// latency: `node test/bench/load.js` reads {url, connections, duration, overallRate?, headers, method?, body?,
// paths?, uniqueHeader?} on stdin, cycles through `paths` (one per request), gives `uniqueHeader` a fresh UUID per
// request, and prints autocannon's result as JSON on stdout.
'use strict';
const { randomUUID } = require('node:crypto');
const autocannon = require('autocannon');

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const spec = JSON.parse(input);
  let n = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    overallRate: spec.overallRate,
    headers: spec.headers,
    idReplacement: Boolean(spec.idReplacement),
    requests: [
      {
        method: spec.method ?? 'GET',
        body: spec.body,
        setupRequest: (req) => ({
          ...req,
          ...(spec.paths ? { path: spec.paths[n++ % spec.paths.length] } : {}),
          // A fresh value per request, e.g. an Idempotency-Key.
          ...(spec.uniqueHeader ? { headers: { ...req.headers, [spec.uniqueHeader]: randomUUID() } } : {}),
        }),
      },
    ],
  });
  process.stdout.write(JSON.stringify(result));
});
