import { Injectable } from '@nestjs/common';
import { EmulatorClock } from '../core/clock';
import { KlarnaError, type KlarnaErrorBody } from '../core/klarna-error';
import { EmulatorState, type StoredResponse } from '../core/state';

/** Klarna executes a POST with the same Klarna-Idempotency-Key once within 24 hours (REFERENCE §1.3, [S10]). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/**
 * The 24-hour idempotency window. The first executed answer (a success, or a 403 refusal) is kept per key and
 * replayed verbatim, whatever body the repeat carries: Order Management's spec says "input values of the
 * operation are disregarded when evaluating the idempotency of the operation, only the key matters". Validation
 * errors (400), unknown resources (404) and 5xx are not kept, so a corrected retry goes through. Handlers run
 * synchronously on one event loop, so concurrent duplicates are serialised and never execute twice.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly state: EmulatorState,
    private readonly clock: EmulatorClock,
  ) {}

  /** `key` undefined: no idempotency, `action` just runs. */
  run(key: string | undefined, correlationId: string, action: () => StoredResponse): StoredResponse {
    if (key === undefined) return action();
    this.expire();
    const stored = this.state.idempotency.get(key);
    if (stored) {
      if (stored.response.status >= 300) {
        throw KlarnaError.replay(stored.response.status, stored.response.body as KlarnaErrorBody);
      }
      return stored.response;
    }
    try {
      const response = action();
      this.state.idempotency.set(key, { storedAt: this.clock.now(), response });
      return response;
    } catch (error) {
      if (error instanceof KlarnaError && error.status === 403) {
        this.state.idempotency.set(key, {
          storedAt: this.clock.now(),
          response: { status: 403, body: error.body(correlationId) },
        });
      }
      throw error;
    }
  }

  /** Records are inserted in time order, so expired ones are always at the front: amortised O(1). */
  private expire(): void {
    const cutoff = this.clock.now() - IDEMPOTENCY_TTL_MS;
    for (const [key, record] of this.state.idempotency) {
      if (record.storedAt > cutoff) break;
      this.state.idempotency.delete(key);
    }
  }
}
