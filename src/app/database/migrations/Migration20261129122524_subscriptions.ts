import { Migration } from '@mikro-orm/migrations';

export class Migration20261129122524_subscriptions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "merchant_dunning_policies" ("merchant_id" text not null, "delays_days" jsonb not null, "updated_at" timestamptz not null, constraint "merchant_dunning_policies_pkey" primary key ("merchant_id"));`,
    );

    this.addSql(
      `create table "subscriptions" ("id" text not null, "merchant_id" text not null, "customer_token_id" text not null, "status" text not null, "status_reason" text null, "interval" text not null, "interval_count" int not null, "start_date" text not null, "end_date" text null, "order" jsonb not null, "retry_policy" jsonb null, "description" text null, "metadata" jsonb null, "current_cycle" int not null, "next_cycle" int not null, "next_charge_at" timestamptz null, "last_charged_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "canceled_at" timestamptz null, constraint "subscriptions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "subscriptions_customer_token_id_index" on "subscriptions" ("customer_token_id");`,
    );
    this.addSql(
      `create index "subscriptions_due_index" on "subscriptions" ("next_charge_at") where "status" in ('active', 'past_due');`,
    );
    this.addSql(
      `create index "subscriptions_merchant_id_status_id_index" on "subscriptions" ("merchant_id", "status", "id");`,
    );
    this.addSql(
      `create index "subscriptions_merchant_id_customer_token_id_id_index" on "subscriptions" ("merchant_id", "customer_token_id", "id");`,
    );
    this.addSql(
      `create index "subscriptions_merchant_id_id_index" on "subscriptions" ("merchant_id", "id");`,
    );

    this.addSql(
      `create table "subscription_events" ("id" text not null, "subscription_id" text not null, "merchant_id" text not null, "type" text not null, "cycle" int null, "from_status" text null, "to_status" text null, "data" jsonb null, "created_at" timestamptz not null, constraint "subscription_events_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "subscription_events_merchant_id_index" on "subscription_events" ("merchant_id");`,
    );
    this.addSql(
      `create index "subscription_events_subscription_id_id_index" on "subscription_events" ("subscription_id", "id");`,
    );

    this.addSql(
      `create table "subscription_cycles" ("id" text not null, "subscription_id" text not null, "merchant_id" text not null, "cycle" int not null, "due_at" timestamptz not null, "status" text not null, "attempts" int not null, "next_attempt_at" timestamptz null, "lock_token" text null, "first_failed_at" timestamptz null, "order_id" text null, "last_error" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "settled_at" timestamptz null, constraint "subscription_cycles_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "subscription_cycles_merchant_id_index" on "subscription_cycles" ("merchant_id");`,
    );
    this.addSql(
      `create index "subscription_cycles_due_index" on "subscription_cycles" ("next_attempt_at") where "status" in ('scheduled', 'charging');`,
    );
    this.addSql(
      `alter table "subscription_cycles" add constraint "subscription_cycles_subscription_id_cycle_unique" unique ("subscription_id", "cycle");`,
    );

    this.addSql(
      `alter table "merchant_dunning_policies" add constraint "merchant_dunning_policies_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_customer_token_id_foreign" foreign key ("customer_token_id") references "customer_tokens" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "subscription_events" add constraint "subscription_events_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "subscription_events" add constraint "subscription_events_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "subscription_cycles" add constraint "subscription_cycles_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "subscription_cycles" add constraint "subscription_cycles_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "subscription_events" drop constraint "subscription_events_subscription_id_foreign";`,
    );

    this.addSql(
      `alter table "subscription_cycles" drop constraint "subscription_cycles_subscription_id_foreign";`,
    );

    this.addSql(`drop table if exists "merchant_dunning_policies" cascade;`);

    this.addSql(`drop table if exists "subscriptions" cascade;`);

    this.addSql(`drop table if exists "subscription_events" cascade;`);

    this.addSql(`drop table if exists "subscription_cycles" cascade;`);
  }
}
