// Shared pieces of the benchmarks. They run against the compiled service (`npm run bench` builds first into dist/;
// BENCH_DIST names another build, as the bench smoke test does), on DATABASE_URL's server when set (a scratch
// database is created and dropped) or else an embedded PostgreSQL.
'use strict';
require('reflect-metadata');
const path = require('node:path');
const { EntityManager } = require('@mikro-orm/postgresql');
const dist = (p) => path.join(process.env.BENCH_DIST ?? path.join(__dirname, '../../dist'), p);
const { createApp } = require(dist('app/app.factory'));
const { loadConfig } = require(dist('config/app-config'));
const { createScratchDatabase } = require(dist('common/database/scratch-database'));
const { freePort } = require(dist('common/database/embedded-postgres'));
const { ApiKeysService } = require(dist('merchants/api-keys/api-keys.service'));

/** The running stack's database, for the per-second sampler of measure(). */
let currentDbUrl = null;

const BENCH_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DEMO_SEED: 'false',
  RATE_LIMIT_PER_MINUTE: '100000000',
  ENCRYPTION_KEYS: `b1:${Buffer.alloc(32, 3).toString('base64')}`,
  BLIND_INDEX_KEY: Buffer.alloc(32, 4).toString('base64'),
  DATABASE_POOL_MAX: '20',
};

/** Starts the emulator, the service (on a scratch database) and returns handles plus an admin key. */
async function startStack(extraEnv = {}, { beforeListen } = {}) {
  const db = await createScratchDatabase(process.env.DATABASE_URL);
  currentDbUrl = db.url;
  const emulatorPort = await freePort();
  const config = loadConfig({
    ...BENCH_ENV,
    DATABASE_URL: db.url,
    KLARNA_BASE_URL: `http://127.0.0.1:${emulatorPort}`,
    JOBS_ENABLED: 'false',
    ...extraEnv,
  });
  const app = await createApp(config);
  if (beforeListen) beforeListen(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const emulator = await startEmulatorProcess(emulatorPort);
  const url = await app.getUrl();
  const em = app.get(EntityManager).fork();
  const adminKey = (
    await app.get(ApiKeysService).issue({ role: 'admin', merchantId: null, name: 'bench', em })
  ).secret;
  return {
    app,
    emulator,
    url: url.replace('[::1]', '127.0.0.1'),
    emulatorUrl: `http://127.0.0.1:${emulatorPort}`,
    dbUrl: db.url,
    adminKey,
    async stop() {
      currentDbUrl = null;
      await app.close();
      await emulator.stop();
      await db.drop();
    },
  };
}

/**
 * The standalone emulator (`npm run emulator`, dist/app/emulator-main.js) in its own process: Klarna is another
 * machine in production, so its CPU must not count as the service's latency. Merchant credentials bench:bench-secret.
 */
function startEmulatorProcess(port) {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [dist('app/emulator-main.js')], {
    env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_CREDENTIALS: 'bench:bench-secret' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator exited ${code} before it was ready`)));
    child.stdout.on('data', (chunk) => {
      if (!chunk.toString().includes('listening')) return;
      resolve({
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

async function api(baseUrl, method, p, key, body) {
  const res = await fetch(baseUrl + p, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Runs autocannon in a child process (see load.js) and resolves with its result. */
function loadInChild(spec) {
  const { spawn } = require('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'load.js')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load.js exited ${code}`)),
    );
    child.stdin.end(JSON.stringify(spec));
  });
}

/**
 * One measured window: the load in a child process (load.js), the service in this process, so this process's CPU
 * over the window is the service's (`cpu_ms_per_req`; the emulator runs apart too, so the figure is ~0 for the
 * emulator baseline runs, which do not touch this process). Answers the figures every BENCH line carries.
 */
async function measure(spec) {
  const sampler = spec.overallRate ? startSecondSampler() : null;
  const profiler = process.env.BENCH_CPU_PROFILE ? await startProfiler() : null;
  const cpuStart = process.cpuUsage();
  const result = await loadInChild(spec);
  const cpu = process.cpuUsage(cpuStart);
  if (profiler) await profiler.stop();
  const seconds = sampler ? await sampler.stop() : null;
  return {
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpu_ms_per_req: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, result.requests.total)).toFixed(3)),
    // The kernel's part (socket writes and reads): on this VM a round trip to PostgreSQL costs more here than in user space.
    cpu_sys_ms_per_req: Number((cpu.system / 1000 / Math.max(1, result.requests.total)).toFixed(3)),
    // Constant arrival only: where the requests over 25 ms were (load.js tailShape).
    ...(result.tail ? { tail: withCauses(result.tail, result.start_epoch_ms, seconds) } : {}),
    ...(seconds ? { service: windowSummary(seconds) } : {}),
  };
}

