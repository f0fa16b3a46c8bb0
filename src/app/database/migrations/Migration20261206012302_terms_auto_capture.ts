import { Migration } from '@mikro-orm/migrations';

export class Migration20261206012302_terms_auto_capture extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "terms" add column "auto_capture" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "terms" drop column "auto_capture";`);
  }
}
