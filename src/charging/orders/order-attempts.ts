import { ConfigService } from '@nestjs/config';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import type { ProblemException } from '../../common/errors/problem.exception';
import type { OrdersConfig, AppConfig } from '../../config/app-config';
import { CustomerToken } from '../../signup/customer-tokens/customer-token.entity';
import { CustomerTokensService } from '../../signup/customer-tokens/customer-tokens.service';
import type { EventType } from '../../events/event-types';
import { EventsService } from '../../events/events.service';
import type { KlarnaCredentials } from '../../klarna/klarna-credentials';
import { KlarnaClient } from '../../klarna/klarna.client';
import {
  fieldErrorsFromMessages,
  KlarnaApiError,
  KlarnaCredentialsRejectedError,
  KlarnaUnavailableError,
  KlarnaUnknownOutcomeError,
} from '../../klarna/klarna.errors';
import type { KlarnaOrder, KlarnaTokenOrderRequest } from '../../klarna/klarna.types';
import {
  DECLINE_CODES,
  klarnaRejected,
  NO_KLARNA_ANSWER,
  orderAnswer,
  type OrderView,
  paymentDeclined,
  problemAnswer,
  type RenderedAnswer,
  TOKEN_STATUS_BY_CODE,
  klarnaTokenStatus,
  tokenNotActive,
  toOrderDto,
  viewOf,
} from './order-answers';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.entity';
import { Order, type OrderStatus } from './order.entity';
import {
  recordOutcomeInTransaction,
  recordOutcomes,
  releaseAttempt,
  rescheduleUnknown,
} from './orders.queries';

/** What one attempt at Klarna ended in, from the order's point of view. */
export type Settled =
  /** Klarna answered definitely; the order is final and `answer` is what every replay gets. */
  | { kind: 'final'; order: OrderView; answer: RenderedAnswer }
  /** No definite answer: the order stays `unknown` and the completer retries with the same Klarna key. */
  | { kind: 'unknown'; order: OrderView; reason: string }
  /** Certainly nothing reached Klarna (breaker open, unreachable, 429, credentials): key and order given back. */
  | { kind: 'released'; problem: ProblemException };

/** What Klarna's definite answer sets on the order. */
type FinalResult = Partial<OrderView> & { status: OrderStatus };

/** A definite answer, ready to record. */
interface Final {
  order: OrderView;
  answer: RenderedAnswer;
  /** The token status Klarna's refusal implies (TOKEN_STATUS_BY_CODE), if any. */
  tokenStatus?: 'canceled' | 'suspended';
}

export interface AttemptTarget {
  order: OrderView;
  /** The attempt number this caller holds (the fence for giving the attempt back or rescheduling it). */
  attempt: number;
  klarnaIdempotencyKey: string;
  body: KlarnaTokenOrderRequest;
  klarnaTokenId: string;
  credentials: KlarnaCredentials;
  /** The request may give back an attempt Klarna never saw; the completer keeps retrying instead. */
  origin: 'request' | 'completer';
}

/**
 * One call to Klarna for an order attempt that is already committed, and the recording of what came back.
 * Shared by the request path and the completer, so that both settle an answer in exactly the same way.
 */