/**
 * What the service and its PostgreSQL did in each second of a constant-arrival window, to tell a slow second's
 * cause: the service's event-loop delay (`loop_max_ms`) and GC pauses (`gc_ms`), and the server's checkpoint
 * writes (`checkpoint_buffers`, 8 kB each), WAL written (`wal_kb`) and what its checkpointer was doing
 * (`checkpointer`: its wait event, e.g. CheckpointWriteDelay while a checkpoint is spread out, DataFileSync while
 * it fsyncs). PostgreSQL figures are server-wide, so another database's load shows too.
 */
function startSecondSampler() {
  const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
  const perSecond = monitorEventLoopDelay({ resolution: 10 });
  const whole = monitorEventLoopDelay({ resolution: 10 });
  perSecond.enable();
  whole.enable();
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  const seconds = [];
  const pending = [];
  let db = null;
  let previous = null;
  if (currentDbUrl) {
    const { Client } = require('pg');
    db = new Client({ connectionString: currentDbUrl });
    pending.push(db.connect().catch(() => (db = null)));
  }
  const serverFigures = async (entry) => {
    const { rows } = await db.query(
      `select (select buffers_checkpoint from pg_stat_bgwriter)::bigint as checkpoint_buffers,
              (pg_current_wal_lsn() - '0/0')::bigint as wal_bytes,
              (select coalesce(wait_event, 'running') from pg_stat_activity where backend_type = 'checkpointer')
                as checkpointer`,
    );
    const now = { buffers: Number(rows[0].checkpoint_buffers), wal: Number(rows[0].wal_bytes) };
    if (previous) {
      entry.checkpoint_buffers = now.buffers - previous.buffers;
      entry.wal_kb = Math.round((now.wal - previous.wal) / 1024);
    }
    entry.checkpointer = rows[0].checkpointer;
    previous = now;
  };
  const timer = setInterval(() => {
    const entry = { at: Date.now(), loop_max_ms: round(perSecond.max / 1e6), gc_ms: round(gcMs) };
    perSecond.reset();
    gcMs = 0;
    seconds.push(entry);
    if (db) pending.push(serverFigures(entry).catch(() => {}));
  }, 1000);
  return {
    async stop() {
      clearInterval(timer);
      gc.disconnect();
      perSecond.disable();
      whole.disable();
      await Promise.all(pending);
      if (db) await db.end().catch(() => {});
      seconds.whole = { loop_p99_ms: round(whole.percentile(99) / 1e6), loop_max_ms: round(whole.max / 1e6) };
      return seconds;
    },
  };
}

/** The window's event-loop delay (p99, max) and GC time in all. */
function windowSummary(seconds) {
  return { ...seconds.whole, gc_ms: round(seconds.reduce((sum, s) => sum + s.gc_ms, 0)) };
}

/** Each of the tail's worst seconds with what the sampler saw while its requests ran (that second and the next). */
function withCauses(tail, startEpochMs, seconds) {
  if (!seconds || !startEpochMs) return tail;
  const worst = tail.worst.map((w) => {
    const from = startEpochMs + w.s * 1000;
    const during = seconds.filter((s) => s.at > from && s.at <= from + 2000);
    if (during.length === 0) return w;
    const sum = (key) => during.reduce((total, s) => total + (s[key] ?? 0), 0);
    return {
      ...w,
      loop_max_ms: Math.max(...during.map((s) => s.loop_max_ms)),
      gc_ms: round(sum('gc_ms')),
      ...(during.some((s) => s.checkpointer !== undefined)
        ? {
            checkpoint_buffers: sum('checkpoint_buffers'),
            wal_kb: sum('wal_kb'),
            checkpointer: [...new Set(during.map((s) => s.checkpointer).filter(Boolean))].join(','),
          }
        : {}),
    };
  });
  return { ...tail, worst };
}

/** BENCH_CPU_PROFILE=<dir>: a V8 CPU profile of the service process per measured window, written to <dir>. */
async function startProfiler() {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, value) => (error ? reject(error) : resolve(value))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      const dir = process.env.BENCH_CPU_PROFILE;
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${Date.now()}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      console.log(`# CPU profile of the window: ${file}`);
    },
  };
}

const round = (v) => Math.round(v * 100) / 100;

/**
 * Writes out what the setup left behind before a measured window: a scratch database copied from its template,
 * its migrations and the bench's own seeding leave dirty pages and WAL that the checkpointer would otherwise write
 * during the window (it spreads a checkpoint over minutes), and every commit's WAL flush then waits behind those
 * writes. The consents bench does the same after its bulk load. CHECKPOINT needs a superuser, as DATABASE_URL and
 * the embedded server give.
 */
async function checkpoint(stack) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    await db.query('CHECKPOINT');
  } finally {
    await db.end();
  }
}

/** One line per scenario so that runs can be compared: `BENCH {json}`. */
function report(result) {
  console.log(`BENCH ${JSON.stringify(result)}`);
}

module.exports = { startStack, api, report, loadInChild, measure, checkpoint, dist, BENCH_ENV };
