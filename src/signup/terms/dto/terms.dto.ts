import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto, PageQueryDto } from '../../../common/pagination/pagination';
import {
  BoolField,
  CurrencyField,
  EnumField,
  IntField,
  NestedField,
  StringField,
} from '../../../common/validation/fields';

export const INTENDED_USES = ['SUBSCRIPTION', 'ON_DEMAND'] as const;
export const SCOPE_INTERVALS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export const LOCALE_PATTERN = /^[A-Za-z]{2}(?:-[A-Za-z]{2})*$/;
const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export class TermsScopeDto {
  @CurrencyField({ example: 'EUR', description: 'Currency every charge under these terms uses.' })
  currency!: string;

  @IntField({
    min: 1,
    max: 200_000_000,
    example: 5000,
    description: 'Largest amount of one order, in minor units (5000 = 50.00).',
  })
  max_order_amount!: number;

  @EnumField(SCOPE_INTERVALS, {
    optional: true,
    example: 'MONTH',
    description: 'Billing interval; required for SUBSCRIPTION, not allowed for ON_DEMAND.',
  })
  interval?: (typeof SCOPE_INTERVALS)[number];

  @IntField({
    optional: true,
    min: 1,
    max: 365,
    example: 1,
    description: 'Intervals per charge (default 1).',
  })
  interval_count?: number;
}

export class CreateTermsDto {
  @StringField({
    optional: true,
    pattern: KEY_PATTERN,
    patternMessage: 'must be 1-64 lower-case letters, digits, _ . -',
    example: 'ev-charging',
    description:
      'Which terms document this is a version of (default `default`). Each POST creates the next version of ' +
      'this key in this locale (1, 2, …) as a draft; publish it to use it in sessions.',
  })
  key?: string;

  @StringField({
    pattern: LOCALE_PATTERN,
    patternMessage: 'must be a language-COUNTRY locale such as de-DE',
    example: 'de-DE',
  })
  locale!: string;

  @StringField({ maxLength: 255, example: 'Automatic payments for EV charging' })
  title!: string;

  @StringField({ maxLength: 100_000, description: 'The full text the consumer is shown.' })
  body!: string;

  @EnumField(INTENDED_USES, { description: 'How the customer token will be used.' })
  intended_use!: (typeof INTENDED_USES)[number];

  @NestedField(() => TermsScopeDto)
  scope!: TermsScopeDto;

  @BoolField({
    optional: true,
    nullable: true,
    example: false,
    description:
      'Capture policy of orders under consents to this version: `true` captures at once, `false` leaves ' +
      "them authorized for `POST /v1/orders/{id}/captures`; `null` or left out: not set. An order's or its " +
      "subscription's `auto_capture` wins over it; unset everywhere, orders are captured (docs/money.md). Not " +
      'part of `content_sha256`: the consumer never sees it.',
  })
  auto_capture?: boolean | null;
}

/** Edits a draft; a published version answers 409 TERMS_PUBLISHED. */
export class UpdateTermsDto {
  @StringField({ optional: true, maxLength: 255 })
  title?: string;

  @StringField({ optional: true, maxLength: 100_000 })
  body?: string;

  @EnumField(INTENDED_USES, { optional: true })
  intended_use?: (typeof INTENDED_USES)[number];

  @NestedField(() => TermsScopeDto, { optional: true })
  scope?: TermsScopeDto;

  @BoolField({
    optional: true,
    nullable: true,
    description: 'The capture policy of this draft; `null` unsets it.',
  })
  auto_capture?: boolean | null;
}

export class TermsQueryDto extends PageQueryDto {
  @StringField({ optional: true, maxLength: 64, description: 'Only versions of this key.' })
  key?: string;

  @EnumField(['draft', 'published'], { optional: true })
  status?: 'draft' | 'published';
}

export class TermsScopeViewDto {
  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ example: 5000 })
  max_order_amount!: number;

  @ApiPropertyOptional({ enum: SCOPE_INTERVALS, example: 'MONTH' })
  interval?: string;

  @ApiPropertyOptional({ example: 1 })
  interval_count?: number;
}

export class TermsDto {
  @ApiProperty({ example: 'trm_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ example: 'ev-charging' })
  key!: string;

  @ApiProperty({ example: 1, description: 'Version number within (key, locale).' })
  version!: number;

  @ApiProperty({ enum: ['draft', 'published'] })
  status!: 'draft' | 'published';

  @ApiProperty({ example: 'de-DE' })
  locale!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: INTENDED_USES })
  intended_use!: string;

  @ApiProperty({ type: TermsScopeViewDto })
  scope!: TermsScopeViewDto;

  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 (hex) of the canonical JSON of {title, body, locale, intended_use, scope}.',
  })
  content_sha256!: string;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'Capture policy of orders under consents to this version (null: not set, the default applies). Not in ' +
      '`content_sha256`.',
  })
  auto_capture!: boolean | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  published_at!: string | null;
}

export class TermsPageDto extends PageMetaDto {
  @ApiProperty({ type: [TermsDto] })
  data!: TermsDto[];
}
