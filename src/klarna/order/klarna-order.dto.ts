import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import {
  EnumField,
  IntField,
  NestedArrayField,
  NestedField,
  OptionalField,
  StringField,
} from '../../common/validation/fields';

/*
 * Klarna's order fields with Klarna's own names and limits (REFERENCE §3). Shapes, types and sizes are checked
 * here; the arithmetic between fields (line totals, tax, sums, markets) in klarna-order-rules.ts.
 */

export const ORDER_LINE_TYPES = [
  'physical',
  'discount',
  'shipping_fee',
  'sales_tax',
  'digital',
  'gift_card',
  'store_credit',
  'surcharge',
] as const;
const MAX_AMOUNT = 200_000_000;

export class SubscriptionDto {
  @StringField({ maxLength: 255, example: 'Monthly plan' })
  name!: string;

  @EnumField(['DAY', 'WEEK', 'MONTH', 'YEAR'], { example: 'MONTH' })
  interval!: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

  @IntField({ min: 1, max: 365, example: 1 })
  interval_count!: number;
}

export class ProductIdentifiersDto {
  @StringField({ optional: true, maxLength: 70 })
  brand?: string;

  @StringField({ optional: true, maxLength: 750 })
  category_path?: string;

  @StringField({ optional: true, maxLength: 50 })
  global_trade_item_number?: string;

  @StringField({ optional: true, maxLength: 70 })
  manufacturer_part_number?: string;

  @StringField({ optional: true, maxLength: 64 })
  color?: string;

  @StringField({ optional: true, maxLength: 64 })
  size?: string;
}

export class OrderLineDto {
  @EnumField(ORDER_LINE_TYPES, { optional: true, example: 'digital', description: 'Default physical.' })
  type?: (typeof ORDER_LINE_TYPES)[number];

  @StringField({ optional: true, maxLength: 255 })
  reference?: string;

  @StringField({ maxLength: 255, example: 'Monthly plan' })
  name!: string;

  @IntField({ min: 0, max: 1_000_000, example: 1 })
  quantity!: number;

  @StringField({ optional: true, minLength: 1, maxLength: 8, example: 'pcs' })
  quantity_unit?: string;

  @IntField({ min: -MAX_AMOUNT, max: MAX_AMOUNT, example: 1000, description: 'Incl. tax, minor units.' })
  unit_price!: number;

  @IntField({ optional: true, min: 0, max: 10000, example: 1900, description: '1900 = 19 %.' })
  tax_rate?: number;

  @IntField({
    min: -MAX_AMOUNT,
    max: MAX_AMOUNT,
    example: 1000,
    description: 'quantity × unit_price − total_discount_amount.',
  })
  total_amount!: number;

  @IntField({ optional: true, min: 0, max: MAX_AMOUNT })
  total_discount_amount?: number;

  @IntField({ optional: true, min: -MAX_AMOUNT, max: MAX_AMOUNT, example: 160 })
  total_tax_amount?: number;

  @StringField({ optional: true, maxLength: 1024 })
  merchant_data?: string;

  @StringField({ optional: true, maxLength: 1024 })
  image_url?: string;

  @StringField({ optional: true, maxLength: 1024 })
  product_url?: string;

  @NestedField(() => ProductIdentifiersDto, { optional: true })
  product_identifiers?: ProductIdentifiersDto;

  @NestedField(() => SubscriptionDto, { optional: true })
  subscription?: SubscriptionDto;
}

export class AddressDto {
  @StringField({ optional: true, maxLength: 99 })
  attention?: string;

  @StringField({ optional: true, maxLength: 99 })
  city?: string;

  @StringField({
    optional: true,
    pattern: /^[A-Za-z]{2}$/,
    patternMessage: 'must be ISO 3166 alpha-2',
    example: 'DE',
  })
  country?: string;

  @StringField({ optional: true, maxLength: 99 })
  email?: string;

  @StringField({ optional: true, maxLength: 99 })
  family_name?: string;

  @StringField({ optional: true, maxLength: 99 })
  given_name?: string;

  @StringField({ optional: true, maxLength: 99 })
  organization_name?: string;

