import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentMerchantId } from '../../common/auth/principal';
import { ProblemDto } from '../../common/errors/problem.dto';
import { PageQueryDto } from '../../common/pagination/pagination';
import {
  CreateWebhookEndpointDto,
  WebhookEndpointDto,
  WebhookEndpointPageDto,
  WebhookEndpointWithSecretDto,
} from './dto/webhook-endpoint.dto';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { CREATE_WEBHOOK_ENDPOINT_EXAMPLES } from '../events.examples';

@ApiTags('webhooks')
@Controller('v1/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Post()
  @Auth('merchant')
  @Idempotent({ required: false, atomic: true, what: 'webhook endpoint' })
  @ApiOperation({
    summary: 'Register a webhook endpoint (the signing secret is shown once)',
    description:
      'Events are POSTed as `{id, type, created_at, data}` with `Autopay-Signature`, `Autopay-Event-Id` ' +
      'headers, retried with exponential backoff for up to 3 days until the endpoint answers 2xx. Delivery is ' +
      'at least once and unordered: deduplicate by event id.',
  })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'Invalid body, or a URL the service may not call.',
  })
  @ApiConflictResponse({ type: ProblemDto, description: 'Too many enabled endpoints.' })
  @ApiBodyExamples(CreateWebhookEndpointDto, CREATE_WEBHOOK_ENDPOINT_EXAMPLES)
  create(
    @CurrentMerchantId() merchantId: string,
    @Body() body: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.create(merchantId, body);
  }

  @Get()
  @Auth('merchant')
  @ApiOperation({ summary: 'List webhook endpoints, newest first' })
  @ApiOkResponse({ type: WebhookEndpointPageDto })
  list(
    @CurrentMerchantId() merchantId: string,
    @Query() query: PageQueryDto,
  ): Promise<WebhookEndpointPageDto> {
    return this.endpoints.list(merchantId, query);
  }

  @Get(':webhook_endpoint_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Read a webhook endpoint (never its secret)' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(
    @CurrentMerchantId() merchantId: string,
    @Param('webhook_endpoint_id') id: string,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.get(merchantId, id);
  }

  @Delete(':webhook_endpoint_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Disable a webhook endpoint; its pending deliveries are canceled' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  disable(
    @CurrentMerchantId() merchantId: string,
    @Param('webhook_endpoint_id') id: string,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.disable(merchantId, id);
  }

  @Post(':webhook_endpoint_id/rotate-secret')
  @Auth('merchant')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a new signing secret (shown once)',
    description:
      'During the rotation window (default 24 hours) every delivery carries two `v1` signatures: with the new ' +
      'and with the previous secret.',
  })
  @ApiOkResponse({ type: WebhookEndpointWithSecretDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'The endpoint is disabled.' })
  rotateSecret(
    @CurrentMerchantId() merchantId: string,
    @Param('webhook_endpoint_id') id: string,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.rotateSecret(merchantId, id);
  }
}
