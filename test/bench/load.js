// Load generator in its own process, so that its event loop and CPU do not count against the service's
// latency: `node test/bench/load.js` reads {url, connections, duration, overallRate?, headers, method?, body?,
// paths?, uniqueHeader?} on stdin, cycles through `paths` (one per request), gives `uniqueHeader` a fresh UUID per
// request, and prints the result as JSON on stdout in autocannon's shape ({requests: {average, total}, latency:
// {p50, p90, p99, max, mean}, errors, timeouts, non2xx}); with `overallRate` also `tail`, where the requests over
// `slowMs` (default 25) were (see tailShape).
//
// - With `overallRate`: constant arrival (open loop). Request i is due at start + i / rate, whatever happened to
//   the earlier ones, and its latency counts from that due time, so a slow server cannot slow the arrivals down
//   and hide its own queueing (no coordinated omission). autocannon's overallRate is not this: it sends each
//   second's quota as fast as the connections allow and then waits for the next second, so the requests arrive
//   in bursts at the start of every second and the latency measures the burst.
// - Without: autocannon as fast as `connections` allow (closed loop), for the maximum throughput.
'use strict';
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const autocannon = require('autocannon');

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const spec = JSON.parse(input);
  const result = spec.overallRate ? await constantArrival(spec) : await closedLoop(spec);
  process.stdout.write(JSON.stringify(result));
});

function closedLoop(spec) {
  let n = 0;
  return autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    headers: spec.headers,
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
}

/** Open loop at `overallRate` requests/s for `duration` s over at most `connections` keep-alive sockets. */
function constantArrival(spec) {
  const url = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const intervalMs = 1000 / spec.overallRate;
  const total = Math.round(spec.overallRate * spec.duration);
  const latencies = [];
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  let sent = 0;
  let done = 0;
  // Requests slower than `slowMs`, by the second they were due in: a stall shows as a few seconds with many.
  const slowMs = spec.slowMs ?? 25;
  const slow = [];

  return new Promise((resolve) => {
    const start = performance.now();
    const startEpochMs = Date.now();
    const finish = () => {
      const elapsedS = (performance.now() - start) / 1000;
      agent.destroy();
      latencies.sort((a, b) => a - b);
      const at = (q) =>
        latencies.length
          ? round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))])
          : 0;
      resolve({
        requests: { average: round(done / elapsedS), total: done, sent },
        latency: {
          p50: at(0.5),
          p90: at(0.9),
          p97_5: at(0.975),
          p99: at(0.99),
          max: at(1),
          mean: round(latencies.reduce((s, v) => s + v, 0) / Math.max(1, latencies.length)),
        },
        errors,
        timeouts,
        non2xx,
        duration: round(elapsedS),
        tail: tailShape(slow, slowMs),
        // The wall-clock time of second 0, so that the tail's seconds can be matched with the service's.
        start_epoch_ms: startEpochMs,
      });
    };
    const send = (dueAt, index) => {
      const headers = { ...spec.headers };
      if (spec.uniqueHeader) headers[spec.uniqueHeader] = randomUUID();
      if (spec.body) headers['content-length'] = Buffer.byteLength(spec.body);
      const path = spec.paths ? spec.paths[index % spec.paths.length] : url.pathname + url.search;
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method: spec.method ?? 'GET',
          headers,
          agent,
          timeout: 10_000,
        },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => {
            const latency = performance.now() - dueAt;
            latencies.push(latency);
            if (latency > slowMs) slow.push([Math.floor((dueAt - start) / 1000), latency]);
            if (res.statusCode < 200 || res.statusCode >= 300) non2xx += 1;
            if (++done === total) finish();
          });
        },
      );
      req.on('timeout', () => {
        timeouts += 1;
        req.destroy(new Error('timeout'));
      });
      req.on('error', () => {
        errors += 1;
        if (++done === total) finish();
      });
      req.end(spec.body);
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        send(start + sent * intervalMs, sent);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
    };
    tick();
  });
}

const round = (v) => Math.round(v * 100) / 100;

/**
 * Where the slow requests were: how many, in how many distinct seconds of the window, and the three seconds with
 * the most (`s`: the second they were due in, `n`: how many, `max_ms`: the slowest). Many slow requests in one or
 * two seconds are a stall (a pause of the process or of its machine); a few in every second are queueing.
 */
function tailShape(slow, slowMs) {
  const bySecond = new Map();
  for (const [second, latency] of slow) {
    const entry = bySecond.get(second) ?? { s: second, n: 0, max_ms: 0 };
    entry.n += 1;
    entry.max_ms = Math.max(entry.max_ms, round(latency));
    bySecond.set(second, entry);
  }
  const worst = [...bySecond.values()].sort((a, b) => b.n - a.n || b.max_ms - a.max_ms).slice(0, 3);
  return { over_ms: slowMs, requests: slow.length, seconds: bySecond.size, worst };
}
