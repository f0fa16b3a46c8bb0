import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../common/database/sql';

// Hand-written statements of master-key rotation (issue #15: one query file per feature). Table and column
// names come from the code's registry of encrypted columns, never from input.

export interface EncryptedColumn {
  table: string;
  column: string;
}

export interface SecretRow {
  id: string;
  value: string;
}

/** Locks (SKIP LOCKED) up to `limit` rows after `after` whose secret is not under the active key. */
export function lockStaleSecrets(
  em: EntityManager,
  target: EncryptedColumn,
  activePrefix: string,
  after: string,
  limit: number,
): Promise<SecretRow[]> {
  return sql<SecretRow>(
    em,
    `select id, ${target.column} as value from ${target.table}
      where ${target.column} is not null and left(${target.column}, $1) <> $2 and id > $3
      order by id limit $4 for update skip locked`,
    [activePrefix.length, activePrefix, after, limit],
  );
}

export async function writeSecret(em: EntityManager, target: EncryptedColumn, id: string, value: string) {
  await sql(em, `update ${target.table} set ${target.column} = $1 where id = $2`, [value, id]);
}

/** How many secrets of the column are still not under the active key. */
export async function countStaleSecrets(
  em: EntityManager,
  target: EncryptedColumn,
  activePrefix: string,
): Promise<number> {
  const [row] = await sql<{ count: string }>(
    em,
    `select count(*) as count from ${target.table} where ${target.column} is not null and left(${target.column}, $1) <> $2`,
    [activePrefix.length, activePrefix],
  );
  return Number(row.count);
}
