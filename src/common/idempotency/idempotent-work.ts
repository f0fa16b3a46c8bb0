import type { EntityManager } from '@mikro-orm/postgresql';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { bindResource } from './idempotency.queries';

/** The Idempotency-Key a request holds while its handler runs (set by IdempotencyInterceptor). */
export interface HeldKey {
  scope: string;
  key: string;
  /**
   * What an earlier request with this key and the same body created before it crashed (its answer was never
   * recorded, its lease ran out): the route answers with that resource instead of creating a second one. Null
   * when there was none.
   */
  earlier: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    heldIdempotencyKey?: HeldKey;
  }
}

/**
 * The key the request holds, for a route whose work commits before its answer is recorded; undefined when the
 * request came without one. (A request property, not an AsyncLocalStorage: on Node 20 every enabled one costs
 * every promise of every request.)
 */
export const HeldIdempotencyKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): HeldKey | undefined =>
    context.switchToHttp().getRequest<FastifyRequest>().heldIdempotencyKey,
);

/**
 * Binds the resource this request creates to its Idempotency-Key; call it inside the transaction that creates
 * the resource, so that the two commit together. Does nothing without a key.
 */
export async function bindToIdempotencyKey(
  em: EntityManager,
  held: HeldKey | undefined,
  resourceId: string,
): Promise<void> {
  if (held) await bindResource(em, held.scope, held.key, resourceId);
}
