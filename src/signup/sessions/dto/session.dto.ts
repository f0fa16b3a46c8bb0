import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { AuthorizationDto } from './authorization.dto';
import { CurrencyField, EnumField, PartialDto, StringField } from '../../../common/validation/fields';
import { LOCALE_PATTERN, TermsDto } from '../../terms/dto/terms.dto';
import {
  AddressDto,
  CustomerDto,
  EmdFieldsDto,
  MerchantUrlsDto,
  OrderLineDto,
} from '../../../klarna/order/klarna-order.dto';

export const INTENTS = ['tokenize', 'buy_and_tokenize', 'buy'] as const;
export type Intent = (typeof INTENTS)[number];

export class CreateSessionDto extends EmdFieldsDto {
  @EnumField(INTENTS, {
    description:
      '`tokenize` (sign-up only; order_amount may be 0), `buy_and_tokenize` (first purchase + token), `buy`.',
  })
  intent!: Intent;

  @StringField({
    optional: true,
    maxLength: 255,
    example: 'cust-4711',
    description:
      "The merchant's own customer id; required for the tokenize intents. Values that look like an e-mail " +
      'address or a phone number are refused: the id travels to logs and reports.',
  })
  merchant_customer_id?: string;

  @StringField({
    optional: true,
    maxLength: 40,
    example: 'trm_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
    description: 'A published terms version in the session locale; required for the tokenize intents.',
  })
  terms_id?: string;

  @StringField({ pattern: /^[A-Za-z]{2}$/, patternMessage: 'must be ISO 3166 alpha-2', example: 'DE' })
  purchase_country!: string;

  @CurrencyField({ example: 'EUR' })
  purchase_currency!: string;

  @StringField({
    pattern: LOCALE_PATTERN,
    patternMessage: 'must be a locale such as de-DE',
    example: 'de-DE',
  })
  locale!: string;
}

/**
 * Changes to the cart or consumer data before the token exists. Sent to Klarna as a session update; an
 * authorization recorded before the change becomes stale.
 */
export class UpdateSessionDto extends PartialDto(
  OmitType(CreateSessionDto, [
    'intent',
    'merchant_customer_id',
    'terms_id',
    'attachment',
    'extra_merchant_data',
  ]),
) {}

export class PaymentMethodCategoryDto {
  @ApiPropertyOptional({ example: 'klarna' })
  identifier?: string;

  @ApiPropertyOptional({ example: 'Pay with Klarna' })
  name?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  asset_urls?: Record<string, string>;
}

export class SessionDto {
  @ApiProperty({ example: 'ses_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ enum: ['open', 'completed', 'expired'] })
  status!: 'open' | 'completed' | 'expired';

  @ApiProperty({ enum: INTENTS })
  intent!: Intent;

  @ApiProperty({ type: String, nullable: true })
  merchant_customer_id!: string | null;

  @ApiProperty({ type: String, nullable: true })
  terms_id!: string | null;

  @ApiProperty({ example: '0b1d9815-165e-42e2-8867-35bc03789e00' })
  klarna_session_id!: string;

  @ApiProperty({ description: "Pass to Klarna's JS SDK `init()` on the checkout page; never log it." })
  client_token!: string;

  @ApiProperty({ type: [PaymentMethodCategoryDto] })
  payment_method_categories!: PaymentMethodCategoryDto[];

  @ApiProperty({ example: 'DE' })
  purchase_country!: string;

  @ApiProperty({ example: 'EUR' })
  purchase_currency!: string;

  @ApiProperty({ example: 'de-DE' })
  locale!: string;

  @ApiProperty({ example: 0 })
  order_amount!: number;

  @ApiProperty({ example: 0 })
  order_tax_amount!: number;

  @ApiProperty({ type: [OrderLineDto] })
  order_lines!: OrderLineDto[];

  @ApiPropertyOptional({ type: AddressDto })
  billing_address?: AddressDto;

  @ApiPropertyOptional({ type: AddressDto })
  shipping_address?: AddressDto;

  @ApiPropertyOptional({ type: CustomerDto })
  customer?: CustomerDto;

  @ApiPropertyOptional()
  merchant_reference1?: string;

  @ApiPropertyOptional()
  merchant_reference2?: string;

  @ApiPropertyOptional({ type: MerchantUrlsDto })
  merchant_urls?: MerchantUrlsDto;

  @ApiProperty({ format: 'date-time', description: '48 hours after creation.' })
  expires_at!: string;

  @ApiProperty({ type: TermsDto, nullable: true, description: 'The terms shown in this session.' })
  terms!: TermsDto | null;

  @ApiProperty({ type: AuthorizationDto, nullable: true, description: 'The current authorization, if any.' })
  authorization!: AuthorizationDto | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}
