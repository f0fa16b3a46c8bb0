import type { IncomingMessage } from 'node:http';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface RequestContext {
  correlationId: string;
  /** The Basic-auth username (Klarna's MID) once authenticated; null on the test controls. */
  mid: string | null;
  /** A Klarna endpoint (Payments, Customer Token, Order Management): auth, faults and the request log apply. */
  klarna: boolean;
  /** Fault "lost response": let the handler run, then drop the connection instead of answering. */
  loseResponse: boolean;
}

const contexts = new WeakMap<IncomingMessage, RequestContext>();

export function attachContext(request: FastifyRequest, context: RequestContext): void {
  contexts.set(request.raw, context);
}

export function contextOf(request: FastifyRequest): RequestContext {
  const context = contexts.get(request.raw);
  if (!context) throw new Error('request context missing: hooks not installed');
  return context;
}

/** Authenticated merchant context for Klarna endpoint handlers. */
export interface MerchantContext {
  mid: string;
  correlationId: string;
  origin: string;
}

export const Merchant = createParamDecorator((_: unknown, ctx: ExecutionContext): MerchantContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const context = contextOf(request);
  if (context.mid === null) throw new Error('Merchant context used on an unauthenticated route');
  return { mid: context.mid, correlationId: context.correlationId, origin: originOf(request) };
});

/** The emulator's own origin as the caller reached it, for redirect URLs it hands out. */
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}
