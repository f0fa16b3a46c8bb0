import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Merchant } from '../../merchants/merchant.entity';
import { Session } from './session.entity';

/**
 * Stored states. `unverified`: recorded, not checked with Klarna (Klarna has no call that reads an authorization
 * without using it; using it is the check). `expired` is also derived on read (expiresAt passed while still
 * `unverified`); `stale` means the session changed after the consumer authorized, so it no longer covers the
 * order; `refused`: Klarna did not know the token when it was used (never issued to this merchant, or dropped).
 */
export type AuthorizationStatus = 'unverified' | 'stale' | 'released' | 'consumed' | 'expired' | 'refused';

@Entity({ tableName: 'authorizations' })
@Index({ properties: ['session', 'id'] })
@Index({ properties: ['status', 'receivedAt'] })
export class Authorization {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  @ManyToOne({ entity: () => Session, ref: true, deleteRule: 'restrict' })
  session!: Ref<Session>;

  /** Klarna's authorization_token, envelope-encrypted with the row id as associated data. */
  @Property({ type: 'text', lazy: true })
  tokenEnc!: string;

  @Property({ type: 'text' })
  status!: AuthorizationStatus;

  /** The session fingerprint the consumer authorized. */
  @Property({ type: 'text' })
  sessionFingerprint!: string;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  /** 60 minutes after receipt (Klarna's guarantee). */
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** When we released it at Klarna (also set for a stale one, which keeps status `stale`). */
  @Property({ type: 'timestamptz', nullable: true })
  releasedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  consumedAt?: Date | null;
}
