import { Migration } from '@mikro-orm/migrations';

export class Migration20261205021638_portal extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "portal_sessions" ("id" text not null, "merchant_id" text not null, "merchant_customer_id" text not null, "token_sha256" text not null, "locale" text null, "return_url" text null, "expires_at" timestamptz not null, "opened_at" timestamptz null, "browser_sha256" text null, "browser_expires_at" timestamptz null, "idempotency_key" text null, "request_sha256" text null, "created_at" timestamptz not null, constraint "portal_sessions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_token_sha256_unique" unique ("token_sha256");`,
    );
    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_browser_sha256_unique" unique ("browser_sha256");`,
    );
    this.addSql(
      `create index "portal_sessions_merchant_id_merchant_customer_id_index" on "portal_sessions" ("merchant_id", "merchant_customer_id");`,
    );
    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_merchant_id_idempotency_key_unique" unique ("merchant_id", "idempotency_key");`,
    );

    this.addSql(
      `create table "portal_settings" ("merchant_id" text not null, "enabled" boolean not null, "display_name" text null, "logo_url" text null, "accent_color" text null, "updated_at" timestamptz not null, constraint "portal_settings_pkey" primary key ("merchant_id"));`,
    );

    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "portal_settings" add constraint "portal_settings_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "consent_events" add column "channel" text null, add column "ip_address" text null, add column "user_agent" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_sessions" cascade;`);

    this.addSql(`drop table if exists "portal_settings" cascade;`);

    this.addSql(
      `alter table "consent_events" drop column "channel", drop column "ip_address", drop column "user_agent";`,
    );
  }
}
