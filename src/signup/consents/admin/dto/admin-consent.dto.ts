import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../../../common/pagination/pagination';
import { DateTimeField, EnumField, QueryIntField, StringField } from '../../../../common/validation/fields';
import { ConsentEvidenceDto } from '../../dto/consent.dto';

export const CONSENT_EVENT_TYPES = ['granted', 'linked_to_token', 'withdrawn'] as const;
export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;

const ID = { maxLength: 64 };

/** The filters that list and export share. */
export class ConsentFilterDto {
  @StringField({
    ...ID,
    optional: true,
    description: 'Only this merchant.',
    example: 'mer_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
  })
  merchant_id?: string;

  @StringField({ maxLength: 255, optional: true, description: "Only this merchant's customer id." })
  merchant_customer_id?: string;

  @StringField({
    ...ID,
    optional: true,
    description: 'Only the consent linked to this customer token.',
    example: 'ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
  })
  customer_token_id?: string;

  @StringField({ ...ID, optional: true, description: 'Only consents to this terms version (id).' })
  terms_id?: string;

  @QueryIntField({ min: 1, description: 'Only consents to terms with this version number.' })
  terms_version?: number;

  @DateTimeField({ optional: true, description: 'Accepted at or after this time.' })
  from?: string;

  @DateTimeField({ optional: true, description: 'Accepted before this time.' })
  to?: string;

  @EnumField(CONSENT_EVENT_TYPES, {
    optional: true,
    description: 'Only consents with an event of this type (e.g. `withdrawn`).',
  })
  event_type?: (typeof CONSENT_EVENT_TYPES)[number];
}

export class ConsentListQueryDto extends ConsentFilterDto {
  @QueryIntField({ min: 1, max: 100, default: 20, description: 'Page size.' })
  limit?: number;

  @StringField({ optional: true, maxLength: 200, description: 'The `next_cursor` of the previous page.' })
  cursor?: string;
}

export class ConsentExportQueryDto extends ConsentFilterDto {
  @EnumField(EXPORT_FORMATS, {
    description: '`csv` (one row per consent) or `ndjson` (one JSON object per line).',
  })
  format!: (typeof EXPORT_FORMATS)[number];
}

export class VerifyQueryDto {
  @StringField({ ...ID, optional: true, description: 'Only this merchant; all merchants without it.' })
  merchant_id?: string;
}

export class ChainPositionDto {
  @ApiProperty({
    description: "Position in the merchant's chain of consents and consent events.",
    example: 17,
  })
  seq!: number;

  @ApiProperty({
    description: 'Hash of the record at seq - 1 (64 zeros for the first).',
    pattern: '^[0-9a-f]{64}$',
    example: '5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592',
  })
  prev_hash!: string;

  @ApiProperty({
    description: 'sha256(prev_hash || JCS({seq, record})), hex.',
    pattern: '^[0-9a-f]{64}$',
    example: '3b9f0c1e6a2d4b8e7f5a1c3d9e0b2a4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a',
  })
  hash!: string;
}

export class AdminConsentEventDto extends ChainPositionDto {
  @ApiProperty({ example: 'cev_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ enum: CONSENT_EVENT_TYPES })
  type!: string;

  @ApiProperty({ type: String, nullable: true })
  customer_token_id!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'linked_to_token: the authorization exchanged.' })
  authorization_id!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['portal'],
    description:
      'Where the consumer did it themselves: `portal` for a withdrawal in the consumer portal. Null for events ' +
      'the service recorded on its own (a merchant-side cancel, a cancellation seen at Klarna).',
  })
  channel!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The consumer's IP address (with `channel`)." })
  ip_address!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The consumer's user agent (with `channel`)." })
  user_agent!: string | null;

  @ApiProperty({ format: 'date-time' })
  occurred_at!: string;
}

export class AdminConsentDto extends ConsentEvidenceDto {
  @ApiProperty()
  merchant_id!: string;

  @ApiProperty({ description: "Klarna's payment session id." })
  klarna_session_id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The customer token it is linked to, if any.' })
  customer_token_id!: string | null;

  @ApiProperty({ type: ChainPositionDto })
  chain!: ChainPositionDto;

  @ApiProperty({ type: [AdminConsentEventDto], description: 'In chain order.' })
  events!: AdminConsentEventDto[];
}

export class AdminConsentPageDto extends PageMetaDto {
  @ApiProperty({ type: [AdminConsentDto] })
  data!: AdminConsentDto[];
}

export class AcceptedTermsDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  key!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty()
  locale!: string;

  @ApiProperty({ description: 'Exactly as the consumer was shown it.' })
  title!: string;

  @ApiProperty({ description: 'Exactly as the consumer was shown it.' })
  body!: string;

  @ApiProperty({ enum: ['SUBSCRIPTION', 'ON_DEMAND'] })
  intended_use!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  scope!: Record<string, unknown>;

  @ApiProperty({ description: 'Recomputed from the text above.' })
  content_sha256!: string;

  @ApiProperty({ description: "Whether the recomputed hash equals the consent's terms_content_sha256." })
  content_matches_consent!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  published_at!: string | null;
}

export class ChainCheckDto extends ChainPositionDto {
  @ApiProperty({ description: 'The stored hash is the hash of the stored record.' })
  hash_valid!: boolean;

  @ApiProperty({ description: 'prev_hash is the hash of the record at seq - 1 (or the genesis hash).' })
  prev_link_valid!: boolean;

  @ApiProperty({ description: "The record at seq + 1 names this hash (or this is the merchant's head)." })
  next_link_valid!: boolean;

  @ApiProperty({ description: 'All three hold.' })
  verified!: boolean;
}

export class AdminConsentDetailDto extends AdminConsentDto {
  @ApiProperty({ type: ChainCheckDto })
  declare chain: ChainCheckDto;

  @ApiProperty({ type: AcceptedTermsDto, description: 'The terms version accepted, with its exact text.' })
  terms!: AcceptedTermsDto;
}

export class BrokenChainDto {
  @ApiProperty()
  merchant_id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null when records are missing at the end.' })
  first_broken_id!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  first_broken_seq!: number | null;

  @ApiProperty({ enum: ['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch', 'head_mismatch'] })
  reason!: string;
}

export class VerifyReportDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ description: 'Consents and consent events checked.' })
  records_checked!: number;

  @ApiProperty()
  merchants_checked!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The first broken record (first broken merchant).',
  })
  first_broken_id!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  first_broken_seq!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Merchant of the first broken chain.' })
  merchant_id!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch', 'head_mismatch'],
  })
  reason!: string | null;

  @ApiProperty({ type: [BrokenChainDto], description: 'Every broken chain (up to 100), in merchant order.' })
  broken!: BrokenChainDto[];
}

export class ReceiptDto {
  @ApiProperty({
    description:
      'Compact JWS (EdDSA or ES256, `typ` autopay-receipt+jwt, `kid` in `/.well-known/jwks.json`) over the proof of the consent.',
  })
  receipt!: string;
}
