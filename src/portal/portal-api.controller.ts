import { Body, Controller, Get, Headers, Param, Put, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../common/auth/auth.decorator';
import { CurrentMerchantId } from '../common/auth/principal';
import { ProblemDto } from '../common/errors/problem.dto';
import { validationProblem } from '../common/errors/problem.exception';
import {
  CreatePortalSessionDto,
  PortalSessionDto,
  PortalSettingsDto,
  UpdatePortalSettingsDto,
} from './dto/portal.dto';
import { PortalLinksService } from './portal-links.service';
import { PortalSettingsService } from './portal-settings.service';
import { ApiBodyExamples } from '../common/openapi/body-examples';
import { CREATE_PORTAL_SESSION_EXAMPLES, UPDATE_PORTAL_SETTINGS_EXAMPLES } from './portal.examples';

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CUSTOMER_ID = /^[^\u0000-\u001f\u007f]{1,255}$/;

@ApiTags('consumer portal')
@Controller('v1')
export class PortalApiController {
  constructor(
    private readonly links: PortalLinksService,
    private readonly settings: PortalSettingsService,
  ) {}

  @Post('customers/:merchant_customer_id/portal-sessions')
  @Auth('merchant')
  @ApiOperation({
    summary: 'Create a consumer portal link for one of your customers',
    description:
      'The link (`url`) opens a hosted page where that customer sees the automatic-payment agreements they ' +
      'have with you (the exact terms they accepted, the limits, subscriptions and last charges) and can stop ' +
      'them. It works once, for PORTAL_LINK_TTL_MINUTES (15 by default), and only for this customer at your ' +
      'merchant. Idempotency-Key is optional: a retry with the same key and body answers the same link with ' +
      '`Idempotent-Replayed: true`; with another body 422 `IDEMPOTENCY_KEY_REUSED`.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '1 to 255 characters; scoped to the merchant.',
  })
  @ApiCreatedResponse({ type: PortalSessionDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`PORTAL_DISABLED`' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: '`IDEMPOTENCY_KEY_REUSED`' })
  @ApiBodyExamples(CreatePortalSessionDto, CREATE_PORTAL_SESSION_EXAMPLES)
  async createSession(
    @CurrentMerchantId() merchantId: string,
    @Param('merchant_customer_id') merchantCustomerId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreatePortalSessionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PortalSessionDto> {
    if (!CUSTOMER_ID.test(merchantCustomerId)) {
      throw validationProblem([
        { field: 'merchant_customer_id', message: 'must be 1 to 255 characters without control characters' },
      ]);
    }
    const base = `${request.protocol}://${request.host}`;
    const { dto, replayed } = await this.links.create(
      merchantId,
      merchantCustomerId,
      body,
      idempotencyKey,
      base,
    );
    void reply.status(201);
    if (replayed) void reply.header('Idempotent-Replayed', 'true');
    return dto;
  }

  @Get('merchant/portal-settings')
  @Auth('merchant')
  @ApiOperation({ summary: 'Your consumer portal settings: on/off, name, logo, accent colour' })
  @ApiOkResponse({ type: PortalSettingsDto })
  getSettings(@CurrentMerchantId() merchantId: string): Promise<PortalSettingsDto> {
    return this.settings.get(merchantId);
  }

  @Put('merchant/portal-settings')
  @Auth('merchant')
  @ApiOperation({
    summary: 'Set your consumer portal settings',
    description:
      'Turning the portal off refuses new links (409 `PORTAL_DISABLED`) and every open portal page at once. ' +
      'Fields left out go back to their defaults (your merchant name, no logo, the default colour).',
  })
  @ApiOkResponse({ type: PortalSettingsDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiBodyExamples(UpdatePortalSettingsDto, UPDATE_PORTAL_SETTINGS_EXAMPLES)
  putSettings(
    @CurrentMerchantId() merchantId: string,
    @Body() body: UpdatePortalSettingsDto,
  ): Promise<PortalSettingsDto> {
    return this.settings.put(merchantId, body);
  }
}
