import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from './mikro-orm.config';

/** Arbitrary constant: the advisory lock that serializes migrations across instances starting together. */
const MIGRATION_LOCK_KEY = 727_431_001;

/**
 * Applies pending migrations as the connecting (owner) user while holding a PostgreSQL advisory lock on a
 * dedicated connection, so that two instances booting at once never run the same migration twice; the second
 * waits, then finds nothing to do. It uses its own short-lived ORM: the service's pool runs as the
 * least-privilege application role, which may not change the schema.
 */
export async function migrateWithLock(clientUrl: string): Promise<string[]> {
  const lock = new Client({ connectionString: clientUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const orm = await MikroORM.init(ormOptions(clientUrl, 1));
    try {
      const applied = await orm.getMigrator().up();
      return applied.map((m) => m.name);
    } finally {
      await orm.close(true);
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}
