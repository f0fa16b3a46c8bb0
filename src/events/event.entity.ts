import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Merchant } from '../merchants/merchant.entity';
import type { EventType } from './event-types';

/** The outbox: one row per thing that happened, written in the transaction of the change itself. */
@Entity({ tableName: 'events' })
@Index({ properties: ['merchant', 'id'] })
@Index({ properties: ['merchant', 'type', 'id'] })
export class Event {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  @Property({ type: 'text' })
  type!: EventType;

  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
