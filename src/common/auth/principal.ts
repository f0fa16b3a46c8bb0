import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from './role';

export interface Principal {
  keyId: string;
  role: Role;
  /** The merchant a `merchant` key belongs to; null for platform keys. */
  merchantId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The merchant id of a `merchant` key (the guard guarantees one on merchant-only routes). */
export const CurrentMerchantId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal?.merchantId)
    throw new Error('CurrentMerchantId used on a route not limited to merchant keys');
  return principal.merchantId;
});
