import { ConfigService } from '@nestjs/config';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { ProblemException } from '../../common/errors/problem.exception';
import type { AppConfig, OrdersConfig } from '../../config/app-config';
import type { KlarnaCredentials } from '../../klarna/klarna-credentials';
import { KlarnaClient } from '../../klarna/klarna.client';
import {
  fieldErrorsFromMessages,
  KlarnaApiError,
  KlarnaCredentialsRejectedError,
  KlarnaUnavailableError,
  KlarnaUnknownOutcomeError,
} from '../../klarna/klarna.errors';
import { JSON_CONTENT_TYPE, problemAnswer, type RenderedAnswer } from '../orders/order-answers';
import { captureBody, EVENT_OF_KIND, refundBody, toOperationDto } from './money-answers';
import {
  finalizeOperation,
  releaseOperation,
  rescheduleOperation,
  storedOperationAnswer,
} from './money.queries';
import type { OrderOperation } from './order-operation.entity';
import { AuditService } from '../../evidence/audit/audit.service';
import type { PendingAuditEntry } from '../../evidence/audit/audit-in-outcome';
import { adminFollowUp } from './admin-follow-up';

export type OperationSettled =
  | { kind: 'final'; operation: OrderOperation; answer: RenderedAnswer }
  | { kind: 'unknown'; operation: OrderOperation; reason: string }
  | { kind: 'released'; problem: ProblemException };

export interface OperationTarget {
  /** The operation as committed (status unknown). */
  operation: OrderOperation;
  klarnaOrderId: string;
  attempt: number;
  credentials: KlarnaCredentials;
  origin: 'request' | 'completer';
  /** An admin's request: its audit entry, written in the transaction that records the outcome. */
  auditEntry?: PendingAuditEntry;
}

/**
 * One call to Klarna's Order Management for a committed capture, refund or cancellation, and the recording of
 * what came back; shared by the request and the completer (the token orders' OrderAttempts, for money).
 */
