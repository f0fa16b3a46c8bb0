import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Merchant, type MerchantContext } from '../core/request-context';
import type { StoredResponse } from '../core/state';
import { OrderManagementService } from '../domain/order-management.service';

/** Sends a stored (or replayed) answer: its status, its headers, and no body for the 201s and 204s. */
function answer(reply: FastifyReply, response: StoredResponse): unknown {
  void reply.status(response.status);
  if (response.headers) void reply.headers(response.headers);
  return response.body ?? undefined;
}

/** Klarna Order Management API v1 (order-management-v1.yml): the operations the service uses. */
@Controller('ordermanagement/v1/orders')
export class OrderManagementController {
  constructor(private readonly orders: OrderManagementService) {}

  @Get(':orderId')
  getOrder(@Merchant() merchant: MerchantContext, @Param('orderId') orderId: string) {
    return this.orders.read(merchant.mid, orderId);
  }

  @Post(':orderId/captures')
  captureOrder(
    @Merchant() merchant: MerchantContext,
    @Param('orderId') orderId: string,
    @Body() body: unknown,
    @Headers('klarna-idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, this.orders.capture(merchant, orderId, body, key || undefined));
  }

  @Get(':orderId/captures/:captureId')
  getCapture(
    @Merchant() merchant: MerchantContext,
    @Param('orderId') orderId: string,
    @Param('captureId') captureId: string,
  ) {
    return this.orders.readCapture(merchant.mid, orderId, captureId);
  }

  @Post(':orderId/refunds')
  refundOrder(
    @Merchant() merchant: MerchantContext,
    @Param('orderId') orderId: string,
    @Body() body: unknown,
    @Headers('klarna-idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, this.orders.refund(merchant, orderId, body, key || undefined));
  }

  @Get(':orderId/refunds/:refundId')
  getRefund(
    @Merchant() merchant: MerchantContext,
    @Param('orderId') orderId: string,
    @Param('refundId') refundId: string,
  ) {
    return this.orders.readRefund(merchant.mid, orderId, refundId);
  }

  @Post(':orderId/cancel')
  cancelOrder(
    @Merchant() merchant: MerchantContext,
    @Param('orderId') orderId: string,
    @Headers('klarna-idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, this.orders.cancel(merchant, orderId, key || undefined));
  }

  @Post(':orderId/release-remaining-authorization')
  releaseRemainingAuthorization(
    @Merchant() merchant: MerchantContext,
    @Param('orderId') orderId: string,
    @Headers('klarna-idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, this.orders.releaseRemaining(merchant, orderId, key || undefined));
  }
}
