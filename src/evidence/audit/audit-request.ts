import { HttpException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../common/auth/principal';
import { ProblemException } from '../../common/errors/problem.exception';
import { redactSecrets } from '../../common/logging/redact';
import type { AuditRecord } from './audit.service';

/** Requests that only read. Everything else is a write and runs in one transaction with its audit entry. */
export const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_BODY_CHARS = 16 * 1024;

/** Every route under /admin is audited, decorated or not. */
export function isAdminRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/admin/') ?? false;
}

export function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function stringParams(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? { ...(value as Record<string, unknown>) } : {};
}

/** The named fields of an answer, or the code of a problem (a refusal). */
function outcomeOf(result: unknown, fields: readonly string[]): Record<string, unknown> {
  if (result instanceof Error) return { code: result instanceof ProblemException ? result.code : null };
  const answer = stringParams(result);
  return Object.fromEntries(fields.filter((f) => f in answer).map((f) => [f, answer[f]]));
}

/** The audit entry of a request: the action named by @Audited, its target, its filter and its outcome. */
export function auditRecordOf(
  request: FastifyRequest,
  principal: Principal,
  status: number,
  result?: unknown,
): AuditRecord {
  const route = request.routeOptions.url ?? request.url.split('?')[0];
  const spec = request.routeOptions.config?.audit;
  const path = stringParams(request.params);
  const write = !READ_METHODS.has(request.method);
  const params: Record<string, unknown> = { path, query: stringParams(request.query) };
  if (write && request.body !== undefined && request.body !== null) {
    const body = JSON.stringify(redactSecrets(request.body));
    params.body =
      body.length <= MAX_BODY_CHARS ? (JSON.parse(body) as unknown) : { omitted: 'larger than 16 KiB' };
  }
  if (spec?.outcome) params.outcome = outcomeOf(result, spec.outcome);
  const fromParam = spec?.target !== undefined ? path[spec.target] : undefined;
  const fromResult =
    write && !(result instanceof Error) ? (result as { id?: unknown } | null | undefined)?.id : undefined;
  const targetId =
    typeof fromParam === 'string' ? fromParam : typeof fromResult === 'string' ? fromResult : null;
  return {
    actorKeyId: principal.keyId,
    actorRole: principal.role,
    action: spec?.action ?? `unnamed:${request.method} ${route}`,
    method: request.method,
    route,
    targetId,
    params,
    status,
    requestId: String(request.id),
  };
}