@Injectable()
export class MoneyAttempts {
  private readonly logger = new Logger(MoneyAttempts.name);
  private readonly config: OrdersConfig;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly klarna: KlarnaClient,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.config = config.getOrThrow('orders', { infer: true });
  }

  async run(target: OperationTarget): Promise<OperationSettled> {
    const op = target.operation;
    const key = op.klarnaIdempotencyKey!;
    let klarnaId: string | null = null;
    try {
      if (op.kind === 'capture') {
        const { data } = await this.klarna.createCapture(
          target.credentials,
          target.klarnaOrderId,
          captureBody(op),
          key,
        );
        klarnaId = data.capture_id;
      } else if (op.kind === 'refund') {
        const { data } = await this.klarna.createRefund(
          target.credentials,
          target.klarnaOrderId,
          refundBody(op),
          key,
        );
        klarnaId = data.refund_id;
      } else {
        await this.klarna.cancelOrder(target.credentials, target.klarnaOrderId, key);
      }
    } catch (error) {
      return this.settleError(target, error);
    }
    return this.finalize(target, { status: 'succeeded', klarnaId, errorCode: null, errorMessage: null });
  }

  private async settleError(target: OperationTarget, error: unknown): Promise<OperationSettled> {
    const nothingSent =
      error instanceof KlarnaUnavailableError ||
      error instanceof KlarnaCredentialsRejectedError ||
      (error instanceof KlarnaApiError && error.httpStatus === 429);
    if (error instanceof KlarnaApiError && error.httpStatus !== 429) {
      return this.finalize(
        target,
        {
          status: 'failed',
          klarnaId: null,
          errorCode: error.errorCode,
          errorMessage: error.messages.join('; ') || null,
        },
        error,
      );
    }
    if (nothingSent && target.origin === 'request') {
      const released = await releaseOperation(this.em.fork(), target.operation.id, target.attempt);
      if (released) return { kind: 'released', problem: error };
    }
    const reason =
      error instanceof KlarnaUnknownOutcomeError
        ? error.failure
        : nothingSent
          ? `not_sent:${(error as ProblemException).code}`
          : 'unexpected_error';
    if (!(error instanceof KlarnaUnknownOutcomeError) && !nothingSent) {
      this.logger.error(
        { err: error, operation_id: target.operation.id },
        'money attempt failed unexpectedly',
      );
    }
    const now = this.clock.now();
    const delay = Math.min(
      this.config.retryMaxDelayMs,
      this.config.retryBaseDelayMs * 2 ** Math.max(0, target.attempt - 1),
    );
    const nextAttemptAt = new Date(now.getTime() + delay);
    try {
      await rescheduleOperation(
        this.em.fork(),
        target.operation.id,
        target.attempt,
        nextAttemptAt,
        reason,
        now,
      );
    } catch (e) {
      this.logger.error({ err: e, operation_id: target.operation.id }, 'could not reschedule an operation');
    }
    return { kind: 'unknown', operation: { ...target.operation, nextAttemptAt, lastError: reason }, reason };
  }

  private async finalize(
    target: OperationTarget,
    result: Pick<OrderOperation, 'status' | 'klarnaId' | 'errorCode' | 'errorMessage'>,
    apiError?: KlarnaApiError,
  ): Promise<OperationSettled> {
    const now = this.clock.now();
    const operation: OrderOperation = {
      ...target.operation,
      ...result,
      nextAttemptAt: null,
      lastError: null,
      completedAt: now,
      updatedAt: now,
    };
    const dto = toOperationDto(operation);
    const answer: RenderedAnswer =
      operation.status === 'succeeded'
        ? {
            status: operation.kind === 'cancel' ? 200 : 201,
            contentType: JSON_CONTENT_TYPE,
            body: JSON.stringify(dto),
          }
        : problemAnswer(klarnaRefused(operation, apiError), operation.requestId ?? 'unknown');
    // The audit log gets an admin's outcome in the same transaction as the outcome itself: the request's own entry
    // when its request records it, a follow-up when the completer settles what its request left unknown (202).
    const requestEntry = target.origin === 'request' ? target.auditEntry : undefined;
    const followUp =
      target.origin === 'completer'
        ? adminFollowUp(operation, 'settled', answer.status)
        : requestEntry && !requestEntry.recorded
          ? requestEntry.build(answer.status, JSON.parse(answer.body))
          : null;
    const record = (em: EntityManager) =>
      finalizeOperation(
        em,
        {
          id: operation.id,
          orderId: operation.orderId,
          merchantId: operation.merchantId,
          kind: operation.kind,
          amount: Number(operation.amount),
          status: operation.status as 'succeeded' | 'failed',
          klarnaId: operation.klarnaId ?? null,
          errorCode: operation.errorCode ?? null,
          errorMessage: operation.errorMessage ?? null,
        },
        answer,
        now,
        {
          merchantId: operation.merchantId,
          type: EVENT_OF_KIND[operation.kind],
          data: { ...dto },
          deliverAt: this.clock.wallNow(),
        },
      );
    try {
      const won = followUp
        ? await this.em.fork().transactional(async (tx) => {
            const first = await record(tx);
            if (first) await this.audit.record(tx, followUp);
            return first;
          })
        : await record(this.em);
      if (won && followUp && requestEntry) requestEntry.recorded = true;
      if (!won) {
        const stored = await storedOperationAnswer(this.em.fork(), operation.id);
        if (stored) return { kind: 'final', operation, answer: stored };
      }
    } catch (error) {
      // Not recorded: stays unknown, and a retry with the same Klarna key (which replays the answer) records it.
      this.logger.error({ err: error, operation_id: operation.id }, 'could not record the operation outcome');
      return { kind: 'unknown', operation: target.operation, reason: 'not_recorded' };
    }
    return { kind: 'final', operation, answer };
  }
}

function klarnaRefused(op: OrderOperation, apiError?: KlarnaApiError): ProblemException {
  const errors = apiError ? fieldErrorsFromMessages(apiError.messages) : [];
  return new ProblemException({
    status: 422,
    code: 'KLARNA_REJECTED',
    title: 'Unprocessable Entity',
    detail:
      `Klarna refused ${op.kind} ${op.id} (${op.errorCode})` +
      (op.errorMessage ? `: ${op.errorMessage}` : '.'),
    errors: errors.length > 0 ? errors : undefined,
    upstream: { error_code: op.errorCode ?? 'UNKNOWN', correlation_id: apiError?.correlationId },
  });
}
