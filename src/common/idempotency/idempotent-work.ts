import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bindResource } from './idempotency.queries';

/** The Idempotency-Key a request holds while its handler runs (set by IdempotencyInterceptor). */
interface HeldKey {
  scope: string;
  key: string;
  /** What an earlier holder of the key created before it crashed without an answer; null when none. */
  earlier: string | null;
}

const held = new AsyncLocalStorage<HeldKey>();

/** Runs `work` (the handler) as the holder of the key. */
export function holdingKey<T>(key: HeldKey, work: () => T): T {
  return held.run(key, work);
}

/**
 * For a route whose work commits before its answer is recorded: the id of what an earlier request with this
 * Idempotency-Key and the same body created before it crashed (its answer was never recorded, its lease ran out).
 * The route answers with that resource instead of creating a second one. Null without a key or such a request.
 */
export function createdByEarlierAttempt(): string | null {
  return held.getStore()?.earlier ?? null;
}

/**
 * Binds the resource this request creates to its Idempotency-Key; call it inside the transaction that creates
 * the resource, so that the two commit together. Does nothing without a key.
 */
export async function bindToIdempotencyKey(em: EntityManager, resourceId: string): Promise<void> {
  const key = held.getStore();
  if (key) await bindResource(em, key.scope, key.key, resourceId);
}
