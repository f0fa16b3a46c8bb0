import { Migration } from '@mikro-orm/migrations';

/**
 * Authorizations nobody checked were stored as `valid`; they are `unverified` now (Klarna checks an authorization
 * token only when it is used). Rows still in that state are renamed, so that live ones stay usable and the
 * expiry sweep still finds the old ones.
 */
export class Migration20261205083000_unverified_authorizations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "authorizations" set "status" = 'unverified' where "status" = 'valid';`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `update "authorizations" set "status" = 'valid' where "status" in ('unverified', 'refused');`,
    );
  }
}
