import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Replaces the database name of a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * An empty, throw-away database: on the server of `serverUrl` when given, else on a temporary embedded
 * PostgreSQL. Used by the migration CLI (create and drift check).
 */
export async function createScratchDatabase(serverUrl: string | undefined): Promise<ScratchDatabase> {
  const name = `autopay_scratch_${randomBytes(6).toString('hex')}`;
  if (!serverUrl) {
    const dir = join(tmpdir(), name);
    const db = await startEmbeddedPostgres({ dataDir: dir, database: name, persistent: false });
    return { url: db.url, drop: () => db.stop() };
  }
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const c = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
