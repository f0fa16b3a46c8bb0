import { Migration } from '@mikro-orm/migrations';

export class Migration20261129112449_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "events" ("id" text not null, "merchant_id" text not null, "type" text not null, "data" jsonb not null, "created_at" timestamptz not null, constraint "events_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "events_merchant_id_type_id_index" on "events" ("merchant_id", "type", "id");`);
    this.addSql(`create index "events_merchant_id_id_index" on "events" ("merchant_id", "id");`);

    this.addSql(
      `create table "webhook_endpoints" ("id" text not null, "merchant_id" text not null, "url" text not null, "description" text null, "events" jsonb not null, "status" text not null, "secret_enc" text not null, "previous_secret_enc" text null, "previous_secret_expires_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "disabled_at" timestamptz null, constraint "webhook_endpoints_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_endpoints_merchant_id_id_index" on "webhook_endpoints" ("merchant_id", "id");`,
    );

    this.addSql(
      `create table "webhook_deliveries" ("id" text not null, "event_id" text not null, "endpoint_id" text not null, "status" text not null, "attempt_count" int not null, "next_attempt_at" timestamptz null, "locked_until" timestamptz null, "lock_token" text null, "last_attempt_at" timestamptz null, "last_status_code" int null, "last_error" text null, "delivered_at" timestamptz null, "created_at" timestamptz not null, constraint "webhook_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_deliveries_event_id_index" on "webhook_deliveries" ("event_id");`);
    this.addSql(
      `create index "webhook_deliveries_endpoint_id_index" on "webhook_deliveries" ("endpoint_id");`,
    );
    this.addSql(
      `create unique index "webhook_deliveries_one_pending_per_endpoint" on "webhook_deliveries" ("event_id", "endpoint_id") where "status" = 'pending';`,
    );
    this.addSql(
      `create index "webhook_deliveries_status_next_attempt_at_index" on "webhook_deliveries" ("status", "next_attempt_at");`,
    );

    this.addSql(
      `create table "webhook_delivery_attempts" ("id" text not null, "delivery_id" text not null, "attempted_at" timestamptz not null, "status_code" int null, "error" text null, "duration_ms" int not null, constraint "webhook_delivery_attempts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_delivery_attempts_delivery_id_index" on "webhook_delivery_attempts" ("delivery_id");`,
    );

    this.addSql(
      `alter table "events" add constraint "events_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "webhook_endpoints" add constraint "webhook_endpoints_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_event_id_foreign" foreign key ("event_id") references "events" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "webhook_delivery_attempts" add constraint "webhook_delivery_attempts_delivery_id_foreign" foreign key ("delivery_id") references "webhook_deliveries" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_event_id_foreign";`);

    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_endpoint_id_foreign";`);

    this.addSql(
      `alter table "webhook_delivery_attempts" drop constraint "webhook_delivery_attempts_delivery_id_foreign";`,
    );

    this.addSql(`drop table if exists "events" cascade;`);

    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);

    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery_attempts" cascade;`);
  }
}
