import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { EventType } from '../event-types';
import { Merchant } from '../../merchants/merchant.entity';

export type WebhookEndpointStatus = 'enabled' | 'disabled';

@Entity({ tableName: 'webhook_endpoints' })
@Index({ properties: ['merchant', 'id'] })
export class WebhookEndpoint {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'json' })
  events!: EventType[];

  @Property({ type: 'text' })
  status!: WebhookEndpointStatus;

  /** `whsec_…`, envelope-encrypted with associated data = the endpoint id. */
  @Property({ type: 'text', lazy: true, hidden: true })
  secretEnc!: string;

  /** The secret before the last rotation; deliveries also sign with it until `previousSecretExpiresAt`. */
  @Property({ type: 'text', nullable: true, lazy: true, hidden: true })
  previousSecretEnc?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt?: Date | null;
}
