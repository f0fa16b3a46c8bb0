import { ProblemException } from '../../common/errors/problem.exception';
import type { KlarnaCaptureRequest, KlarnaRefundRequest } from '../../klarna/klarna.types';
import type { Order } from '../orders/order.entity';
import type { OperationDto, OrderMoneyDto } from './dto/money.dto';
import type { OrderOperation, OperationKind } from './order-operation.entity';

export const OPERATION_ID_PREFIX: Readonly<Record<OperationKind, string>> = {
  capture: 'cap',
  refund: 'ref',
  cancel: 'cnl',
};

/** The Klarna-Idempotency-Key namespace of each kind (so one merchant key never collides across kinds). */
export const KLARNA_KEY_NAMESPACE: Readonly<Record<OperationKind, string>> = {
  capture: 'capture',
  refund: 'refund',
  cancel: 'cancel',
};

export const EVENT_OF_KIND = {
  capture: 'order.captured',
  refund: 'order.refunded',
  cancel: 'order.canceled',
} as const;

export function toOperationDto(op: OrderOperation): OperationDto {
  return {
    id: op.id,
    order_id: op.orderId,
    type: op.kind,
    status: op.status,
    amount: Number(op.amount),
    description: op.description ?? null,
    reference: op.reference ?? null,
    klarna_id: op.klarnaId ?? null,
    source: op.source,
    error_code: op.errorCode ?? null,
    created_at: op.createdAt.toISOString(),
    completed_at: op.completedAt?.toISOString() ?? null,
  };
}

/** Exactly what is sent to Klarna for an operation: rebuilt from its row, so every retry sends the same body. */
export function captureBody(op: OrderOperation): KlarnaCaptureRequest {
  return {
    captured_amount: Number(op.amount),
    ...(op.description != null ? { description: op.description } : {}),
    ...(op.reference != null ? { reference: op.reference } : {}),
    ...(op.orderLines ? { order_lines: op.orderLines } : {}),
  };
}

export function refundBody(op: OrderOperation): KlarnaRefundRequest {
  return {
    refunded_amount: Number(op.amount),
    ...(op.description != null ? { description: op.description } : {}),
    ...(op.reference != null ? { reference: op.reference } : {}),
    ...(op.orderLines ? { order_lines: op.orderLines } : {}),
  };
}

/** The order's money as Klarna holds it (null until Klarna placed the order). */
export function moneyOf(order: Order, operations: OrderOperation[], now: Date): OrderMoneyDto | null {
  if ((order.status !== 'accepted' && order.status !== 'pending') || !order.klarnaOrderId) return null;
  const authorized = Number(order.orderAmount);
  const captured = Number(order.capturedAmount);
  const refunded = Number(order.refundedAmount);
  const expiresAt = order.authorizationExpiresAt ?? null;
  const canceled = order.canceledAt != null || order.klarnaStatus === 'CANCELLED';
  const expired =
    !canceled &&
    captured < authorized &&
    (order.klarnaStatus === 'EXPIRED' || (expiresAt !== null && expiresAt.getTime() <= now.getTime()));
  const status: OrderMoneyDto['status'] =
    order.klarnaStatus === 'CLOSED'
      ? 'closed'
      : canceled
        ? 'canceled'
        : expired && captured === 0
          ? 'expired'
          : captured === 0
            ? 'authorized'
            : captured < authorized && !expired
              ? 'part_captured'
              : 'captured';
  const remaining = canceled || expired || status === 'closed' ? 0 : Math.max(0, authorized - captured);
  const sorted = [...operations].sort((a, b) => (a.id < b.id ? -1 : 1));
  const cancellation = sorted.filter((o) => o.kind === 'cancel').pop();
  return {
    status,
    authorized_amount: authorized,
    captured_amount: captured,
    refunded_amount: refunded,
    remaining_authorized_amount: remaining,
    authorization_expires_at: remaining > 0 && expiresAt ? expiresAt.toISOString() : null,
    captures: sorted.filter((o) => o.kind === 'capture').map(toOperationDto),
    refunds: sorted.filter((o) => o.kind === 'refund').map(toOperationDto),
    cancellation: cancellation ? toOperationDto(cancellation) : null,
  };
}

export const notAllowed = (code: string, detail: string): ProblemException =>
  new ProblemException({ status: 409, code, title: 'Conflict', detail });

export const amountTooLarge = (code: string, detail: string, max: number): ProblemException =>
  new ProblemException({
    status: 422,
    code,
    title: 'Unprocessable Entity',
    detail,
    errors: [{ field: 'amount', message: `must be at most ${max}` }],
  });
