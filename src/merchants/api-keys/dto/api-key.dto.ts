import { ApiProperty } from '@nestjs/swagger';
import { DateTimeField, EnumField, StringField } from '../../../common/validation/fields';

/** What every new key may carry. */
class ApiKeyLabelDto {
  @StringField({
    optional: true,
    maxLength: 200,
    example: 'production backend',
    description: 'A label for people.',
  })
  name?: string;

  @DateTimeField({
    optional: true,
    description: 'When the key stops working (default: never); must be in the future.',
  })
  expires_at?: string;
}

export class CreateMerchantApiKeyDto extends ApiKeyLabelDto {
  @EnumField(['merchant', 'merchant_auditor'], {
    optional: true,
    description:
      "`merchant` (default): the merchant's backend. `merchant_auditor`: read-only, for the merchant's " +
      "compliance staff: this merchant's consents, exports, chain verification and receipts, and the audit " +
      "records of requests made with this merchant's keys, under `/admin/v1`; another merchant's records " +
      'answer 404, every other route 403.',
  })
  role?: 'merchant' | 'merchant_auditor';
}

export class CreatePlatformApiKeyDto extends ApiKeyLabelDto {
  @EnumField(['admin', 'auditor'], {
    description: 'Platform role: admin (read/write) or auditor (read-only).',
  })
  role!: 'admin' | 'auditor';
}

export class ApiKeyDto {
  @ApiProperty({ example: 'key_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ enum: ['merchant', 'admin', 'auditor', 'merchant_auditor'] })
  role!: string;

  @ApiProperty({ type: String, nullable: true, example: 'mer_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  merchant_id!: string | null;

  @ApiProperty()
  name!: string;

  @ApiProperty({
    description: 'Public part of the key (`ak_<prefix>_…`), to recognise it.',
    example: 'k3j5m2n8p0q4',
  })
  prefix!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_used_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expires_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revoked_at!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    description: 'The secret key. Shown only in this response; store it now.',
    example: 'ak_k3j5m2n8p0q4_…',
  })
  key!: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] })
  data!: ApiKeyDto[];
}
