import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/pagination/pagination';
import { EnumField, StringField } from '../../common/validation/fields';

export class CreateMerchantDto {
  @StringField({ maxLength: 200, example: 'Citybikes GmbH', description: 'Display name.' })
  name!: string;
}

export class KlarnaSettingsDto {
  @ApiProperty({ enum: ['EU', 'NA', 'OC'], nullable: true })
  region!: string | null;

  @ApiProperty({ enum: ['playground', 'live'], nullable: true })
  environment!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Explicit base URL overriding region × environment.',
  })
  base_url!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Klarna API username (the password is never returned).',
  })
  username!: string | null;

  @ApiProperty({ description: 'Whether Klarna credentials are configured.' })
  configured!: boolean;
}

export class MerchantDto {
  @ApiProperty({ example: 'mer_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ example: 'Citybikes GmbH' })
  name!: string;

  @ApiProperty({ type: KlarnaSettingsDto })
  klarna!: KlarnaSettingsDto;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class MerchantPageDto extends PageMetaDto {
  @ApiProperty({ type: [MerchantDto] })
  data!: MerchantDto[];
}

export class KlarnaCredentialsDto {
  @EnumField(['EU', 'NA', 'OC'], { description: "The Klarna region of the merchant's account." })
  region!: 'EU' | 'NA' | 'OC';

  @EnumField(['playground', 'live'], { description: 'Klarna playground (test) or live.' })
  environment!: 'playground' | 'live';

  @StringField({
    optional: true,
    maxLength: 2000,
    pattern: /^https?:\/\/[^\s]+$/,
    patternMessage: 'must be an http(s) URL',
    description: 'Explicit Klarna base URL (a proxy or the emulator); overrides region × environment.',
  })
  base_url?: string;

  @StringField({
    maxLength: 255,
    description: 'Klarna API username (tied to the merchant id, MID).',
    example: 'PK12345_abcdef',
  })
  username!: string;

  @StringField({ maxLength: 1024, description: 'Klarna API password. Stored encrypted; never returned.' })
  password!: string;
}
