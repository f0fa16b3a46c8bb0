import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentMerchantId } from '../../common/auth/principal';
import { ProblemDto } from '../../common/errors/problem.dto';
import { idempotencyKeyProblem } from '../../common/idempotency/idempotency.problems';
import { ApiIdempotencyKey } from '../../common/idempotency/idempotent.decorator';
import {
  CreateCaptureDto,
  CreateRefundDto,
  OperationDto,
  OrderDetailDto,
  OrderDetailPageDto,
  OrderListQueryDto,
} from './dto/money.dto';
import {
  CancelDocs,
  documented,
  plain,
  prepareReply,
  RefundDocs,
  refundRequest,
  SEMANTICS,
} from './money-http';
import { MoneyService, type OperationAnswer, type OperationRequest } from './money.service';

@ApiTags('orders')
@Controller('v1/orders')
export class MoneyController {
  constructor(private readonly money: MoneyService) {}

  @Get()
  @Auth('merchant')
  @ApiOperation({
    summary: "List the merchant's orders across tokens, newest first, with their money",
    description:
      'Filters: `status`, `created_from` (inclusive), `created_to` (exclusive), `customer_token_id`, ' +
      '`subscription_id`. Cursor pagination with `next_cursor`.',
  })
  @ApiOkResponse({ type: OrderDetailPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(
    @CurrentMerchantId() merchantId: string,
    @Query() query: OrderListQueryDto,
  ): Promise<OrderDetailPageDto> {
    return this.money.list(merchantId, query);
  }

  @Get(':order_id')
  @Auth('merchant')
  @ApiOperation({
    summary: 'Read an order, with its money as Klarna holds it',
    description:
      '`money`: authorized, captured, refunded and remaining amounts, the captures (`cap_…`) and refunds ' +
      '(`ref_…`) with their statuses, and when an uncaptured authorization expires.',
  })
  @ApiOkResponse({ type: OrderDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@CurrentMerchantId() merchantId: string, @Param('order_id') id: string): Promise<OrderDetailDto> {
    return this.money.get(merchantId, id);
  }

  @Post(':order_id/captures')
  @Auth('merchant')
  @ApiOperation({
    summary: 'Capture an order (the whole remaining amount by default, or an amount and lines)',
    description: `Refused with 422 \`CAPTURE_EXCEEDS_AUTHORIZATION\` above the remaining authorized amount, 409 \`CAPTURE_NOT_ALLOWED\` when canceled, expired or captured in full. ${SEMANTICS}`,
  })
  @ApiBody({
    type: CreateCaptureDto,
    examples: {
      partial: {
        summary: 'Part of it',
        value: { amount: 500, description: 'First half', reference: 'cap-1' },
      },
      whole: { summary: 'The whole remaining amount', value: {} },
    },
  })
  @ApiIdempotencyKey(true, 'capture')
  @documented(
    ApiCreatedResponse({ type: OperationDto, description: 'Klarna captured it.' }),
    ApiAcceptedResponse({ type: OperationDto, description: 'Outcome unknown; finished in the background.' }),
    ApiConflictResponse({
      type: ProblemDto,
      description: '`CAPTURE_NOT_ALLOWED`, `ORDER_NOT_PLACED`, `REQUEST_IN_PROGRESS`, `OUTCOME_UNKNOWN`',
    }),
    ApiUnprocessableEntityResponse({
      type: ProblemDto,
      description: '`CAPTURE_EXCEEDS_AUTHORIZATION`, `IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED`',
    }),
  )
  async capture(
    @CurrentMerchantId() merchantId: string,
    @Param('order_id') orderId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateCaptureDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.operate(merchantId, orderId, idempotencyKey, request, reply, {
      kind: 'capture',
      amount: body.amount,
      orderLines: plain(body.order_lines),
      description: body.description,
      reference: body.reference,
    });
  }

  @Post(':order_id/refunds')
  @Auth('merchant')
  @RefundDocs('Refund (part of) a captured order; several partial refunds are allowed')
  async refund(
    @CurrentMerchantId() merchantId: string,
    @Param('order_id') orderId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateRefundDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.operate(merchantId, orderId, idempotencyKey, request, reply, refundRequest(body));
  }

  @Post(':order_id/cancel')
  @HttpCode(200)
  @Auth('merchant')
  @CancelDocs('Cancel (void) an order nothing of which is captured')
  async cancel(
    @CurrentMerchantId() merchantId: string,
    @Param('order_id') orderId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.operate(merchantId, orderId, idempotencyKey, request, reply, { kind: 'cancel' });
  }

  private async operate(
    merchantId: string,
    orderId: string,
    idempotencyKey: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    operation: OperationRequest,
  ): Promise<void> {
    const keyProblem = idempotencyKeyProblem(idempotencyKey);
    if (keyProblem) throw keyProblem;
    const result: OperationAnswer = await this.money.operate(
      merchantId,
      orderId,
      idempotencyKey!,
      operation,
      {
        requestId: String(request.id),
        actor: 'merchant',
      },
    );
    await reply.send(prepareReply(result, reply).body);
  }
}
