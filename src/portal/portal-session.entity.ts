import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Merchant } from '../merchants/merchant.entity';

/**
 * A link a merchant handed to one of its customers, and the browser session it turned into. The link's token
 * is never stored, only its SHA-256; opening the link burns it (`openedAt`) and starts the browser session,
 * whose cookie secret is likewise stored as a SHA-256 only.
 */
@Entity({ tableName: 'portal_sessions' })
@Unique({ properties: ['merchant', 'idempotencyKey'] })
@Index({ properties: ['merchant', 'merchantCustomerId'] })
export class PortalSession {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'cascade' })
  merchant!: Ref<Merchant>;

  @Property({ type: 'text' })
  merchantCustomerId!: string;

  /** sha256 (hex) of the link token. */
  @Property({ type: 'text', unique: true })
  tokenSha256!: string;

  /** en, sv or de (what the pages are shown in), or null: the browser's Accept-Language decides. */
  @Property({ type: 'text', nullable: true })
  locale?: string | null;

  @Property({ type: 'text', nullable: true })
  returnUrl?: string | null;

  /** The link works until then (once). */
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** When the link was opened (and so burnt). */
  @Property({ type: 'timestamptz', nullable: true })
  openedAt?: Date | null;

  /** sha256 (hex) of the browser session's cookie secret. */
  @Property({ type: 'text', nullable: true, unique: true })
  browserSha256?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  browserExpiresAt?: Date | null;

  /** The merchant's Idempotency-Key of the create request and the request it came with (sha256 hex). */
  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  @Property({ type: 'text', nullable: true })
  requestSha256?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A merchant's portal switch and its minimal branding. No row: the portal is on, under the merchant's name. */
@Entity({ tableName: 'portal_settings' })
export class PortalSettings {
  @ManyToOne({ entity: () => Merchant, ref: true, primary: true, deleteRule: 'cascade' })
  merchant!: Ref<Merchant>;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'text', nullable: true })
  displayName?: string | null;

  /** https URL of the merchant's logo. */
  @Property({ type: 'text', nullable: true })
  logoUrl?: string | null;

  /** `#rrggbb`. */
  @Property({ type: 'text', nullable: true })
  accentColor?: string | null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
