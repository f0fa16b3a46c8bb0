import { Migration } from '@mikro-orm/migrations';

export class Migration20261129121241_orders extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_keys" ("merchant_id" text not null, "key" text not null, "request_hash" text not null, "order_id" text not null, "response_status" int null, "response_content_type" text null, "response_body" text null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "idempotency_keys_pkey" primary key ("merchant_id", "key"));`,
    );
    this.addSql(`create index "idempotency_keys_order_id_index" on "idempotency_keys" ("order_id");`);
    this.addSql(`create index "idempotency_keys_expires_at_index" on "idempotency_keys" ("expires_at");`);

    this.addSql(
      `create table "orders" ("id" text not null, "merchant_id" text not null, "customer_token_id" text not null, "consent_id" text not null, "subscription_id" text null, "idempotency_key" text not null, "klarna_idempotency_key" text not null, "request_id" text not null, "status" text not null, "purchase_currency" text not null, "order_amount" bigint not null, "order_tax_amount" bigint not null, "merchant_reference1" text null, "merchant_reference2" text null, "klarna_request" jsonb not null, "klarna_order_id" text null, "fraud_status" text null, "authorized_payment_method" jsonb null, "error_code" text null, "error_message" text null, "klarna_correlation_id" text null, "attempts" int not null, "next_attempt_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "completed_at" timestamptz null, constraint "orders_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "orders_unknown_next_attempt_at_index" on "orders" ("next_attempt_at") where "status" = 'unknown';`,
    );
    this.addSql(`create index "orders_customer_token_id_id_index" on "orders" ("customer_token_id", "id");`);
    this.addSql(`create index "orders_merchant_id_id_index" on "orders" ("merchant_id", "id");`);

    this.addSql(
      `alter table "orders" add constraint "orders_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_customer_token_id_foreign" foreign key ("customer_token_id") references "customer_tokens" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_consent_id_foreign" foreign key ("consent_id") references "consents" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_keys" cascade;`);

    this.addSql(`drop table if exists "orders" cascade;`);
  }
}
