import type { EntityManager } from '@mikro-orm/postgresql';
import type { EncryptedColumn } from '../../common/crypto/encrypted-columns';
import { sql } from '../../common/database/sql';

// Hand-written statements of master-key rotation (issue #15: one query file per feature). Table and column
// names come from the code's registry of encrypted columns (common/crypto/encrypted-columns), never from input.

export interface SecretRow {
  /** The row's primary key values, in the registry's `key` order. */
  key: string[];
  value: string;
}

const keyList = (target: EncryptedColumn): string => target.key.join(', ');
/** `($first, …)`: as many placeholders as the key has columns, numbered from `first`. */
const placeholders = (target: EncryptedColumn, first: number): string =>
  `(${target.key.map((_, i) => `$${first + i}`).join(', ')})`;

/**
 * Locks (SKIP LOCKED) up to `limit` rows after the key `after` (in key order; [] for the start) whose secret is
 * not under the active key.
 */
export async function lockStaleSecrets(
  em: EntityManager,
  target: EncryptedColumn,
  activePrefix: string,
  after: readonly string[],
  limit: number,
): Promise<SecretRow[]> {
  const from = after.length > 0 ? `and (${keyList(target)}) > ${placeholders(target, 4)}` : '';
  const rows = await sql<{ key: string[]; value: string }>(
    em,
    `select array[${keyList(target)}]::text[] as key, ${target.column} as value from ${target.table}
      where ${target.column} is not null and left(${target.column}, $1) <> $2 ${from}
      order by ${keyList(target)} limit $3 for update skip locked`,
    [activePrefix.length, activePrefix, limit, ...after],
  );
  return rows;
}

export async function writeSecret(
  em: EntityManager,
  target: EncryptedColumn,
  key: readonly string[],
  value: string,
): Promise<void> {
  await sql(
    em,
    `update ${target.table} set ${target.column} = $1 where (${keyList(target)}) = ${placeholders(target, 2)}`,
    [value, ...key],
  );
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
