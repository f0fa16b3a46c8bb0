import { Migration } from '@mikro-orm/migrations';

/**
 * Room in each page for the rows that every charge updates again (a subscription twice per cycle, its cycle, the
 * order and its idempotency key once each), so PostgreSQL can update them in place (HOT) without new entries in
 * every index. Applies to pages written from now on. Measured on the subscriptions bench (100,000 charges, 2 A/B
 * pairs): 156.5 and 158.7 s at the default fill factor of 100, 145.9 and 151.9 s at 70.
 */
export class Migration20261129180000_hot_updates extends Migration {
  override async up(): Promise<void> {
    for (const table of TABLES) this.addSql(`alter table "${table}" set (fillfactor = 70);`);
  }

  override async down(): Promise<void> {
    for (const table of TABLES) this.addSql(`alter table "${table}" reset (fillfactor);`);
  }
}

const TABLES = ['subscriptions', 'subscription_cycles', 'orders', 'idempotency_keys'];
