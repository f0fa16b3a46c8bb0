import { Migration } from '@mikro-orm/migrations';

/**
 * Every instance caches API key rows for a few seconds; a revocation, a new expiry or a deleted key is announced
 * on the channel `autopay_api_keys` (payload: the key's lookup prefix) when its transaction commits, however it
 * was made (API, CLI, SQL), so that every instance drops its copy at once.
 */
export class Migration20261205110000_api_key_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "autopay_api_key_changed"() returns trigger language plpgsql as $$
begin
  perform pg_notify('autopay_api_keys', coalesce(old.prefix, new.prefix));
  return null;
end $$;`);
    this
      .addSql(`create trigger "api_keys_notify" after update of "revoked_at", "expires_at", "secret_hash" or delete
  on "api_keys" for each row execute function "autopay_api_key_changed"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "api_keys_notify" on "api_keys";`);
    this.addSql(`drop function if exists "autopay_api_key_changed"();`);
  }
}
