import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGatewayTimeoutResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentMerchantId } from '../../common/auth/principal';
import { ProblemDto } from '../../common/errors/problem.dto';
import { CustomerTokensService } from './customer-tokens.service';
import {
  CreateCustomerTokenDto,
  CustomerTokenDto,
  CustomerTokenPageDto,
  CustomerTokenQueryDto,
  CustomerTokenReadQueryDto,
} from './dto/customer-token.dto';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { CREATE_CUSTOMER_TOKEN_EXAMPLES } from '../signup.examples';

@ApiTags('customer tokens')
@Controller('v1/customer-tokens')
export class CustomerTokensController {
  constructor(private readonly tokens: CustomerTokensService) {}

  @Post()
  @Auth('merchant')
  @Idempotent({ required: false, what: 'customer token' })
  @ApiOperation({
    summary: "Exchange the session's authorization for a customer token",
    description:
      'Idempotent per session: a repeat returns the same token. For buy_and_tokenize the first order is ' +
      'placed from the same authorization and returned as `initial_order`.',
  })
  @ApiCreatedResponse({ type: CustomerTokenDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({
    type: ProblemDto,
    description:
      '`AUTHORIZATION_REQUIRED`, `REAUTHORIZATION_REQUIRED`, `AUTHORIZATION_EXPIRED`, ' +
      '`AUTHORIZATION_UNKNOWN_TO_KLARNA` (Klarna refused the recorded token within its 60 minutes), `CONSENT_REQUIRED`, ' +
      '`SESSION_EXPIRED`, `INTENT_NOT_TOKENIZABLE`, `TOKEN_CREATION_IN_PROGRESS`, `TOKEN_OUTCOME_UNKNOWN`, ' +
      '`TOKEN_CREATION_FAILED`',
  })
  @ApiBadGatewayResponse({ type: ProblemDto, description: '`KLARNA_ERROR`' })
  @ApiGatewayTimeoutResponse({ type: ProblemDto, description: '`KLARNA_OUTCOME_UNKNOWN`' })
  @ApiBodyExamples(CreateCustomerTokenDto, CREATE_CUSTOMER_TOKEN_EXAMPLES)
  create(
    @CurrentMerchantId() merchantId: string,
    @Body() body: CreateCustomerTokenDto,
  ): Promise<CustomerTokenDto> {
    return this.tokens.create(merchantId, body);
  }

  @Get()
  @Auth('merchant')
  @ApiOperation({ summary: 'List customer tokens, newest first' })
  @ApiOkResponse({ type: CustomerTokenPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(
    @CurrentMerchantId() merchantId: string,
    @Query() query: CustomerTokenQueryDto,
  ): Promise<CustomerTokenPageDto> {
    return this.tokens.list(merchantId, query);
  }

  @Get(':customer_token_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Read a customer token (`refresh=true` reads its status from Klarna first)' })
  @ApiOkResponse({ type: CustomerTokenDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiBadGatewayResponse({ type: ProblemDto })
  get(
    @CurrentMerchantId() merchantId: string,
    @Param('customer_token_id') id: string,
    @Query() query: CustomerTokenReadQueryDto,
  ): Promise<CustomerTokenDto> {
    return this.tokens.get(merchantId, id, query.refresh ?? false);
  }

  @Post(':customer_token_id/cancel')
  @Auth('merchant')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Cancel the token at Klarna (irreversible) and record the consent withdrawal',
    description: 'Its subscriptions are canceled (status_reason token_canceled) in the same transaction.',
  })
  @ApiAcceptedResponse({ type: CustomerTokenDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiBadGatewayResponse({ type: ProblemDto })
  cancel(
    @CurrentMerchantId() merchantId: string,
    @Param('customer_token_id') id: string,
  ): Promise<CustomerTokenDto> {
    return this.tokens.cancel(merchantId, id);
  }
}
