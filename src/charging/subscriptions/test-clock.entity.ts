import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Merchant } from '../../merchants/merchant.entity';

/**
 * `ready`: nothing to do. `advancing`: its frozen time moved and the work that came due on the way (renewals,
 * retries, token checks) is being done. `internal_failure`: that work could not finish (see the logs); advancing
 * again tries again.
 */
export type TestClockStatus = 'ready' | 'advancing' | 'internal_failure';

/**
 * A test clock (as Stripe's): a frozen time that subscriptions created with `test_clock` live on instead of the
 * real time. Only for merchants whose Klarna credentials are not live. Moves only forward, and only when the
 * merchant advances it.
 */
@Entity({ tableName: 'test_clocks' })
@Index({ properties: ['merchant', 'id'] })
@Index({
  name: 'test_clocks_advancing_index',
  expression:
    'create index "test_clocks_advancing_index" on "test_clocks" ("id") where "status" = \'advancing\'',
})
export class TestClock {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'cascade' })
  merchant!: Ref<Merchant>;

  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Property({ type: 'timestamptz' })
  frozenTime!: Date;

  @Property({ type: 'text' })
  status!: TestClockStatus;

  /** An instance doing the clock's due work holds it until then (another takes over after a crash). */
  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  /** Klarna's (the emulator's) time after the last advance; null when Klarna's time cannot be moved. */
  @Property({ type: 'timestamptz', nullable: true })
  klarnaTime?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}
