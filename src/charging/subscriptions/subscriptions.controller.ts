import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentMerchantId } from '../../common/auth/principal';
import { ProblemDto } from '../../common/errors/problem.dto';
import { PageQueryDto } from '../../common/pagination/pagination';
import {
  CreateSubscriptionDto,
  DunningPolicyDto,
  DunningPolicyViewDto,
  SubscriptionCyclePageDto,
  SubscriptionResponseDto,
  SubscriptionEventPageDto,
  SubscriptionPageDto,
  SubscriptionQueryDto,
} from './dto/subscription.dto';
import { SubscriptionsService } from './subscriptions.service';
import { HeldIdempotencyKey, type HeldKey } from '../../common/idempotency/idempotent-work';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { CREATE_SUBSCRIPTION_EXAMPLES, DUNNING_POLICY_EXAMPLES } from '../charging.examples';

@ApiTags('subscriptions')
@Controller('v1')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post('customer-tokens/:customer_token_id/subscriptions')
  @Auth('merchant')
  @Idempotent({ required: true, what: 'subscription' })
  @ApiOperation({
    summary: 'Start a subscription the service charges on schedule',
    description:
      'Each cycle places one order from the token with the idempotency key `<sub id>:cycle:<n>`, so a cycle is ' +
      'never charged twice. A start_date of today or earlier charges the first cycle before answering. Must fit ' +
      'the consent: currency, max_order_amount, intended use SUBSCRIPTION and the consented interval.',
  })
  @ApiCreatedResponse({ type: SubscriptionResponseDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`TOKEN_NOT_ACTIVE`' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDto,
    description: '`CONSENT_SCOPE_EXCEEDED`, naming the limit',
  })
  @ApiBodyExamples(CreateSubscriptionDto, CREATE_SUBSCRIPTION_EXAMPLES)
  create(
    @CurrentMerchantId() merchantId: string,
    @Param('customer_token_id') customerTokenId: string,
    @Body() body: CreateSubscriptionDto,
    @HeldIdempotencyKey() held: HeldKey | undefined,
  ): Promise<SubscriptionResponseDto> {
    return this.subscriptions.create(merchantId, customerTokenId, body, held);
  }

  @Get('subscriptions')
  @Auth('merchant')
  @ApiOperation({ summary: 'List subscriptions, newest first' })
  @ApiOkResponse({ type: SubscriptionPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(
    @CurrentMerchantId() merchantId: string,
    @Query() query: SubscriptionQueryDto,
  ): Promise<SubscriptionPageDto> {
    return this.subscriptions.list(merchantId, query);
  }

  @Get('subscriptions/:subscription_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Read a subscription with its latest cycle' })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(
    @CurrentMerchantId() merchantId: string,
    @Param('subscription_id') id: string,
  ): Promise<SubscriptionResponseDto> {
    return this.subscriptions.get(merchantId, id);
  }

  @Get('subscriptions/:subscription_id/cycles')
  @Auth('merchant')
  @ApiOperation({ summary: "A subscription's cycles (one charge each), newest first" })
  @ApiOkResponse({ type: SubscriptionCyclePageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  cycles(
    @CurrentMerchantId() merchantId: string,
    @Param('subscription_id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<SubscriptionCyclePageDto> {
    return this.subscriptions.cycles(merchantId, id, query);
  }

  @Get('subscriptions/:subscription_id/events')
  @Auth('merchant')
  @ApiOperation({ summary: "A subscription's history: every status change and charge outcome, newest first" })
  @ApiOkResponse({ type: SubscriptionEventPageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  events(
    @CurrentMerchantId() merchantId: string,
    @Param('subscription_id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<SubscriptionEventPageDto> {
    return this.subscriptions.events(merchantId, id, query);
  }

  @Post('subscriptions/:subscription_id/cancel')
  @Auth('merchant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel (final; idempotent). A charge already in flight still completes.' })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  cancel(
    @CurrentMerchantId() merchantId: string,
    @Param('subscription_id') id: string,
  ): Promise<SubscriptionResponseDto> {
    return this.subscriptions.cancel(merchantId, id);
  }

  @Post('subscriptions/:subscription_id/pause')
  @Auth('merchant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause: nothing is charged, and cycles dated in the pause are not owed' })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`SUBSCRIPTION_NOT_ACTIVE`' })
  pause(
    @CurrentMerchantId() merchantId: string,
    @Param('subscription_id') id: string,
  ): Promise<SubscriptionResponseDto> {
    return this.subscriptions.pause(merchantId, id);
  }

  @Post('subscriptions/:subscription_id/resume')
  @Auth('merchant')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resume a paused (or halted, once its token is active) subscription',
    description:
      'The next charge is the first cycle dated today or later; one dated today is charged right away.',
  })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`SUBSCRIPTION_CANCELED`, `TOKEN_NOT_ACTIVE`' })
  resume(
    @CurrentMerchantId() merchantId: string,
    @Param('subscription_id') id: string,
  ): Promise<SubscriptionResponseDto> {
    return this.subscriptions.resume(merchantId, id);
  }

  @Get('merchant/dunning-policy')
  @Auth('merchant')
  @ApiOperation({ summary: "The merchant's default retry delays for failed subscription charges" })
  @ApiOkResponse({ type: DunningPolicyViewDto })
  dunningPolicy(@CurrentMerchantId() merchantId: string): Promise<DunningPolicyViewDto> {
    return this.subscriptions.dunningPolicy(merchantId);
  }

  @Put('merchant/dunning-policy')
  @Auth('merchant')
  @ApiOperation({
    summary: "Set the merchant's default retry delays",
    description: 'Applies to every subscription without its own retry_policy, from its next failure on.',
  })
  @ApiOkResponse({ type: DunningPolicyViewDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiBodyExamples(DunningPolicyDto, DUNNING_POLICY_EXAMPLES)
  setDunningPolicy(
    @CurrentMerchantId() merchantId: string,
    @Body() body: DunningPolicyDto,
  ): Promise<DunningPolicyViewDto> {
    return this.subscriptions.setDunningPolicy(merchantId, body);
  }
}
