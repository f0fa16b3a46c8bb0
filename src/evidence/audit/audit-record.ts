import type { AuditActorRole } from './dto/audit-log.dto';

/** What one audited request did, as the HTTP layer saw it. */
export interface AuditRecord {
  /** An API key id, or for a consumer in the portal their portal session id (`pts_…`). */
  actorKeyId: string;
  actorRole: AuditActorRole;
  action: string;
  method: string;
  route: string;
  targetId: string | null;
  params: Record<string, unknown>;
  status: number;
  requestId: string;
}
