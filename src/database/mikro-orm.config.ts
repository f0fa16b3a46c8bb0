import { resolve } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Source folder of migrations and their snapshot (the same from src/ under jest and from dist/). */
export const MIGRATIONS_DIR = resolve(__dirname, '../../src/database/migrations');

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
