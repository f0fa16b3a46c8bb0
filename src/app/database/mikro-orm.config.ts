import { resolve } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Source folder of migrations and their snapshot (the same from src/ under jest and from dist/). */
export const MIGRATIONS_DIR = resolve(__dirname, '../../../src/app/database/migrations');

/** One MikroORM configuration for the app, the migration CLI and the tests. */
export function ormOptions(clientUrl: string, poolMax = 10): ReturnType<typeof defineConfig> {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Never: every request and job works in its own forked EntityManager.
    allowGlobalContext: false,
    pool: { min: 0, max: poolMax },
    debug: false,
    migrations: {
      path: MIGRATIONS_DIR,
      tableName: 'mikro_orm_migrations',
      migrationsList: MIGRATIONS,
      snapshot: true,
      snapshotName: '.snapshot-autopay',
      silent: true,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  });
}

/**
 * The least-privilege role the service works as (created by the migrations): full DML on ordinary tables,
 * SELECT and INSERT only on append-only ones, no DDL. Keep in sync with the migration that creates it.
 */
export const APP_DB_ROLE = 'autopay_app';

/**
 * The service's own options: every pooled connection switches to {@link APP_DB_ROLE} before first use, so that
 * PostgreSQL refuses what the application must never do (edit consent evidence or the audit log) even when
 * DATABASE_URL names the owner. Migrations use {@link ormOptions} (the owner) on their own connections.
 */
export function appOrmOptions(clientUrl: string, poolMax = 10): ReturnType<typeof defineConfig> {
  const options = ormOptions(clientUrl, poolMax);
  return {
    ...options,
    pool: {
      ...options.pool,
      afterCreate: (connection: Client, done: (error: Error | null, connection: Client) => void) => {
        connection.query(`SET ROLE ${APP_DB_ROLE}`).then(
          () => done(null, connection),
          (error: Error) => done(error, connection),
        );
      },
    },
  };
}
