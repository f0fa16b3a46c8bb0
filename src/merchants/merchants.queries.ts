import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOne } from '../common/database/sql';
import type { KlarnaEnvironment, KlarnaRegion } from './merchant.entity';

// Every hand-written statement of merchants (one query file per feature): the read on request paths. A MikroORM
// findOne costs about 1 ms of CPU (query building, an unprepared statement PostgreSQL parses and plans each
// time, the identity map); a prepared statement through sql() about 0.1 ms. Writes stay with the ORM.

/** A merchant's row, with its encrypted Klarna password to call Klarna on its behalf. */
export interface MerchantRow {
  id: string;
  name: string;
  created_at: string;
  klarna_region: KlarnaRegion | null;
  klarna_environment: KlarnaEnvironment | null;
  klarna_base_url: string | null;
  klarna_username: string | null;
  klarna_password_enc: string | null;
}

export function merchantById(em: EntityManager, id: string): Promise<MerchantRow | undefined> {
  return sqlOne<MerchantRow>(
    em,
    `select id, name, created_at, klarna_region, klarna_environment, klarna_base_url, klarna_username,
            klarna_password_enc
       from merchants where id = $1`,
    [id],
  );
}
