import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FakeClock } from '../../src/common/clock/clock';
import type { Env } from '../../src/config/app-config';
import { freePort } from '../../src/common/database/embedded-postgres';
import type { TestApp } from './test-app';
import { TEST_ENV } from './test-env';

export const ROOT = resolve(__dirname, '../..');

/**
 * The V8 flags `npm start` and `npm run bench` give Node (package.json `config.node_flags`, see "Node's heap" in
 * docs/operators.md), for tests that start the service or the benchmarks themselves.
 */
export function serviceNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return (pkg.config.node_flags as string).split(' ');
}

/** The service as real child processes on one port, for tests that kill it with SIGKILL and start it again. */
export interface ServiceProcesses {
  /** Where the current process listens (the same port across restarts). */
  readonly url: string;
  /** Lets a spare take over the port (and prepares another spare in the background). */
  start(): Promise<void>;
  /** SIGKILL to the current process; resolves once it has exited. */
  kill(): Promise<void>;
  /** Kills every process started, waits for them, removes the build. */
  close(): Promise<void>;
}

/**
 * The service compiled with swc (~2 s) into a new temporary directory: `out/` as `npm run build` writes dist/, and
 * package.json next to it for the client's version import. Its code finds node_modules through NODE_PATH
 * (`${ROOT}/node_modules`). Whoever compiles removes the directory.
 */
export function compileService(prefix: string): string {
  const build = mkdtempSync(join(tmpdir(), prefix));
  execFileSync(
    join(ROOT, 'node_modules/.bin/swc'),
    ['src', '-d', join(build, 'out'), '--strip-leading-paths', '--quiet'],
    { cwd: ROOT, stdio: 'ignore' },
  );
  copyFileSync(join(ROOT, 'package.json'), join(build, 'package.json'));
  return build;
}

/**
 * Compiles the service once (compileService) and runs it as child processes against `dbUrl` and the emulator at `klarnaUrl`. Each child has
 * its jobs on, in real time, with short Klarna timeouts and a short attempt lease; `env` adds to or overrides
 * that. Spares are initialized ahead, so that taking over after a kill takes milliseconds, not seconds.
 */
export async function startServiceProcesses(options: {
  dbUrl: string;
  klarnaUrl: string;
  env?: Env;
}): Promise<ServiceProcesses> {
  const build = compileService('autopay-crash-');
  const port = await freePort();

  /** Every service process forked, until it has exited. */
  const children = new Set<ChildProcess>();
  /** Initialized service processes, not yet listening: the next ones to take over after a kill. */
  const spares: Promise<ChildProcess>[] = [];
  let current: ChildProcess | undefined;

  const stopProcess = (proc: ChildProcess): Promise<void> =>
    proc.exitCode !== null || proc.signalCode !== null
      ? Promise.resolve()
      : new Promise((done) => {
          proc.once('exit', () => done());
          proc.kill('SIGKILL');
        });

  function spawnSpare(): Promise<ChildProcess> {
    const proc = fork(join(__dirname, 'service-process.mjs'), [join(build, 'out')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: {
        PATH: process.env.PATH,
        NODE_PATH: join(ROOT, 'node_modules'),
        ...TEST_ENV,
        DATABASE_URL: options.dbUrl,
        DATABASE_POOL_MAX: '10',
        KLARNA_BASE_URL: options.klarnaUrl,
        RATE_LIMIT_PER_MINUTE: '1000000',
        KLARNA_TIMEOUT_MS: '500',
        KLARNA_CONNECT_TIMEOUT_MS: '500',
        KLARNA_MAX_RETRIES: '0',
        KLARNA_RETRY_BASE_DELAY_MS: '10',
        KLARNA_RETRY_MAX_DELAY_MS: '100',
        KLARNA_BREAKER_HALF_OPEN_MS: '300',
        // The child's own completers run too, in real time, with a short lease.
        JOBS_ENABLED: 'true',
        ORDERS_ATTEMPT_LEASE_MS: '1500',
        ORDERS_COMPLETER_INTERVAL_MS: '300',
        ...options.env,
      },
    });
    children.add(proc);
    proc.once('exit', () => children.delete(proc));
    // An 'error' event without a listener would be thrown in this worker.
    proc.on('error', () => undefined);
    const ready = new Promise<ChildProcess>((done, reject) => {
      proc.once('message', () => done(proc));
      proc.once('exit', (code, signal) => reject(new Error(`service process exited with ${code ?? signal}`)));
    });
    // A spare nobody awaits any more (the suite ended, or failed) must not become an unhandled rejection, which
    // would abort the jest run; whoever takes the spare still sees the failure.
    ready.catch(() => undefined);
    return ready;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    async start() {
      while (spares.length < 2) spares.push(spawnSpare());
      const proc = await spares.shift()!;
      spares.push(spawnSpare());
      current = proc;
      const ready = new Promise((done, reject) => {
        proc.once('message', done);
        proc.once('exit', (code) => reject(new Error(`service exited with ${code}`)));
      });
      proc.send({ type: 'start', port });
      await ready;
    },
    async kill() {
      const proc = current;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      await stopProcess(proc);
    },
    async close() {
      // Every child is killed and has exited before the build is removed: a spare that was still loading would
      // otherwise die with "Cannot find module" (issue #17 item 8).
      await Promise.all([...children].map(stopProcess));
      await Promise.all(spares.map((p) => p.catch(() => undefined)));
      rmSync(build, { recursive: true, force: true });
    },
  };
}

/**
 * Sets the emulator's faults for a crash test on the Klarna endpoint `path`: latency, so that kills land between our
 * commit and Klarna's answer, a few lost answers, and hangs past the children's 500 ms Klarna timeout.
 */
export async function setCrashFaults(t: TestApp, path: string, seed: number): Promise<void> {
  await t.emulator!.request('PUT', '/emulator/v1/faults', {
    latency_ms: 40,
    lost_response_rate: 0.1,
    hang_rate: 0.05,
    hang_ms: 700,
    seed,
    paths: [path],
  });
}

/**
 * After the last kill: the emulator's faults off, then what the killed processes left unknown finished by a
 * completer in the test's own app, its clock past every lease, until `table` has no unknown row (10 rounds at most).
 */
export async function completeUnknowns(
  t: TestApp,
  clock: FakeClock,
  completer: { runOnce(): Promise<number> },
  table: 'orders' | 'order_operations',
): Promise<void> {
  await t.emulator!.request('DELETE', '/emulator/v1/faults');
  clock.set(Date.now() + 3600_000);
  for (let i = 0; i < 10; i++) {
    await completer.runOnce();
    const open = await t.db.query(`select count(*)::int as n from ${table} where status = 'unknown'`);
    if (open.rows[0].n === 0) return;
    clock.advance(15 * 60_000);
  }
}
