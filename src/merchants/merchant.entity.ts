import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export type KlarnaRegion = 'EU' | 'NA' | 'OC';
export type KlarnaEnvironment = 'playground' | 'live';

@Entity({ tableName: 'merchants' })
export class Merchant {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'text', nullable: true })
  klarnaRegion?: KlarnaRegion | null;

  @Property({ type: 'text', nullable: true })
  klarnaEnvironment?: KlarnaEnvironment | null;

  /** Overrides region × environment (the emulator, or a proxy). */
  @Property({ type: 'text', nullable: true })
  klarnaBaseUrl?: string | null;

  @Property({ type: 'text', nullable: true })
  klarnaUsername?: string | null;

  /** Envelope-encrypted (see common/crypto), associated data = merchant id. */
  @Property({ type: 'text', nullable: true, lazy: true })
  klarnaPasswordEnc?: string | null;
}
