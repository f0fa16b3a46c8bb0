import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '../../common/auth/role';

/**
 * One admin or auditor request to `/admin/**`: who, what, on which target, with which filter, and how it ended.
 * Append-only: the migration makes PostgreSQL refuse UPDATE, DELETE and TRUNCATE (triggers and grants).
 */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['action', 'id'] })
@Index({ properties: ['actorKeyId', 'id'] })
@Index({ properties: ['targetId'] })
@Index({ properties: ['at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @Property({ type: 'text' })
  actorKeyId!: string;

  @Property({ type: 'text' })
  actorRole!: Role | 'consumer';

  /** `merchant.create`, `consents.export`, … (see @Audited). */
  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  method!: string;

  /** The route pattern, e.g. `/admin/v1/merchants/:merchant_id`. */
  @Property({ type: 'text' })
  route!: string;

  @Property({ type: 'text', nullable: true })
  targetId?: string | null;

  /** Route parameters, query (the filter) and, for writes, the body with secrets redacted. */
  @Property({ type: 'jsonb' })
  params!: Record<string, unknown>;

  /** The HTTP status the caller received. */
  @Property({ type: 'smallint' })
  status!: number;

  @Property({ type: 'text' })
  requestId!: string;
}
