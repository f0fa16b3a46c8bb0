import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPaymentRequiredResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentMerchantId } from '../../common/auth/principal';
import { ProblemDto } from '../../common/errors/problem.dto';
import { ProblemException } from '../../common/errors/problem.exception';
import { idempotencyKeyProblem } from '../../common/idempotency/idempotency.problems';
import { ApiIdempotencyKey } from '../../common/idempotency/idempotent.decorator';
import { CreateTokenOrderDto, OrderDto, OrderPageDto, OrderQueryDto } from './dto/order.dto';
import { OrdersService } from './orders.service';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { CREATE_TOKEN_ORDER_EXAMPLES } from '../charging.examples';

@ApiTags('orders')
@Controller('v1')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post('customer-tokens/:customer_token_id/orders')
  @Auth('merchant')
  @ApiOperation({
    summary: 'Charge a customer token (exactly once per Idempotency-Key)',
    description:
      "Validated with Klarna's token-order rules and checked against the consent before Klarna is called. " +
      'The same Idempotency-Key with the same request returns the first answer byte for byte with ' +
      '`Idempotent-Replayed: true` (for IDEMPOTENCY_RETENTION_HOURS, at least 24 h); with a different request ' +
      '422 `IDEMPOTENCY_KEY_REUSED`; while the first is in flight or its outcome unknown 409 ' +
      '`REQUEST_IN_PROGRESS`. When Klarna does not answer in time the order is answered 202 with status ' +
      '`unknown`; the service finishes it in the background with the same Klarna idempotency key ' +
      '(webhook `order.succeeded` / `order.failed`), and a repeat of the request then gets the final answer.',
  })
  @ApiIdempotencyKey(true, 'order')
  @ApiCreatedResponse({ type: OrderDto, description: 'Klarna placed the order (`accepted` or `pending`).' })
  @ApiAcceptedResponse({
    type: OrderDto,
    description:
      'Outcome unknown (Klarna timed out); the order (status `unknown`) is finished in the background.',
  })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: '`VALIDATION_FAILED` (also a missing Idempotency-Key)',
  })
  @ApiPaymentRequiredResponse({
    type: ProblemDto,
    description: '`PAYMENT_DECLINED` (with `upstream.error_code`)',
  })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({
    type: ProblemDto,
    description:
      '`TOKEN_NOT_ACTIVE`, `REQUEST_IN_PROGRESS` (with Retry-After), `KLARNA_NOT_CONFIGURED`, `OUTCOME_UNKNOWN` ' +
      '(a repeat after the service stopped asking Klarna about an unknown outcome, 20 h on: reconcile by hand)',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDto,
    description: '`CONSENT_SCOPE_EXCEEDED`, `IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED`',
  })
  @ApiBadGatewayResponse({ type: ProblemDto, description: '`KLARNA_CREDENTIALS_REJECTED`' })
  @ApiServiceUnavailableResponse({
    type: ProblemDto,
    description: '`KLARNA_UNAVAILABLE`, `KLARNA_RATE_LIMITED`: nothing was sent; retry with the same key.',
  })
  @ApiBodyExamples(CreateTokenOrderDto, CREATE_TOKEN_ORDER_EXAMPLES)
  async create(
    @CurrentMerchantId() merchantId: string,
    @Param('customer_token_id') customerTokenId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateTokenOrderDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const keyProblem = idempotencyKeyProblem(idempotencyKey);
    if (keyProblem) throw keyProblem;
    const placement = await this.orders.place(merchantId, customerTokenId, idempotencyKey!, body, {
      requestId: String(request.id),
    });
    const { answer } = placement;
    if (answer instanceof ProblemException) throw answer;
    void reply.status(answer.status).header('Content-Type', answer.contentType);
    for (const [name, value] of Object.entries(answer.headers ?? {})) void reply.header(name, value);
    if (placement.replayed) void reply.header('Idempotent-Replayed', 'true');
    await reply.send(answer.body);
  }

  @Get('customer-tokens/:customer_token_id/orders')
  @Auth('merchant')
  @ApiOperation({ summary: "List a customer token's orders, newest first" })
  @ApiOkResponse({ type: OrderPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  list(
    @CurrentMerchantId() merchantId: string,
    @Param('customer_token_id') customerTokenId: string,
    @Query() query: OrderQueryDto,
  ): Promise<OrderPageDto> {
    return this.orders.list(merchantId, customerTokenId, query);
  }
}
