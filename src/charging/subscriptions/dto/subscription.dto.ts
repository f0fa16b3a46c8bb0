import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsObject, Max, Min } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../../common/pagination/pagination';
import {
  BoolField,
  CurrencyField,
  EnumField,
  IntField,
  NestedArrayField,
  NestedField,
  OptionalField,
  StringField,
} from '../../../common/validation/fields';
import { OrderLineDto } from '../../../klarna/order/klarna-order.dto';
import { SCOPE_INTERVALS } from '../../../signup/terms/dto/terms.dto';

export const SUBSCRIPTION_STATUS_VALUES = ['active', 'paused', 'past_due', 'halted', 'canceled'] as const;
export const CYCLE_STATUS_VALUES = ['scheduled', 'charging', 'succeeded', 'failed', 'skipped'] as const;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** Customer Token API limit for token orders (REFERENCE §3.3). */
const TOKEN_MAX_AMOUNT = 100_000_000;

export class RetryPolicyDto {
  @ApiProperty({
    type: 'integer',
    isArray: true,
    example: [1, 3, 7],
    description:
      'Days after the first failed charge of a cycle at which it is tried again (strictly increasing, 1–60, at ' +
      'most 10). `[]` means no retries.',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60, { each: true })
  delays_days!: number[];
}

export class SubscriptionOrderDto {
  @CurrencyField({ example: 'EUR', description: "Must be the consented currency (the token's scope)." })
  purchase_currency!: string;

  @IntField({ min: 1, max: TOKEN_MAX_AMOUNT, example: 1000, description: 'Σ order_lines total_amount.' })
  order_amount!: number;

  @IntField({ min: 0, max: TOKEN_MAX_AMOUNT, example: 160, description: 'Σ line tax.' })
  order_tax_amount!: number;

  @NestedArrayField(() => OrderLineDto, {
    minItems: 1,
    maxItems: 1000,
    description:
      "Each line carries Klarna's `subscription` object; when a line has none, the service adds " +
      '`{name: <line name>, interval, interval_count}`.',
  })
  order_lines!: OrderLineDto[];

  @StringField({ optional: true, maxLength: 255, description: 'Shown to the consumer as the order number.' })
  merchant_reference1?: string;

  @StringField({ optional: true, maxLength: 255, description: 'Default `<subscription id>:cycle:<n>`.' })
  merchant_reference2?: string;

  @BoolField({
    optional: true,
    description:
      "Capture each cycle at once (default: the consented terms version's `auto_capture`, else true; see the " +
      'capture policy in docs/money.md); false leaves each ' +
      'cycle authorized for `POST /v1/orders/{id}/captures`.',
  })
  auto_capture?: boolean;
}

export class CreateSubscriptionDto {
  @EnumField(SCOPE_INTERVALS)
  interval!: (typeof SCOPE_INTERVALS)[number];

  @IntField({ optional: true, min: 1, max: 365, example: 1, description: 'Intervals per cycle (default 1).' })
  interval_count?: number;

  @StringField({
    pattern: DATE_PATTERN,
    patternMessage: 'must be a date YYYY-MM-DD',
    example: '2026-03-01',
    description:
      'First billing date (UTC) and the anchor of every later one (Jan 31 → Feb 28 → Mar 31). Today or ' +
      'earlier charges the first cycle right away; it may lie in the past only while the second cycle is ' +
      'still in the future.',
  })
  start_date!: string;

  @StringField({
    optional: true,
    pattern: DATE_PATTERN,
    patternMessage: 'must be a date YYYY-MM-DD',
    description: 'Last date a cycle may fall on; after it the subscription ends.',
  })
  end_date?: string;

  @NestedField(() => SubscriptionOrderDto, { description: 'The order placed every cycle.' })
  order!: SubscriptionOrderDto;

  @NestedField(() => RetryPolicyDto, {
    optional: true,
    description: "Overrides the merchant's dunning policy (`PUT /v1/merchant/dunning-policy`).",
  })
  retry_policy?: RetryPolicyDto;

  @StringField({ optional: true, maxLength: 255 })
  description?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { plan: 'monthly-basic' },
    description: 'Up to 20 string values, keys ≤ 40 and values ≤ 500 characters.',
  })
  @OptionalField()
  @IsObject({ message: 'must be an object' })
  metadata?: Record<string, string>;

  @StringField({
    optional: true,
    maxLength: 40,
    description:
      'A test clock of the merchant (`POST /v1/test-clocks`): the subscription lives on its time instead of the ' +
      'real one, and is charged when the clock is advanced. Its "today" for start_date is the clock\'s.',
  })
  test_clock?: string;
}

