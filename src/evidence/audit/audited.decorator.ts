import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { AuditInterceptor } from './audit.interceptor';

export interface AuditSpec {
  /** Stable, dotted, lower-case: `merchant.create`, `consents.export`. */
  action: string;
  /** Route parameter holding the target's id; without it, a write's response `id` is the target. */
  target?: string;
  /**
   * A write that must not run inside the audit transaction, because it commits on its own before it calls out
   * (a money operation commits its attempt, then calls Klarna). Its entry is inserted in the transaction that
   * records the operation's outcome (audit-in-outcome.ts); where the request records no outcome (a refusal, a
   * replay, 202), once the handler has answered, before the answer is sent. See docs/money.md.
   */
  ownTransaction?: true;
  /** Fields of the answer (or the problem's `code`) kept in the entry as `params.outcome`. */
  outcome?: readonly string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditSpec;
  }
  interface FastifyRequest {
    /** Set once the audit interceptor has taken charge of the request. */
    auditRecorded?: boolean;
  }
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/**
 * Names the audit action of an `/admin` route and puts the audit interceptor (the write's transaction with its entry,
 * the read's entry before its answer) on it, outermost, ahead of any interceptor the route has already or gets later
 * (`@Idempotent`: its key is claimed and stored inside the audit transaction). The interceptor is per route, not
 * global, so that the merchant routes do not pay for a layer that only passes them on (issue #16: ~6% of a token
 * order's CPU). An `/admin` request whose route lacks this decorator is still recorded, by the onResponse hook,
 * under its method and route, outside any transaction; a test fails for such a route. The spec is stored in the
 * Fastify route config, so that requests the guard rejects are recorded under the same name.
 */
export function Audited(action: string, options: Omit<AuditSpec, 'action'> = {}): MethodDecorator {
  if (!ACTION.test(action)) throw new Error(`@Audited: "${action}" is not a dotted lower-case action`);
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const existing = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as object;
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...existing, audit: { action, ...options } },
      handler,
    );
    const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[];
    Reflect.defineMetadata(INTERCEPTORS_METADATA, [AuditInterceptor, ...interceptors], handler);
    return descriptor;
  };
}
