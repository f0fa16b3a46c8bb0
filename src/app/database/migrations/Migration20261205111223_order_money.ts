import { Migration } from '@mikro-orm/migrations';

/** Captures, refunds and cancellations of token orders and the money they move (issue #14). */
export class Migration20261205111223_order_money extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "order_operations" ("id" text not null, "order_id" text not null, "merchant_id" text not null, "kind" text not null, "source" text not null, "status" text not null, "amount" bigint not null, "order_lines" jsonb null, "description" text null, "reference" text null, "idempotency_key" text null, "klarna_idempotency_key" text null, "request_id" text null, "klarna_id" text null, "error_code" text null, "error_message" text null, "actor" text not null, "attempts" int not null, "next_attempt_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "completed_at" timestamptz null, constraint "order_operations_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "order_operations_unknown_next_attempt_at_index" on "order_operations" ("next_attempt_at") where "status" = 'unknown';`,
    );
    this.addSql(
      `create index "order_operations_merchant_id_idempotency_key_index" on "order_operations" ("merchant_id", "idempotency_key");`,
    );
    this.addSql(
      `create index "order_operations_order_id_id_index" on "order_operations" ("order_id", "id");`,
    );

    this.addSql(`alter table "idempotency_keys" add column "operation_id" text null;`);
    this.addSql(`create index "idempotency_keys_operation_id_index" on "idempotency_keys" ("operation_id");`);

    this.addSql(
      `alter table "orders" add column "auto_capture" boolean not null default false, add column "captured_amount" bigint not null default 0, add column "refunded_amount" bigint not null default 0, add column "authorization_expires_at" timestamptz null, add column "canceled_at" timestamptz null, add column "klarna_status" text null, add column "money_version" int not null default 0, add column "reconciled_at" timestamptz null, add column "capture_expiring_notified_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_operations" cascade;`);

    this.addSql(`drop index "idempotency_keys_operation_id_index";`);
    this.addSql(`alter table "idempotency_keys" drop column "operation_id";`);

    this.addSql(
      `alter table "orders" drop column "auto_capture", drop column "captured_amount", drop column "refunded_amount", drop column "authorization_expires_at", drop column "canceled_at", drop column "klarna_status", drop column "money_version", drop column "reconciled_at", drop column "capture_expiring_notified_at";`,
    );
  }
}
