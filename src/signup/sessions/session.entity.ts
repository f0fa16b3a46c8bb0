import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type {
  KlarnaAttachment,
  KlarnaPaymentMethodCategory,
  KlarnaSessionCreateRequest,
} from '../../klarna/klarna.types';
import { Merchant } from '../../merchants/merchant.entity';
import { Terms } from '../terms/terms.entity';
import type { Intent } from './dto/session.dto';

/** The order and consumer data as Klarna has it (the session body without intent and attachment). */
export type SessionOrder = Omit<KlarnaSessionCreateRequest, 'intent' | 'attachment'> & { locale: string };

@Entity({ tableName: 'sessions' })
@Index({ properties: ['merchant', 'id'] })
export class Session {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  @ManyToOne({ entity: () => Terms, ref: true, nullable: true, deleteRule: 'restrict' })
  terms?: Ref<Terms> | null;

  @Property({ type: 'text' })
  intent!: Intent;

  @Property({ type: 'text', nullable: true })
  merchantCustomerId?: string | null;

  /** open | completed; `expired` is derived from expiresAt when read. */
  @Property({ type: 'text' })
  status!: 'open' | 'completed';

  @Property({ type: 'text', unique: true })
  klarnaSessionId!: string;

  /** Envelope-encrypted, associated data `session:<id>:client_token`: a browser credential, never logged. */
  @Property({ type: 'text', lazy: true })
  clientTokenEnc!: string;

  @Property({ type: 'json' })
  paymentMethodCategories!: KlarnaPaymentMethodCategory[];

  @Property({ type: 'json' })
  orderData!: SessionOrder;

  @Property({ type: 'json', nullable: true })
  attachment?: KlarnaAttachment | null;

  /** SHA-256 over the canonical order and consumer data; an authorization remembers the one it was given for. */
  @Property({ type: 'text' })
  fingerprint!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;
}
