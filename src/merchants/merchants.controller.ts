import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { toApiKeyDto } from './api-keys/api-key.mapper';
import { ApiKeyListDto, CreatedApiKeyDto, CreateMerchantApiKeyDto } from './api-keys/dto/api-key.dto';
import { Audited } from '../evidence/audit/audited.decorator';
import { Auth } from '../common/auth/auth.decorator';
import { CurrentMerchantId } from '../common/auth/principal';
import { ProblemDto } from '../common/errors/problem.dto';
import { PageQueryDto } from '../common/pagination/pagination';
import { CreateMerchantDto, KlarnaCredentialsDto, MerchantDto, MerchantPageDto } from './dto/merchant.dto';
import { MerchantsService } from './merchants.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiBodyExamples } from '../common/openapi/body-examples';
import {
  CREATE_MERCHANT_API_KEY_EXAMPLES,
  CREATE_MERCHANT_EXAMPLES,
  KLARNA_CREDENTIALS_EXAMPLES,
} from './merchants.examples';

@ApiTags('admin: merchants')
@Controller('admin/v1/merchants')
export class AdminMerchantsController {
  constructor(private readonly merchants: MerchantsService) {}

  @Post()
  @Auth('admin')
  @Audited('merchant.create')
  @Idempotent({ required: false, atomic: true, what: 'merchant' })
  @ApiOperation({ summary: 'Create a merchant' })
  @ApiCreatedResponse({ type: MerchantDto })
  @ApiBodyExamples(CreateMerchantDto, CREATE_MERCHANT_EXAMPLES)
  create(@Body() body: CreateMerchantDto): Promise<MerchantDto> {
    return this.merchants.create(body.name);
  }

  @Get()
  @Auth('admin', 'auditor')
  @Audited('merchant.list')
  @ApiOperation({ summary: 'List merchants, newest first' })
  @ApiOkResponse({ type: MerchantPageDto })
  list(@Query() query: PageQueryDto): Promise<MerchantPageDto> {
    return this.merchants.list(query);
  }

  @Get(':merchant_id')
  @Auth('admin', 'auditor')
  @Audited('merchant.read', { target: 'merchant_id' })
  @ApiOperation({ summary: 'Read a merchant' })
  @ApiOkResponse({ type: MerchantDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('merchant_id') id: string): Promise<MerchantDto> {
    return this.merchants.get(id);
  }

  @Put(':merchant_id/klarna-credentials')
  @Auth('admin')
  @Audited('klarna_credentials.set', { target: 'merchant_id' })
  @ApiOperation({ summary: "Set the merchant's Klarna API credentials (stored encrypted)" })
  @ApiOkResponse({ type: MerchantDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiBodyExamples(KlarnaCredentialsDto, KLARNA_CREDENTIALS_EXAMPLES)
  setKlarnaCredentials(
    @Param('merchant_id') id: string,
    @Body() body: KlarnaCredentialsDto,
  ): Promise<MerchantDto> {
    return this.merchants.updateKlarnaCredentials(id, body);
  }

  @Post(':merchant_id/api-keys')
  @Auth('admin')
  @Audited('api_key.create')
  @Idempotent({ required: false, atomic: true, what: 'API key' })
  @HttpCode(201)
  @ApiOperation({
    summary: 'Issue an API key for a merchant (the secret is shown once)',
    description: 'A `merchant` key (default) or a read-only `merchant_auditor` key bound to this merchant.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiBodyExamples(CreateMerchantApiKeyDto, CREATE_MERCHANT_API_KEY_EXAMPLES)
  async issueKey(
    @Param('merchant_id') id: string,
    @Body() body: CreateMerchantApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    const { apiKey, secret } = await this.merchants.issueKey(
      id,
      body.name,
      body.expires_at ? new Date(body.expires_at) : null,
      body.role,
    );
    return { ...toApiKeyDto(apiKey), key: secret };
  }

  @Get(':merchant_id/api-keys')
  @Auth('admin', 'auditor')
  @Audited('api_key.list', { target: 'merchant_id' })
  @ApiOperation({ summary: "List a merchant's API keys (never their secrets)" })
  @ApiOkResponse({ type: ApiKeyListDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  async listKeys(@Param('merchant_id') id: string): Promise<ApiKeyListDto> {
    return { data: (await this.merchants.listKeys(id)).map(toApiKeyDto) };
  }
}

@ApiTags('merchant')
@Controller('v1/merchant')
export class MerchantSelfController {
  constructor(private readonly merchants: MerchantsService) {}

  @Get()
  @Auth('merchant')
  @ApiOperation({ summary: 'The merchant this API key belongs to' })
  @ApiOkResponse({ type: MerchantDto })
  get(@CurrentMerchantId() merchantId: string): Promise<MerchantDto> {
    return this.merchants.get(merchantId);
  }
}
