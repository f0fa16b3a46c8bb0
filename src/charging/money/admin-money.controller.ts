import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { idempotencyKeyProblem } from '../../common/idempotency/idempotency.problems';
import { Audited } from '../../evidence/audit/audited.decorator';
import { ProblemDto } from '../../common/errors/problem.dto';
import { CreateRefundDto, OperationDto, OrderDetailDto } from './dto/money.dto';
import { CancelDocs, prepareReply, RefundDocs, refundRequest } from './money-http';
import { MoneyService, type OperationRequest } from './money.service';
import { ADMIN_AUDIT_OUTCOME, ADMIN_ORDERS_ROUTE, ADMIN_ROUTE_OF_KIND } from './admin-follow-up';

const ADMIN =
  ' An admin acts on any merchant’s order: the operation records actor `admin:<key id>`, and the audit log ' +
  '(`GET /admin/v1/audit-log`) an entry with the order, the request (amount) and the outcome (operation id, ' +
  'status, amount, or the refusal’s code). Admin Idempotency-Keys never meet a merchant’s.';

/**
 * Refunds and cancels by a platform admin (issue #14), through the same MoneyService as the merchant's routes.
 * Audited with `ownTransaction`: the operation commits its attempt before it calls Klarna, which an audit
 * transaction around the handler would hold open (and roll back with an entry that failed).
 */
@ApiTags('admin: orders')
@Controller(ADMIN_ORDERS_ROUTE)
export class AdminMoneyController {
  constructor(private readonly money: MoneyService) {}

  @Get(':order_id')
  @Auth('admin', 'auditor')
  @Audited('order.read', { target: 'order_id' })
  @ApiOperation({
    summary: 'Read any merchant’s order with its money, as an admin or auditor',
    description:
      'The same view as the merchant’s `GET /v1/orders/{order_id}`: amounts, captures, refunds and cancels ' +
      'with their actors’ outcomes. Where an admin’s refund or cancel whose outcome is not known yet (202) points.',
  })
  @ApiOkResponse({ type: OrderDetailDto })
  @ApiForbiddenResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('order_id') orderId: string): Promise<OrderDetailDto> {
    return this.money.get(null, orderId);
  }

  @Post(ADMIN_ROUTE_OF_KIND.refund)
  @Auth('admin')
  @Audited('order.refund', { target: 'order_id', ownTransaction: true, outcome: ADMIN_AUDIT_OUTCOME })
  @RefundDocs('Refund (part of) any merchant’s captured order, as an admin', ADMIN)
  refund(
    @CurrentPrincipal() admin: Principal,
    @Param('order_id') orderId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateRefundDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OperationDto> {
    return this.operate(admin, orderId, idempotencyKey, request, reply, refundRequest(body));
  }

  @Post(ADMIN_ROUTE_OF_KIND.cancel)
  @HttpCode(200)
  @Auth('admin')
  @Audited('order.cancel', { target: 'order_id', ownTransaction: true, outcome: ADMIN_AUDIT_OUTCOME })
  @CancelDocs('Cancel (void) any merchant’s order nothing of which is captured, as an admin', ADMIN)
  cancel(
    @CurrentPrincipal() admin: Principal,
    @Param('order_id') orderId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OperationDto> {
    return this.operate(admin, orderId, idempotencyKey, request, reply, { kind: 'cancel' });
  }

  /**
   * Returns the answer's body rather than sending it, so that the audit interceptor records the outcome before
   * the answer leaves (the stored body is JSON.stringify's output, so the bytes a replay gets are the same).
   */
  private async operate(
    admin: Principal,
    orderId: string,
    idempotencyKey: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    operation: OperationRequest,
  ): Promise<OperationDto> {
    const keyProblem = idempotencyKeyProblem(idempotencyKey);
    if (keyProblem) throw keyProblem;
    const result = await this.money.operateAsAdmin(
      admin.keyId,
      orderId,
      idempotencyKey!,
      operation,
      String(request.id),
      request.pendingAuditEntry,
    );
    return JSON.parse(prepareReply(result, reply).body) as OperationDto;
  }
}