export class SubscriptionQueryDto extends PageQueryDto {
  @StringField({ optional: true, maxLength: 40 })
  customer_token_id?: string;

  @EnumField(SUBSCRIPTION_STATUS_VALUES, { optional: true })
  status?: (typeof SUBSCRIPTION_STATUS_VALUES)[number];
}

export class SubscriptionCycleDto {
  @ApiProperty({
    example: 3,
    description: '1-based; the idempotency key of its order is `<sub id>:cycle:<n>`.',
  })
  cycle!: number;

  @ApiProperty({ enum: CYCLE_STATUS_VALUES, example: 'succeeded' })
  status!: (typeof CYCLE_STATUS_VALUES)[number];

  @ApiProperty({ format: 'date-time' })
  due_at!: string;

  @ApiProperty({ description: 'Charges tried so far.', example: 1 })
  attempts!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'Next try, while scheduled.',
  })
  next_attempt_at!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ord_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  order_id!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: "Why the last try failed (Klarna's `PAYMENT_METHOD_FAILED`, …); null once it succeeded.",
  })
  last_error!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  settled_at!: string | null;
}

export class SubscriptionOrderViewDto extends SubscriptionOrderDto {}

export class SubscriptionResponseDto {
  @ApiProperty({ example: 'sub_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The test clock it lives on; null on the real time.',
  })
  test_clock!: string | null;

  @ApiProperty({ example: 'ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  customer_token_id!: string;

  @ApiProperty({ enum: SUBSCRIPTION_STATUS_VALUES, example: 'active' })
  status!: (typeof SUBSCRIPTION_STATUS_VALUES)[number];

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'Why halted or canceled: token_suspended (halted), token_canceled or consent_withdrawn (canceled with the ' +
      'token), consent_exceeded, outcome_unknown (a charge whose outcome at Klarna never came: reconcile it, ' +
      'then resume), merchant, ended, test_clock_deleted.',
  })
  status_reason!: string | null;

  @ApiProperty({ enum: SCOPE_INTERVALS, example: 'MONTH' })
  interval!: (typeof SCOPE_INTERVALS)[number];

  @ApiProperty({ example: 1 })
  interval_count!: number;

  @ApiProperty({ example: '2026-03-01' })
  start_date!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  end_date!: string | null;

  @ApiProperty({ type: () => SubscriptionOrderViewDto })
  order!: SubscriptionOrderViewDto;

  @ApiProperty({ type: () => RetryPolicyDto, nullable: true, description: "The subscription's own policy." })
  retry_policy!: RetryPolicyDto | null;

  @ApiProperty({ type: String, nullable: true, example: 'Citybikes monthly plan' })
  description!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    example: { plan: 'monthly-basic' },
  })
  metadata!: Record<string, string> | null;

  @ApiProperty({ example: 3, description: 'The newest cycle so far (0 before the first).' })
  current_cycle!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the next cycle is due (00:00 UTC of its date); null when paused, halted, canceled or ended.',
  })
  next_charge_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_charged_at!: string | null;

  @ApiProperty({ type: () => SubscriptionCycleDto, nullable: true })
  latest_cycle!: SubscriptionCycleDto | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  canceled_at!: string | null;
}

export class SubscriptionPageDto extends PageMetaDto {
  @ApiProperty({ type: () => [SubscriptionResponseDto] })
  data!: SubscriptionResponseDto[];
}

export class SubscriptionCyclePageDto extends PageMetaDto {
  @ApiProperty({ type: () => [SubscriptionCycleDto] })
  data!: SubscriptionCycleDto[];
}

export class SubscriptionEventDto {
  @ApiProperty({ example: 'sev_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({
    example: 'charged',
    description:
      'created, charged, payment_failed, past_due, recovered, halted, paused, resumed, canceled, cycle_skipped',
  })
  type!: string;

  @ApiProperty({ type: Number, nullable: true })
  cycle!: number | null;

  @ApiProperty({ type: String, nullable: true })
  from_status!: string | null;

  @ApiProperty({ type: String, nullable: true })
  to_status!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  data!: Record<string, unknown> | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class SubscriptionEventPageDto extends PageMetaDto {
  @ApiProperty({ type: () => [SubscriptionEventDto] })
  data!: SubscriptionEventDto[];
}

export class DunningPolicyDto extends RetryPolicyDto {}

export class DunningPolicyViewDto {
  @ApiProperty({ type: 'integer', isArray: true, example: [1, 3, 7] })
  delays_days!: number[];

  @ApiProperty({
    enum: ['merchant', 'default'],
    description: 'Whether the merchant set it or it is the default.',
  })
  source!: 'merchant' | 'default';
}
