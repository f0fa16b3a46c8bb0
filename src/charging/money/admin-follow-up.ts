import type { AuditRecord } from '../../evidence/audit/audit.service';
import { toOperationDto } from './money-answers';
import type { OrderOperation } from './order-operation.entity';

/** The fields of an operation's answer that an admin's audit entry keeps as `params.outcome`. */
export const ADMIN_AUDIT_OUTCOME = ['id', 'type', 'status', 'amount', 'error_code'] as const;

const ADMIN_ACTOR = 'admin:';

/** The admin's money routes (AdminMoneyController): the follow-up names the route its request came by. */
export const ADMIN_ORDERS_ROUTE = 'admin/v1/orders';
export const ADMIN_ROUTE_OF_KIND = { refund: ':order_id/refunds', cancel: ':order_id/cancel' } as const;

/**
 * The audit log's follow-up entry for an admin's refund or cancel whose request was answered 202 (outcome unknown)
 * and that the money completer settled later (`order.refund.settled`), or gave up on after 20 h
 * (`order.refund.outcome_unknown`). The request's own entry recorded `status: unknown`; this one records what a
 * repeat of the request now gets. It names the admin's key and carries the request id of the original request,
 * so an auditor finds both under either; `params.recorded_by` says that the service wrote it, not a request. Null
 * for an operation an admin did not ask for.
 */
export function adminFollowUp(
  op: OrderOperation,
  event: 'settled' | 'outcome_unknown',
  status: number,
): AuditRecord | null {
  if (!op.actor.startsWith(ADMIN_ACTOR) || op.kind === 'capture') return null;
  const dto: Record<string, unknown> = { ...toOperationDto(op) };
  return {
    actorKeyId: op.actor.slice(ADMIN_ACTOR.length),
    actorRole: 'admin',
    action: `order.${op.kind}.${event}`,
    method: 'POST',
    route: `/${ADMIN_ORDERS_ROUTE}/${ADMIN_ROUTE_OF_KIND[op.kind]}`,
    targetId: op.orderId,
    params: {
      path: { order_id: op.orderId },
      outcome: Object.fromEntries(ADMIN_AUDIT_OUTCOME.map((f) => [f, dto[f]])),
      recorded_by: 'money-completer',
    },
    status,
    requestId: op.requestId ?? op.id,
  };
}
