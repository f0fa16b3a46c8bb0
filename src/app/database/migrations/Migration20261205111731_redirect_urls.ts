import { Migration } from '@mikro-orm/migrations';

export class Migration20261205111731_redirect_urls extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "customer_tokens" add column "redirect_url" text null;`);

    this.addSql(`alter table "orders" add column "redirect_url" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer_tokens" drop column "redirect_url";`);

    this.addSql(`alter table "orders" drop column "redirect_url";`);
  }
}
