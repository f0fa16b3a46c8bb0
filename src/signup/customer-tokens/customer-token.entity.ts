import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Authorization } from '../sessions/authorization.entity';
import { Consent } from '../consents/consent.entity';
import { Merchant } from '../../merchants/merchant.entity';
import { Session } from '../sessions/session.entity';
import type { IntendedUse, TermsScope } from '../terms/terms.entity';

/**
 * `pending`: the row is claimed and Klarna is being called (committed before the call, so a retry sees it).
 * `unknown`: Klarna may or may not have acted (timeout, lost answer); the authorization is never used again.
 * `failed`: Klarna refused after the first order was placed. The rest are Klarna's token states.
 */
export type CustomerTokenStatus = 'pending' | 'unknown' | 'failed' | 'active' | 'suspended' | 'canceled';
export const VISIBLE_TOKEN_STATUSES: CustomerTokenStatus[] = ['active', 'suspended', 'canceled'];

export interface InitialOrder {
  id: string;
  klarna_order_id: string;
  fraud_status: string | null;
  order_amount: number;
  purchase_currency: string;
  created_at: string;
  /** Klarna's optional redirect_url from the order (absent on rows written before it was kept). */
  redirect_url?: string | null;
}

@Entity({ tableName: 'customer_tokens' })
@Index({ properties: ['merchant', 'id'] })
@Index({ properties: ['merchant', 'merchantCustomerId', 'id'] })
export class CustomerToken {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  /** One token per session: the unique constraint is what makes creation idempotent. */
  @ManyToOne({ entity: () => Session, ref: true, unique: true, deleteRule: 'restrict' })
  session!: Ref<Session>;

  @ManyToOne({ entity: () => Consent, ref: true, deleteRule: 'restrict' })
  consent!: Ref<Consent>;

  @ManyToOne({ entity: () => Authorization, ref: true, deleteRule: 'restrict' })
  authorization!: Ref<Authorization>;

  @Property({ type: 'text' })
  merchantCustomerId!: string;

  @Property({ type: 'text' })
  intendedUse!: IntendedUse;

  /** Copy of the consented terms' scope, for checking later charges without a join. */
  @Property({ type: 'json' })
  scope!: TermsScope;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text' })
  status!: CustomerTokenStatus;

  @Property({ type: 'text' })
  purchaseCountry!: string;

  @Property({ type: 'text' })
  purchaseCurrency!: string;

  @Property({ type: 'text' })
  locale!: string;

  /** Klarna's token id, envelope-encrypted with the row id as associated data. */
  @Property({ type: 'text', nullable: true, lazy: true })
  klarnaTokenEnc?: string | null;

  /** HMAC blind index of Klarna's token id (context `klarna-customer-token`), for lookups by Klarna id. */
  @Property({ type: 'text', nullable: true, unique: true })
  klarnaTokenIndex?: string | null;

  @Property({ type: 'text', nullable: true })
  paymentMethodType?: string | null;

  @Property({ type: 'json', nullable: true })
  initialOrder?: InitialOrder | null;

  /** Klarna's optional `redirect_url` from token creation (a cookie bounce to the confirmation URL). */
  @Property({ type: 'text', nullable: true })
  redirectUrl?: string | null;

  /** Why creation ended in unknown/failed (a problem code), for support. */
  @Property({ type: 'text', nullable: true })
  failureCode?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  activatedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  canceledAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  statusCheckedAt?: Date | null;
}
