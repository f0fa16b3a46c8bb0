import { Migration } from '@mikro-orm/migrations';

export class Migration20261129105701_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "merchants" ("id" text not null, "name" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "klarna_region" text null, "klarna_environment" text null, "klarna_base_url" text null, "klarna_username" text null, "klarna_password_enc" text null, constraint "merchants_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "api_keys" ("id" text not null, "merchant_id" text null, "role" text not null, "name" text not null, "prefix" text not null, "secret_hash" text not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "expires_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "api_keys_merchant_id_index" on "api_keys" ("merchant_id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_prefix_unique" unique ("prefix");`);

    this.addSql(
      `alter table "api_keys" add constraint "api_keys_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_keys" drop constraint "api_keys_merchant_id_foreign";`);

    this.addSql(`drop table if exists "merchants" cascade;`);

    this.addSql(`drop table if exists "api_keys" cascade;`);
  }
}