@Injectable()
export class OrderAttempts {
  private readonly logger = new Logger(OrderAttempts.name);
  private readonly config: OrdersConfig;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly klarna: KlarnaClient,
    private readonly tokens: CustomerTokensService,
    private readonly events: EventsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.config = config.getOrThrow('orders', { infer: true });
  }

  async run(target: AttemptTarget): Promise<Settled> {
    const [settled] = await this.runMany([target]);
    return settled;
  }

  /**
   * Attempts at Klarna for many committed orders at once (a subscription run's chunk): the calls run side by side,
   * and the definite answers are recorded together, in one statement. Each order settles exactly as on its own.
   */
  async runMany(targets: AttemptTarget[]): Promise<Settled[]> {
    const answers = await Promise.all(targets.map((target) => this.call(target)));
    const now = this.clock.now();
    const settled: (Promise<Settled> | Final)[] = answers.map((answer, i) =>
      'error' in answer
        ? this.settleError(targets[i], answer.error)
        : this.finalOf(targets[i], answer.result, now, answer.apiError),
    );
    const batch = settled.filter((s): s is Final => !(s instanceof Promise) && !s.tokenStatus);
    const recorded = batch.length > 0 ? this.recordBatch(batch, now) : Promise.resolve(new Set<string>());
    return Promise.all(
      settled.map((s, i) => {
        if (s instanceof Promise) return s;
        if (s.tokenStatus) return this.settleFinal(targets[i], s, () => this.recordWithTokenStatus(s, now));
        return this.settleFinal(targets[i], s, async () => (await recorded).has(s.order.id));
      }),
    );
  }

  /** Klarna's answer to one attempt: a definite result (an order, or an error Klarna gave), or what went wrong. */
  private async call(
    target: AttemptTarget,
  ): Promise<{ result: FinalResult; apiError?: KlarnaApiError } | { error: unknown }> {
    let data: KlarnaOrder;
    let correlationId: string | undefined;
    try {
      ({ data, correlationId } = await this.klarna.createTokenOrder(
        target.credentials,
        target.klarnaTokenId,
        target.body,
        target.klarnaIdempotencyKey,
      ));
    } catch (error) {
      if (error instanceof KlarnaApiError && error.httpStatus !== 429) {
        return {
          result: {
            status: DECLINE_CODES.has(error.errorCode) ? 'declined' : 'failed',
            errorCode: error.errorCode,
            errorMessage: error.messages.join('; ') || null,
            fraudStatus: error.fraudStatus ?? null,
            authorizedPaymentMethod: error.authorizedPaymentMethod ?? null,
            klarnaCorrelationId: error.correlationId ?? null,
          },
          apiError: error,
        };
      }
      return { error };
    }
    const fraud = typeof data.fraud_status === 'string' ? data.fraud_status.toUpperCase() : null;
    if (fraud === 'REJECTED') {
      return {
        result: {
          status: 'declined',
          klarnaOrderId: data.order_id ?? null,
          fraudStatus: fraud,
          errorCode: 'FRAUD_REJECTED',
          errorMessage: 'Klarna rejected the order in its fraud check.',
          klarnaCorrelationId: correlationId ?? null,
        },
      };
    }
    return {
      result: {
        status: fraud === 'PENDING' ? 'pending' : 'accepted',
        klarnaOrderId: data.order_id,
        fraudStatus: fraud,
        authorizedPaymentMethod: data.authorized_payment_method ?? null,
        redirectUrl:
          typeof data.redirect_url === 'string' && data.redirect_url !== '' ? data.redirect_url : null,
        klarnaCorrelationId: correlationId ?? null,
      },
    };
  }

  /** No definite answer from Klarna: give the attempt back when Klarna certainly saw nothing, else retry later. */
  private async settleError(target: AttemptTarget, error: unknown): Promise<Settled> {
    const nothingSent =
      error instanceof KlarnaUnavailableError ||
      error instanceof KlarnaCredentialsRejectedError ||
      (error instanceof KlarnaApiError && error.httpStatus === 429);
    if (nothingSent && target.origin === 'request') {
      const released = await this.release({ orderId: target.order.id, attempt: target.attempt });
      if (released) return { kind: 'released', problem: error };
    }
    const reason =
      error instanceof KlarnaUnknownOutcomeError
        ? error.failure
        : nothingSent
          ? `not_sent:${(error as ProblemException).code}`
          : 'unexpected_error';
    if (!(error instanceof KlarnaUnknownOutcomeError) && !nothingSent) {
      this.logger.error({ err: error, order_id: target.order.id }, 'token order attempt failed unexpectedly');
    }
    return this.reschedule(target, reason);
  }

  /** Gives the key back when Klarna certainly never saw this attempt (and nobody took it over meanwhile). */
  async release(target: { orderId: string; attempt: number }): Promise<boolean> {
    return releaseAttempt(this.em, target.orderId, target.attempt);
  }

  /** Leaves the order unknown and due for the completer after a backoff. */
  private async reschedule(target: AttemptTarget, reason: string): Promise<Settled> {
    const now = this.clock.now();
    const delay = Math.min(
      this.config.retryMaxDelayMs,
      this.config.retryBaseDelayMs * 2 ** Math.max(0, target.attempt - 1),
    );
    const nextAttemptAt = new Date(now.getTime() + delay);
    try {
      await rescheduleUnknown(this.em.fork(), target.order.id, target.attempt, {
        nextAttemptAt,
        lastError: reason,
        now,
      });
    } catch (error) {
      // The lease then simply runs out and the completer takes over.
      this.logger.error({ err: error, order_id: target.order.id }, 'could not reschedule an unknown order');
    }
    return { kind: 'unknown', order: { ...target.order, nextAttemptAt }, reason };
  }

  /**
   * Klarna's definite answer as it is recorded: the final order, the answer every replay gets, and the token
   * status Klarna's refusal implies (recorded in a transaction of its own, with the token).
   */
  private finalOf(target: AttemptTarget, result: FinalResult, now: Date, apiError?: KlarnaApiError): Final {
    const order: OrderView = {
      ...target.order,
      ...NO_KLARNA_ANSWER,
      ...result,
      nextAttemptAt: null,
      completedAt: now,
    };
    const tokenStatus = order.errorCode ? TOKEN_STATUS_BY_CODE[order.errorCode] : undefined;
    const answer =
      order.status === 'accepted' || order.status === 'pending'
        ? orderAnswer(order, 201)
        : problemAnswer(
            order.status === 'declined'
              ? paymentDeclined(order)
              : tokenStatus
                ? tokenNotActive(order.customerTokenId, tokenStatus, order)
                : klarnaRejected(order, apiError ? fieldErrorsFromMessages(apiError.messages) : undefined),
            order.requestId,
          );
    return { order, answer, tokenStatus };
  }

  /**
   * Whoever records first wins; a later recorder (Klarna replays the same answer for the same key) reads what the
   * first stored. `record` is true when this call recorded it.
   */
  private async settleFinal(
    target: AttemptTarget,
    final: Final,
    record: () => Promise<boolean>,
  ): Promise<Settled> {
    try {
      if (!(await record())) return this.alreadyFinal(final.order.id);
    } catch (error) {
      // Klarna's answer is not recorded: the order stays unknown and a retry with the same Klarna key (which
      // replays this very answer) records it later.
      this.logger.error({ err: error, order_id: final.order.id }, 'could not record the token order outcome');
      return { kind: 'unknown', order: target.order, reason: 'not_recorded' };
    }
    return { kind: 'final', order: final.order, answer: final.answer };
  }

  /**
   * The common case in ONE statement (so one implicit transaction and one round trip) for one order or a batch:
   * each order (only while still unknown), the answer for replays, and the event with its webhook deliveries.
   * The ids of the orders this call finalized.
   *
   * Committed without waiting for the WAL flush (`synchronous_commit` off for this transaction only): the
   * attempt itself was committed durably before Klarna was called, and Klarna replays the same answer for the
   * same Klarna-Idempotency-Key for 24 hours. So if PostgreSQL itself crashed within the WAL writer's delay
   * (about 0.2 s) and lost this commit, the order would be `unknown` again, and the completer would ask Klarna
   * with the same key and record the very same answer: never a second order, never a lost one. (The one
   * difference: a webhook already sent for the lost event is sent again under a new event id.) Any later
   * durable commit flushes this one too. Measured: one WAL flush per order instead of two (waiting for WAL
   * flushes was most of what the order statements waited on in PostgreSQL).
   */
  private recordBatch(finals: Final[], now: Date): Promise<Set<string>> {
    const deliverAt = this.clock.wallNow();
    return recordOutcomes(
      this.em,
      finals.map(({ order, answer }) => ({
        order,
        answer,
        event: { ...orderEvent(order), whenKey: order.id, deliverAt },
      })),
      now,
    );
  }

  /** Klarna also changed the token's status (a refused charge): the token, its consent and their events too. */
  private async recordWithTokenStatus({ order, answer, tokenStatus }: Final, now: Date): Promise<boolean> {
    return this.em.fork().transactional(async (tx) => {
      const won = await recordOutcomeInTransaction(tx, order, answer, now);
      if (!won) return false;
      const token = await tx.findOneOrFail(CustomerToken, { id: order.customerTokenId });
      // The one place a Klarna token status is applied (event once, consent withdrawn once), in Klarna's spelling.
      await this.tokens.applyKlarnaStatus(token, { status: klarnaTokenStatus(tokenStatus!) }, tx);
      await this.events.emit(tx, { ...orderEvent(order) });
      return true;
    });
  }

  private async alreadyFinal(orderId: string): Promise<Settled> {
    const em = this.em.fork();
    const order = await em.findOneOrFail(Order, { id: orderId });
    const key = await em.findOneOrFail(IdempotencyKey, { orderId });
    return {
      kind: 'final',
      order: viewOf(order),
      answer: {
        status: key.responseStatus!,
        contentType: key.responseContentType!,
        body: key.responseBody!,
      },
    };
  }
}

function orderEvent(order: OrderView): {
  merchantId: string;
  type: EventType;
  data: Record<string, unknown>;
} {
  return {
    merchantId: order.merchantId,
    type: order.status === 'accepted' || order.status === 'pending' ? 'order.succeeded' : 'order.failed',
    data: { ...toOrderDto(order) },
  };
}
