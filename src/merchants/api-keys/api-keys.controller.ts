import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Audited } from '../../evidence/audit/audited.decorator';
import { Auth } from '../../common/auth/auth.decorator';
import { ProblemDto } from '../../common/errors/problem.dto';
import { toApiKeyDto } from './api-key.mapper';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreatedApiKeyDto, CreatePlatformApiKeyDto } from './dto/api-key.dto';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { CREATE_PLATFORM_API_KEY_EXAMPLES } from '../merchants.examples';

@ApiTags('admin: api keys')
@Controller('admin/v1/api-keys')
export class AdminApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Auth('admin')
  @Audited('api_key.create')
  @Idempotent({ required: false, atomic: true, what: 'API key' })
  @ApiOperation({ summary: 'Issue a platform key (admin or auditor); the secret is shown once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiBodyExamples(CreatePlatformApiKeyDto, CREATE_PLATFORM_API_KEY_EXAMPLES)
  async create(@Body() body: CreatePlatformApiKeyDto): Promise<CreatedApiKeyDto> {
    const { apiKey, secret } = await this.apiKeys.issue({
      role: body.role,
      merchantId: null,
      name: body.name ?? `${body.role} key`,
      expiresAt: body.expires_at ? new Date(body.expires_at) : null,
    });
    return { ...toApiKeyDto(apiKey), key: secret };
  }

  @Get()
  @Auth('admin', 'auditor')
  @Audited('api_key.list')
  @ApiOperation({ summary: 'List platform keys (admin and auditor)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(): Promise<ApiKeyListDto> {
    const keys = [...(await this.apiKeys.list(null, 'admin')), ...(await this.apiKeys.list(null, 'auditor'))];
    return { data: keys.sort((a, b) => (a.id < b.id ? 1 : -1)).map(toApiKeyDto) };
  }

  @Delete(':api_key_id')
  @Auth('admin')
  @Audited('api_key.revoke', { target: 'api_key_id' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key (any role); it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ type: ProblemDto })
  async revoke(@Param('api_key_id') id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
