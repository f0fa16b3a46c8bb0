import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Merchant } from '../../merchants/merchant.entity';
import { Session } from '../sessions/session.entity';
import { Terms } from '../terms/terms.entity';

export type ConsentChannel = 'web' | 'app' | 'in_store' | 'telesales';

/**
 * Evidence of what a consumer agreed to. Append-only (PostgreSQL refuses UPDATE, DELETE and TRUNCATE); what
 * happens later (linked to a token, withdrawn) is appended to consent_events. Consents and their events form
 * one hash chain per merchant (seq, prev_hash, hash; see consent-chain-fields.ts).
 */
@Entity({ tableName: 'consents' })
@Index({ properties: ['merchant', 'id'] })
@Index({ properties: ['session', 'id'] })
@Unique({ properties: ['merchant', 'seq'] })
// Keyset pages and exports run newest first on (accepted_at, id), under each filter the admin API offers.
@Index({ properties: ['acceptedAt', 'id'] })
@Index({ properties: ['merchant', 'acceptedAt', 'id'] })
@Index({ properties: ['merchant', 'merchantCustomerId', 'acceptedAt', 'id'] })
@Index({ properties: ['terms', 'acceptedAt', 'id'] })
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

  /** Position in the merchant's chain of consents and consent events (1, 2, …). */
  @Property({ type: 'integer' })
  seq!: number;

  /** Hash of the record at seq - 1 of the same merchant (64 zeros for the first). */
  @Property({ type: 'text' })
  prevHash!: string;

  /** sha256(prev_hash || JCS({seq, record})), see hash-chain.ts. */
  @Property({ type: 'text' })
  hash!: string;
}

export type ConsentEventType = 'granted' | 'linked_to_token' | 'withdrawn';

/** Append-only history of a consent, in the same per-merchant chain as the consents. */
@Entity({ tableName: 'consent_events' })
@Index({ properties: ['consent', 'id'] })
@Unique({ properties: ['merchant', 'seq'] })
@Index({ properties: ['customerTokenId'] })
@Index({ properties: ['type', 'consent'] })
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

  /** For linked_to_token: our authorization (`aut_…`) that was exchanged for the token. */
  @Property({ type: 'text', nullable: true })
  authorizationId?: string | null;

  /** `portal` when the consumer did it themselves (see consent-chain-fields.ts); null otherwise. */
  @Property({ type: 'text', nullable: true })
  channel?: string | null;

  /** The consumer's IP address, with `channel`. */
  @Property({ type: 'text', nullable: true })
  ipAddress?: string | null;

  /** The consumer's user agent, with `channel`. */
  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'text' })
  prevHash!: string;

  @Property({ type: 'text' })
  hash!: string;
}
