import { Migration } from '@mikro-orm/migrations';

export class Migration20261129111616_signup extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "terms" ("id" text not null, "merchant_id" text not null, "key" text not null, "locale" text not null, "version" int not null, "status" text not null, "title" text not null, "body" text not null, "intended_use" text not null, "scope" jsonb not null, "content_sha256" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "published_at" timestamptz null, constraint "terms_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "terms_merchant_id_id_index" on "terms" ("merchant_id", "id");`);
    this.addSql(
      `alter table "terms" add constraint "terms_merchant_id_key_locale_version_unique" unique ("merchant_id", "key", "locale", "version");`,
    );

    this.addSql(
      `create table "sessions" ("id" text not null, "merchant_id" text not null, "terms_id" text null, "intent" text not null, "merchant_customer_id" text null, "status" text not null, "klarna_session_id" text not null, "client_token_enc" text not null, "payment_method_categories" jsonb not null, "order_data" jsonb not null, "attachment" jsonb null, "fingerprint" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "completed_at" timestamptz null, constraint "sessions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "sessions" add constraint "sessions_klarna_session_id_unique" unique ("klarna_session_id");`,
    );
    this.addSql(`create index "sessions_merchant_id_id_index" on "sessions" ("merchant_id", "id");`);

    this.addSql(
      `create table "authorizations" ("id" text not null, "merchant_id" text not null, "session_id" text not null, "token_enc" text not null, "status" text not null, "session_fingerprint" text not null, "received_at" timestamptz not null, "expires_at" timestamptz not null, "released_at" timestamptz null, "consumed_at" timestamptz null, constraint "authorizations_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "authorizations_status_received_at_index" on "authorizations" ("status", "received_at");`,
    );
    this.addSql(
      `create index "authorizations_session_id_id_index" on "authorizations" ("session_id", "id");`,
    );

    this.addSql(
      `create table "consents" ("id" text not null, "merchant_id" text not null, "session_id" text not null, "klarna_session_id" text not null, "merchant_customer_id" text null, "terms_id" text not null, "terms_version" int not null, "terms_locale" text not null, "terms_content_sha256" text not null, "accepted" boolean not null, "acceptance_text" text not null, "ip_address" text not null, "user_agent" text not null, "channel" text not null, "locale" text not null, "accepted_at" timestamptz not null, constraint "consents_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "consents_merchant_customer_id_index" on "consents" ("merchant_customer_id");`);
    this.addSql(`create index "consents_session_id_id_index" on "consents" ("session_id", "id");`);
    this.addSql(`create index "consents_merchant_id_id_index" on "consents" ("merchant_id", "id");`);

    this.addSql(
      `create table "customer_tokens" ("id" text not null, "merchant_id" text not null, "session_id" text not null, "consent_id" text not null, "authorization_id" text not null, "merchant_customer_id" text not null, "intended_use" text not null, "scope" jsonb not null, "description" text not null, "status" text not null, "purchase_country" text not null, "purchase_currency" text not null, "locale" text not null, "klarna_token_enc" text null, "klarna_token_index" text null, "payment_method_type" text null, "initial_order" jsonb null, "failure_code" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "activated_at" timestamptz null, "cancelled_at" timestamptz null, "status_checked_at" timestamptz null, constraint "customer_tokens_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "customer_tokens" add constraint "customer_tokens_session_id_unique" unique ("session_id");`,
    );
    this.addSql(
      `alter table "customer_tokens" add constraint "customer_tokens_klarna_token_index_unique" unique ("klarna_token_index");`,
    );
    this.addSql(
      `create index "customer_tokens_merchant_id_merchant_customer_id_id_index" on "customer_tokens" ("merchant_id", "merchant_customer_id", "id");`,
    );
    this.addSql(
      `create index "customer_tokens_merchant_id_id_index" on "customer_tokens" ("merchant_id", "id");`,
    );

    this.addSql(
      `create table "consent_events" ("id" text not null, "consent_id" text not null, "merchant_id" text not null, "type" text not null, "customer_token_id" text null, "occurred_at" timestamptz not null, constraint "consent_events_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "consent_events_consent_id_id_index" on "consent_events" ("consent_id", "id");`,
    );

    this.addSql(
      `alter table "terms" add constraint "terms_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "sessions" add constraint "sessions_terms_id_foreign" foreign key ("terms_id") references "terms" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "authorizations" add constraint "authorizations_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "authorizations" add constraint "authorizations_session_id_foreign" foreign key ("session_id") references "sessions" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "consents" add constraint "consents_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "consents" add constraint "consents_session_id_foreign" foreign key ("session_id") references "sessions" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "consents" add constraint "consents_terms_id_foreign" foreign key ("terms_id") references "terms" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "customer_tokens" add constraint "customer_tokens_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "customer_tokens" add constraint "customer_tokens_session_id_foreign" foreign key ("session_id") references "sessions" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "customer_tokens" add constraint "customer_tokens_consent_id_foreign" foreign key ("consent_id") references "consents" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "customer_tokens" add constraint "customer_tokens_authorization_id_foreign" foreign key ("authorization_id") references "authorizations" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "consent_events" add constraint "consent_events_consent_id_foreign" foreign key ("consent_id") references "consents" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "consent_events" add constraint "consent_events_merchant_id_foreign" foreign key ("merchant_id") references "merchants" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sessions" drop constraint "sessions_terms_id_foreign";`);

    this.addSql(`alter table "consents" drop constraint "consents_terms_id_foreign";`);

    this.addSql(`alter table "authorizations" drop constraint "authorizations_session_id_foreign";`);

    this.addSql(`alter table "consents" drop constraint "consents_session_id_foreign";`);

    this.addSql(`alter table "customer_tokens" drop constraint "customer_tokens_session_id_foreign";`);

    this.addSql(`alter table "customer_tokens" drop constraint "customer_tokens_authorization_id_foreign";`);

    this.addSql(`alter table "customer_tokens" drop constraint "customer_tokens_consent_id_foreign";`);

    this.addSql(`alter table "consent_events" drop constraint "consent_events_consent_id_foreign";`);

    this.addSql(`drop table if exists "terms" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "authorizations" cascade;`);

    this.addSql(`drop table if exists "consents" cascade;`);

    this.addSql(`drop table if exists "customer_tokens" cascade;`);

    this.addSql(`drop table if exists "consent_events" cascade;`);
  }
}
