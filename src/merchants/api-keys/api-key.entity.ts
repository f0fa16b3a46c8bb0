import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { type Role } from '../../common/auth/role';
import { Merchant } from '../merchant.entity';

@Entity({ tableName: 'api_keys' })
export class ApiKey {
  @PrimaryKey({ type: 'text' })
  id!: string;

  /** Set for role `merchant`; null for platform keys (admin, auditor). */
  @ManyToOne({ entity: () => Merchant, nullable: true, ref: true, deleteRule: 'restrict' })
  @Index()
  merchant?: Ref<Merchant> | null;

  @Property({ type: 'text' })
  role!: Role;

  @Property({ type: 'text' })
  name!: string;

  /** The public part of the key, used to find the row; the secret is only ever stored as a hash. */
  @Property({ type: 'text', unique: true })
  prefix!: string;

  /** SHA-256 (hex) of the whole key. Keys are 256-bit random, so a fast hash is enough. */
  @Property({ type: 'text', hidden: true })
  secretHash!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
