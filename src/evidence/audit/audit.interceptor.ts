import { EntityManager } from '@mikro-orm/postgresql';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, from, lastValueFrom, mergeMap, type Observable, throwError, catchError } from 'rxjs';
import { auditRecordOf, isAdminRoute, READ_METHODS, statusOf } from './audit-request';
import { AuditService } from './audit.service';
import type { PendingAuditEntry } from './audit-in-outcome';

/**
 * Records every authenticated request to an `/admin/**` route in the audit log, with its outcome (`@Audited` puts it on
 * each such route).
 *
 * - Writes run in one transaction with their audit entry (the handler's services resolve the injected
 *   EntityManager to that transaction): no write without its entry, and no entry for a rolled-back write.
 * - Reads insert their entry after the handler produced the answer and before it is sent; if the insert fails
 *   the caller gets a 500 instead of the data, so no consent evidence leaves unrecorded.
 * - Writes marked `ownTransaction` (@Audited: an admin's refund or cancel, which commits its attempt before it
 *   calls Klarna) have their entry inserted in the transaction that records the operation's outcome
 *   (request.pendingAuditEntry), so no outcome is recorded without it, a crash after that commit included. Where no
 *   outcome was recorded (a refusal before anything was sent, a replay, an outcome not yet known: 202) the entry
 *   is inserted once the handler has answered, before the answer is sent.
 * - Requests that fail (validation, not found, rolled back) are recorded with their status, best effort.
 * Requests the guard refuses never reach interceptors; the onResponse hook (audit-hook.ts) records those.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler<unknown>): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const principal = request.principal;
    if (!principal || !isAdminRoute(request)) return next.handle();
    request.auditRecorded = true;

    const failed = (error: unknown): Observable<never> =>
      from(this.audit.recordDetached(auditRecordOf(request, principal, statusOf(error), error))).pipe(
        mergeMap(() => throwError(() => error)),
      );

    if (request.routeOptions.config?.audit?.ownTransaction) {
      const entry: PendingAuditEntry = {
        build: (status, answer) => auditRecordOf(request, principal, status, answer),
        recorded: false,
      };
      request.pendingAuditEntry = entry;
      return next.handle().pipe(
        mergeMap(async (result: unknown) => {
          if (!entry.recorded) {
            await this.audit.record(this.em, auditRecordOf(request, principal, reply.statusCode, result));
          }
          return result;
        }),
        catchError((error: unknown) => (entry.recorded ? throwError(() => error) : failed(error))),
      );
    }
    if (READ_METHODS.has(request.method)) {
      return next.handle().pipe(
        mergeMap(async (result: unknown) => {
          await this.audit.record(this.em, auditRecordOf(request, principal, reply.statusCode, result));
          return result;
        }),
        catchError(failed),
      );
    }
    return defer(() =>
      this.em.transactional(async (em) => {
        // next.handle() binds the handler to the current async context: this transaction's.
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.audit.record(em, auditRecordOf(request, principal, reply.statusCode, result));
        return result;
      }),
    ).pipe(catchError(failed));
  }
}
