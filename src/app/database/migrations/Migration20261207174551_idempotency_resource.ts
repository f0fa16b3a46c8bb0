import { Migration } from '@mikro-orm/migrations';

export class Migration20261207174551_idempotency_resource extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idempotency_keys" add column "resource_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idempotency_keys" drop column "resource_id";`);
  }
}
