import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { newId } from '../../common/ids';
import { decodeCursor, type Page, pageLimit, toPage } from '../../common/pagination/pagination';
import { AuditEntry } from './audit-entry.entity';
import { insertAuditEntry, keyIdsOfMerchant } from './audit.queries';
import type { AuditActorRole, AuditEntryDto, AuditLogQueryDto } from './dto/audit-log.dto';
import type { AuditRecord } from './audit-record';

export type { AuditRecord } from './audit-record';

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** Inserts the entry through `em`: inside a transaction, it commits or rolls back with the audited work. */
  async record(em: EntityManager, record: AuditRecord): Promise<void> {
    await insertAuditEntry(em, { id: newId('aud', this.clock.nowMs()), at: this.clock.now(), ...record });
  }

  /**
   * Best effort, on a connection of its own, for requests that changed and disclosed nothing (refused by the
   * guard, failed validation, not found, rolled back): a lost entry loses an attempt, never a read or a write.
   */
  async recordDetached(record: AuditRecord): Promise<void> {
    try {
      await this.record(this.em.fork(), record);
    } catch (error) {
      this.logger.error({ err: error, audit: record }, 'could not record a refused admin request');
    }
  }

  /** With `merchantScope` (a merchant auditor): only requests made with that merchant's keys. */
  async list(query: AuditLogQueryDto, merchantScope: string | null = null): Promise<Page<AuditEntryDto>> {
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const where: FilterQuery<AuditEntry> = {};
    if (merchantScope !== null) {
      const keys = await keyIdsOfMerchant(this.em, merchantScope);
      where.actorKeyId = {
        $in: query.actor_key_id === undefined ? keys : keys.filter((k) => k === query.actor_key_id),
      };
    } else if (query.actor_key_id !== undefined) where.actorKeyId = query.actor_key_id;
    if (query.actor_role !== undefined) where.actorRole = query.actor_role as AuditActorRole;
    if (query.action !== undefined) where.action = query.action;
    if (query.target_id !== undefined) where.targetId = query.target_id;
    if (query.from !== undefined || query.to !== undefined) {
      where.at = {
        ...(query.from !== undefined ? { $gte: new Date(query.from) } : {}),
        ...(query.to !== undefined ? { $lt: new Date(query.to) } : {}),
      };
    }
    if (before) where.id = { $lt: before };
    const rows = await this.em.find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return toPage(rows, limit, (row) => this.map(row));
  }

  private map(e: AuditEntry): AuditEntryDto {
    return {
      id: e.id,
      at: e.at.toISOString(),
      actor_key_id: e.actorKeyId,
      actor_role: e.actorRole,
      action: e.action,
      method: e.method,
      route: e.route,
      target_id: e.targetId ?? null,
      params: e.params,
      status: e.status,
      request_id: e.requestId,
    };
  }
}
