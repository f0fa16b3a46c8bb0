import type { ApiKeyDto } from './dto/api-key.dto';
import type { ApiKey } from './api-key.entity';

export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    role: key.role,
    merchant_id: key.merchant?.id ?? null,
    name: key.name,
    prefix: key.prefix,
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    expires_at: key.expiresAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}
