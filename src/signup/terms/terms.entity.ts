import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Merchant } from '../../merchants/merchant.entity';

export type IntendedUse = 'SUBSCRIPTION' | 'ON_DEMAND';
export type TermsStatus = 'draft' | 'published';
export type ScopeInterval = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

/** What the consumer agrees to be charged: currency, a ceiling per order and, for subscriptions, the rhythm. */
export interface TermsScope {
  currency: string;
  max_order_amount: number;
  interval?: ScopeInterval;
  interval_count?: number;
}

@Entity({ tableName: 'terms' })
@Unique({ properties: ['merchant', 'key', 'locale', 'version'] })
@Index({ properties: ['merchant', 'id'] })
export class Terms {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  /** The document this is a version of; versions count per (merchant, key, locale). */
  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  locale!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  status!: TermsStatus;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text' })
  intendedUse!: IntendedUse;

  @Property({ type: 'json' })
  scope!: TermsScope;

  /**
   * The merchant's capture policy for orders under consents to this version (null: not set). Not part of the
   * content hash: the consumer never sees it (docs/money.md "Capture policy").
   */
  @Property({ type: 'boolean', nullable: true })
  autoCapture?: boolean | null;

  /** SHA-256 of the canonical JSON of what the consumer sees (see TermsService.contentHash). */
  @Property({ type: 'text' })
  contentSha256!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;
}
