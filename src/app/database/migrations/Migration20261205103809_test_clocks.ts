import { Migration } from '@mikro-orm/migrations';

export class Migration20261205103809_test_clocks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "test_clocks" ("id" text not null, "merchant_id" text not null, "name" text null, "frozen_time" timestamptz not null, "status" text not null, "locked_until" timestamptz null, "klarna_time" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, constraint "test_clocks_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "test_clocks_advancing_index" on "test_clocks" ("id") where "status" = 'advancing';`,
    );
    this.addSql(`create index "test_clocks_merchant_id_id_index" on "test_clocks" ("merchant_id", "id");`);

    this.addSql(
      `alter table "test_clocks" add constraint "test_clocks_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "subscriptions" add column "test_clock_id" text null;`);
    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_test_clock_id_foreign" foreign key ("test_clock_id") references "test_clocks" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`create index "subscriptions_test_clock_id_index" on "subscriptions" ("test_clock_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subscriptions" drop constraint "subscriptions_test_clock_id_foreign";`);

    this.addSql(`drop table if exists "test_clocks" cascade;`);

    this.addSql(`drop index "subscriptions_test_clock_id_index";`);
    this.addSql(`alter table "subscriptions" drop column "test_clock_id";`);
  }
}
