import type { FastifyInstance } from 'fastify';
import { auditRecordOf, isAdminRoute } from './audit-request';
import type { AuditService } from './audit.service';

/**
 * Records `/admin` requests that were authenticated but refused before reaching the handler (wrong role: 403,
 * rate limit: 429), which interceptors never see. Best effort, after the answer is sent: such a request read
 * and changed nothing. Unauthenticated requests are not recorded: there is no actor to name, and anyone could
 * fill the append-only log with them.
 */
export function installAuditHook(fastify: FastifyInstance, audit: AuditService): void {
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.auditRecorded || !request.principal || !isAdminRoute(request)) return;
    await audit.recordDetached(auditRecordOf(request, request.principal, reply.statusCode));
  });
}