  @StringField({ optional: true, maxLength: 99 })
  phone?: string;

  @StringField({ optional: true, maxLength: 10 })
  postal_code?: string;

  @StringField({ optional: true, maxLength: 99 })
  region?: string;

  @StringField({ optional: true, maxLength: 99 })
  street_address?: string;

  @StringField({ optional: true, maxLength: 99 })
  street_address2?: string;

  @StringField({ optional: true, maxLength: 20 })
  title?: string;
}

export class CustomerDto {
  @StringField({
    optional: true,
    pattern: /^\d{4}-\d{2}-\d{2}$/,
    patternMessage: 'must be YYYY-MM-DD',
    example: '1990-01-31',
  })
  date_of_birth?: string;

  @EnumField(['male', 'female'], { optional: true })
  gender?: 'male' | 'female';

  @StringField({
    optional: true,
    pattern: /^([0-9]{4}|[0-9]{9})$/,
    patternMessage: 'must be 4 or 9 digits',
    example: '1234',
  })
  last_four_ssn?: string;

  @StringField({ optional: true, maxLength: 255 })
  national_identification_number?: string;

  @StringField({ optional: true, maxLength: 255 })
  organization_registration_id?: string;

  @StringField({ optional: true, maxLength: 255 })
  organization_entity_type?: string;

  @StringField({ optional: true, maxLength: 20 })
  title?: string;

  @EnumField(['person', 'organization'], { optional: true })
  type?: 'person' | 'organization';

  @StringField({ optional: true, maxLength: 255 })
  vat_id?: string;
}

const URL_OPTS = { optional: true, maxLength: 2000 } as const;

export class MerchantUrlsDto {
  @StringField({ ...URL_OPTS, example: 'https://shop.example/confirm/{session.id}' })
  confirmation?: string;

  @StringField(URL_OPTS)
  notification?: string;

  @StringField(URL_OPTS)
  push?: string;

  @StringField(URL_OPTS)
  authorization?: string;
}

export class AttachmentDto {
  @StringField({ maxLength: 255, example: 'application/vnd.klarna.internal.emd-v2+json' })
  content_type!: string;

  @StringField({
    maxLength: 100_000,
    example: '{"customer_account_info":[{"unique_account_identifier":"cust-4711"}]}',
    description: 'A JSON object encoded as a string.',
  })
  body!: string;
}

/** The order and consumer fields a session carries, shared by create and update. */
export class OrderFieldsDto {
  @IntField({ min: 0, max: 1_000_000_000_000, example: 0, description: 'Σ order_lines total_amount.' })
  order_amount!: number;

  @IntField({ optional: true, min: 0, max: 1_000_000_000_000, example: 0, description: 'Σ line tax.' })
  order_tax_amount?: number;

  @NestedArrayField(() => OrderLineDto, { minItems: 1, maxItems: 1000 })
  order_lines!: OrderLineDto[];

  @NestedField(() => AddressDto, { optional: true })
  billing_address?: AddressDto;

  @NestedField(() => AddressDto, { optional: true })
  shipping_address?: AddressDto;

  @NestedField(() => CustomerDto, { optional: true })
  customer?: CustomerDto;

  @StringField({ optional: true, maxLength: 255 })
  merchant_reference1?: string;

  @StringField({ optional: true, maxLength: 255 })
  merchant_reference2?: string;

  @NestedField(() => MerchantUrlsDto, { optional: true })
  merchant_urls?: MerchantUrlsDto;
}

export class EmdFieldsDto extends OrderFieldsDto {
  @NestedField(() => AttachmentDto, {
    optional: true,
    description: 'Extra Merchant Data as Klarna takes it. Send this or `extra_merchant_data`, not both.',
  })
  attachment?: AttachmentDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { customer_account_info: [{ unique_account_identifier: 'cust-4711' }] },
    description:
      'Extra Merchant Data as an object; the service sends it to Klarna as an attachment with content_type ' +
      '`application/vnd.klarna.internal.emd-v2+json` and the object as a JSON string.',
  })
  @OptionalField()
  @IsObject({ message: 'must be an object' })
  extra_merchant_data?: Record<string, unknown>;
}
