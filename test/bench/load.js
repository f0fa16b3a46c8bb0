// Load generator in its own process, so that its event loop and CPU do not count against the service's
// latency: `node test/bench/load.js` reads {url, connections, duration, headers, method?, body?, paths} on stdin,
// cycles through `paths` (one per request) and prints autocannon's result as JSON on stdout.
'use strict';
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
        setupRequest: (req) => ({ ...req, path: spec.paths[n++ % spec.paths.length] }),
      },
    ],
  });
  process.stdout.write(JSON.stringify(result));
});
