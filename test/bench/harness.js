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
  const cpuStart = process.cpuUsage();
  const result = await loadInChild(spec);
  const cpu = process.cpuUsage(cpuStart);
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
    ...(result.tail ? { tail: result.tail } : {}),
  };
}

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
