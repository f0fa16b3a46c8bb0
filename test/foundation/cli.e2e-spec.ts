import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

/** `npm run cli -- …` without npm's banner: the stale-check build, then the compiled CLI. */
function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/app/cli.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: undefined, NODE_ENV: 'development', LOG_LEVEL: 'error', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('operator CLI (npm run cli)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  }, 120_000);

  it('builds only when src/ changed since the last build', () => {
    const stamp = join(ROOT, 'dist/.build-stamp');
    const before = statSync(stamp).mtimeMs;
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    expect(statSync(stamp).mtimeMs).toBe(before);
  });

  it.each([[[]], [['--help']], [['-h']], [['help']]])('%j prints the usage on stdout and exits 0', (args) => {
    const res = cli(args);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('usage: npm run cli -- <command>');
    expect(res.stdout).toContain('create-admin-key');
    expect(res.stdout).toContain('rotate-keys');
    expect(res.stderr).toBe('');
  });

  it.each(['create-admin-key', 'rotate-keys'])('%s --help needs no DATABASE_URL and exits 0', (command) => {
    const res = cli([command, '--help']);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(`usage: npm run cli -- ${command}`);
    expect(res.stderr).toBe('');
  });

  it('names an unknown command on stderr and exits 2', () => {
    const res = cli(['rotate-key']);
    expect(res.status).toBe(2);
    expect(res.stderr.split('\n')[0]).toBe('unknown command: rotate-key');
    expect(res.stdout).toBe('');
  });

  it('a real command without DATABASE_URL says so and exits 1', () => {
    const res = cli(['rotate-keys']);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('DATABASE_URL');
  });

  it('create-admin-key issues a key that is stored hashed; rotate-keys ends with a summary line', async () => {
    const databaseUrl = await createTestDatabase();
    const issued = cli(['create-admin-key', '--name', 'ops'], { DATABASE_URL: databaseUrl });
    expect(issued.status).toBe(0);
    const key = JSON.parse(issued.stdout) as { id: string; role: string; name: string; key: string };
    expect(key).toMatchObject({ role: 'admin', name: 'ops' });
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const rows = await db.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [key.id]);
      expect(rows.rows).toHaveLength(1);
      expect(JSON.stringify(rows.rows[0])).not.toContain(key.key);
    } finally {
      await db.end();
    }
    const rotated = cli(['rotate-keys'], { DATABASE_URL: databaseUrl });
    expect(rotated.status).toBe(0);
    expect(rotated.stderr).toMatch(/^rotate-keys: \d+ rotated, 0 failed, 0 skipped in \d+ columns$/m);
  }, 120_000);

  it('rotate-keys shows a progress bar per encrypted column on a terminal, none when piped', async () => {
    const databaseUrl = await createTestDatabase();
    // script(1) gives the CLI a real terminal; its output is the terminal's, bar redraws included.
    const command = [process.execPath, join(ROOT, 'dist/app/cli.js'), 'rotate-keys'].join(' ');
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'development', LOG_LEVEL: 'error' },
      timeout: 60_000,
    });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/rotate-keys merchants\.klarna_password_enc \[[░█]+\] 0\/0/);
    expect(tty.stdout).toMatch(/rotate-keys webhook_endpoints\.secret_enc \[/);
    expect(tty.stdout).toMatch(/rotate-keys: 0 rotated, 0 failed, 0 skipped in \d+ columns/);
    const piped = cli(['rotate-keys'], { DATABASE_URL: databaseUrl });
    expect(piped.stderr).not.toMatch(/\[[░█]+\]/);
  }, 120_000);
});
