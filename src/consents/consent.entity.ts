import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Merchant } from '../merchants/merchant.entity';
import { Session } from '../sessions/session.entity';
import { Terms } from '../terms/terms.entity';

export type ConsentChannel = 'web' | 'app' | 'in_store' | 'telesales';

/**
 * Evidence of what a consumer agreed to. Insert-only: nothing in the service updates or deletes a row; what
 * happens later (linked to a token, withdrawn) is appended to consent_events.
 */
@Entity({ tableName: 'consents' })
@Index({ properties: ['merchant', 'id'] })
@Index({ properties: ['session', 'id'] })
export class Consent {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  @ManyToOne({ entity: () => Session, ref: true, deleteRule: 'restrict' })
  session!: Ref<Session>;

  @Property({ type: 'text' })
  klarnaSessionId!: string;

  @Property({ type: 'text', nullable: true })
  @Index()
  merchantCustomerId?: string | null;

  @ManyToOne({ entity: () => Terms, ref: true, deleteRule: 'restrict' })
  terms!: Ref<Terms>;

  @Property({ type: 'integer' })
  termsVersion!: number;

  @Property({ type: 'text' })
  termsLocale!: string;

  @Property({ type: 'text' })
  termsContentSha256!: string;

  @Property({ type: 'boolean' })
  accepted!: boolean;

  /** The checkbox label the consumer saw. */
  @Property({ type: 'text' })
  acceptanceText!: string;

  @Property({ type: 'text' })
  ipAddress!: string;

  @Property({ type: 'text' })
  userAgent!: string;

  @Property({ type: 'text' })
  channel!: ConsentChannel;

  @Property({ type: 'text' })
  locale!: string;

  /** Server time when the record was received. */
  @Property({ type: 'timestamptz' })
  acceptedAt!: Date;
}

export type ConsentEventType = 'granted' | 'linked_to_token' | 'withdrawn';

/** Append-only history of a consent. */
@Entity({ tableName: 'consent_events' })
@Index({ properties: ['consent', 'id'] })
export class ConsentEvent {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Consent, ref: true, deleteRule: 'restrict' })
  consent!: Ref<Consent>;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  @Property({ type: 'text' })
  type!: ConsentEventType;

  /** Our opaque token id (`ctok_…`) for linked_to_token and withdrawn. */
  @Property({ type: 'text', nullable: true })
  customerTokenId?: string | null;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;
}
