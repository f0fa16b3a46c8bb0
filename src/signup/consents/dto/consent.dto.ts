import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsIP } from 'class-validator';
import { BoolField, EnumField, StringField } from '../../../common/validation/fields';
import { LOCALE_PATTERN } from '../../terms/dto/terms.dto';

export const CHANNELS = ['web', 'app', 'in_store', 'telesales'] as const;

export class CreateConsentDto {
  @StringField({
    maxLength: 40,
    example: 'trm_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
    description: "The session's terms.",
  })
  terms_id!: string;

  @BoolField({ example: true, description: 'Must be true: only an acceptance is evidence.' })
  @Equals(true, { message: 'must be true' })
  accepted!: boolean;

  @StringField({
    maxLength: 2000,
    example: 'I agree that Citybikes charges my Klarna account for each ride.',
    description: 'The checkbox label exactly as the consumer saw it.',
  })
  acceptance_text!: string;

  @StringField({
    maxLength: 45,
    example: '203.0.113.7',
    description: "The consumer's IP as the merchant saw it.",
  })
  @IsIP(undefined, { message: 'must be an IPv4 or IPv6 address' })
  ip_address!: string;

  @StringField({ maxLength: 1000, example: 'Mozilla/5.0 (X11; Linux x86_64)' })
  user_agent!: string;

  @EnumField(CHANNELS)
  channel!: (typeof CHANNELS)[number];

  @StringField({
    pattern: LOCALE_PATTERN,
    patternMessage: 'must be a locale such as de-DE',
    example: 'de-DE',
  })
  locale!: string;
}

export class ConsentEventDto {
  @ApiProperty({ enum: ['granted', 'linked_to_token', 'withdrawn'] })
  type!: string;

  @ApiProperty({ type: String, nullable: true, example: 'ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  customer_token_id!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'aut_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
    description: 'linked_to_token: the authorization exchanged for the token.',
  })
  authorization_id!: string | null;

  @ApiProperty({ format: 'date-time' })
  occurred_at!: string;
}

/** The evidence of a consent, as both the merchant's and the admin API show it. */
export class ConsentEvidenceDto {
  @ApiProperty({ example: 'con_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty()
  session_id!: string;

  @ApiProperty({ type: String, nullable: true })
  merchant_customer_id!: string | null;

  @ApiProperty()
  terms_id!: string;

  @ApiProperty({ example: 3 })
  terms_version!: number;

  @ApiProperty({ example: 'de-DE' })
  terms_locale!: string;

  @ApiProperty({ description: 'content_sha256 of the terms version accepted.' })
  terms_content_sha256!: string;

  @ApiProperty({ example: true })
  accepted!: boolean;

  @ApiProperty()
  acceptance_text!: string;

  @ApiProperty()
  ip_address!: string;

  @ApiProperty()
  user_agent!: string;

  @ApiProperty({ enum: CHANNELS })
  channel!: string;

  @ApiProperty()
  locale!: string;

  @ApiProperty({ format: 'date-time', description: 'Server time of receipt.' })
  accepted_at!: string;
}

export class ConsentDto extends ConsentEvidenceDto {
  @ApiProperty({ type: [ConsentEventDto] })
  events!: ConsentEventDto[];

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}
