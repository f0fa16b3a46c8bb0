import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from './role';

export interface Principal {
  keyId: string;
  role: Role;
  /** The merchant a `merchant` or `merchant_auditor` key belongs to; null for platform keys. */
  merchantId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * On routes open to auditors: the merchant a `merchant_auditor` key is bound to (the route must show only that
 * merchant's records, and answer 404 for another's), or null for a platform key (admin, auditor).
 */
export const AuditScope = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (principal?.role !== 'merchant_auditor') return null;
  if (!principal.merchantId) throw new Error('a merchant_auditor key without a merchant');
  return principal.merchantId;
});

/** The merchant id of a `merchant` key (the guard guarantees one on merchant-only routes). */
export const CurrentMerchantId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal?.merchantId)
    throw new Error('CurrentMerchantId used on a route not limited to merchant keys');
  return principal.merchantId;
});

/** Who is calling: the key id and role (for routes that record the actor, e.g. an admin's money operations). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
