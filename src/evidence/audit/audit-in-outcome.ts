import type { AuditRecord } from './audit.service';

/**
 * The audit entry of a request audited with `ownTransaction` (an admin's refund or cancel), waiting for the
 * transaction that records its operation's outcome: inserted there, no outcome is recorded without it, a crash
 * right after that commit included. The audit interceptor puts it on the request (`request.pendingAuditEntry`);
 * the route hands it to the work that records the outcome.
 */
export interface PendingAuditEntry {
  /** The entry as the audit interceptor would write it for this status and answer. */
  build(status: number, answer: unknown): AuditRecord;
  /** Set once the entry committed with the outcome; the interceptor then writes none. */
  recorded: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    pendingAuditEntry?: PendingAuditEntry;
  }
}
