import { Migration } from '@mikro-orm/migrations';

export class Migration20261129112530_append_only_audit_chain extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_log" ("id" text not null, "at" timestamptz not null, "actor_key_id" text not null, "actor_role" text not null, "action" text not null, "method" text not null, "route" text not null, "target_id" text null, "params" jsonb not null, "status" smallint not null, "request_id" text not null, constraint "audit_log_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_log_at_index" on "audit_log" ("at");`);
    this.addSql(`create index "audit_log_target_id_index" on "audit_log" ("target_id");`);
    this.addSql(`create index "audit_log_actor_key_id_id_index" on "audit_log" ("actor_key_id", "id");`);
    this.addSql(`create index "audit_log_action_id_index" on "audit_log" ("action", "id");`);

    this.addSql(
      `create table "chain_heads" ("merchant_id" text not null, "seq" int not null, "head_hash" text not null, "updated_at" timestamptz not null, constraint "chain_heads_pkey" primary key ("merchant_id"));`,
    );

    // The application's least-privilege role. Roles are cluster-wide, so another database on the same server
    // (a test clone, a second environment) may have created it already, possibly at the same moment.
    this.addSql(`do $$
begin
  begin
    create role autopay_app nologin;
  exception when duplicate_object or unique_violation then null;
  end;
  -- The migrating (owner) user must be able to SET ROLE to it; a superuser already can.
  if not pg_has_role(current_user, 'autopay_app', 'MEMBER') then
    execute format('grant autopay_app to %I', current_user);
  end if;
end $$;`);
    // Full DML on every table, now and on tables later migrations create (default privileges of the migrating
    // user); no DDL, no TRUNCATE, nothing on the migrations table. Append-only tables then take back
    // UPDATE and DELETE with autopay_make_append_only().
    this.addSql(`grant usage on schema public to autopay_app;`);
    this.addSql(`grant select, insert, update, delete on all tables in schema public to autopay_app;`);
    this.addSql(`grant usage, select, update on all sequences in schema public to autopay_app;`);
    this.addSql(
      `alter default privileges in schema public grant select, insert, update, delete on tables to autopay_app;`,
    );
    this.addSql(
      `alter default privileges in schema public grant usage, select, update on sequences to autopay_app;`,
    );
    this.addSql(`revoke all on table mikro_orm_migrations from autopay_app;`);

    this.addSql(`create or replace function autopay_reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only: % is not allowed', tg_table_name, tg_op
    using hint = 'Rows of append-only tables can only be inserted; record a new event instead.';
end $$;`);
    // The reusable part: a later migration makes a new table append-only with
    // `select autopay_make_append_only('consent_records');`
    this
      .addSql(`create or replace function autopay_make_append_only(target regclass) returns void language plpgsql as $$
begin
  execute format('create or replace trigger append_only_row before update or delete on %s '
    'for each row execute function autopay_reject_change()', target);
  execute format('create or replace trigger append_only_truncate before truncate on %s '
    'for each statement execute function autopay_reject_change()', target);
  execute format('revoke update, delete, truncate, references, trigger on %s from autopay_app', target);
  execute format('grant select, insert on %s to autopay_app', target);
end $$;`);
    this.addSql(`revoke execute on function autopay_make_append_only(regclass) from public;`);
    this.addSql(`select autopay_make_append_only('audit_log');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_log" cascade;`);

    this.addSql(`drop table if exists "chain_heads" cascade;`);
    this.addSql(`drop function if exists autopay_make_append_only(regclass);`);
    this.addSql(`drop function if exists autopay_reject_change();`);
    // The role stays: other databases of the cluster may use it.
  }
}
