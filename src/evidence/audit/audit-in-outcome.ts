import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditRecord } from './audit.service';

/** The audit entry of a request audited with `ownTransaction`, waiting for the transaction of its outcome. */
export interface PendingAuditEntry {
  /** The request's id: the entry belongs to the outcome of the operation this request started, no other. */
  requestId: string;
  /** The entry as the audit interceptor would write it for this status and answer. */
  build(status: number, answer: unknown): AuditRecord;
  /** Set once the entry committed with the outcome; the interceptor then writes none. */
  recorded: boolean;
}

const pending = new AsyncLocalStorage<PendingAuditEntry>();

/** Runs the handler of an `ownTransaction` write with its entry pending (set by the audit interceptor). */
export function withPendingAuditEntry<T>(entry: PendingAuditEntry, work: () => T): T {
  return pending.run(entry, work);
}

/**
 * For the work that records an operation's outcome on behalf of the request that started it: the request's audit
 * entry (for the answer's status and JSON body), to insert in the same transaction as the outcome (no money outcome recorded without its entry, whatever
 * happens after that commit), and `committed()` to call once that transaction has committed. Null outside an
 * audited `ownTransaction` request, or for another request's operation.
 */
export function pendingAuditEntry(
  requestId: string | null,
  status: number,
  answerBody: string,
): { record: AuditRecord; committed: () => void } | null {
  const entry = pending.getStore();
  if (!entry || entry.recorded || entry.requestId !== requestId) return null;
  return {
    record: entry.build(status, JSON.parse(answerBody)),
    committed: () => {
      entry.recorded = true;
    },
  };
}
