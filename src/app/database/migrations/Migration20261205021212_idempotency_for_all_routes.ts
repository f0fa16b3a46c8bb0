import { Migration } from '@mikro-orm/migrations';

/**
 * idempotency_keys serves every idempotent route (issue #13 item 2): a key of a route other than token orders has
 * no order, holds a lease while its request runs, and keeps its answer encrypted.
 */
export class Migration20261205021212_idempotency_for_all_routes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idempotency_keys" add column "locked_until" timestamptz null;`);
    this.addSql(`alter table "idempotency_keys" add column "response_body_enc" text null;`);
    this.addSql(`alter table "idempotency_keys" alter column "order_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "idempotency_keys" where "order_id" is null;`);
    this.addSql(`alter table "idempotency_keys" drop column "locked_until";`);
    this.addSql(`alter table "idempotency_keys" drop column "response_body_enc";`);
    this.addSql(`alter table "idempotency_keys" alter column "order_id" set not null;`);
  }
}
