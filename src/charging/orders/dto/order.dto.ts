import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto, PageQueryDto } from '../../../common/pagination/pagination';
import {
  BoolField,
  CurrencyField,
  IntField,
  NestedArrayField,
  StringField,
} from '../../../common/validation/fields';
import { OrderLineDto } from '../../../klarna/order/klarna-order.dto';

/*
 * A charge of a customer token (REFERENCE §7.3). Shapes and sizes here; the arithmetic and the Customer Token
 * API's tighter line limits in checkKlarnaTokenOrder; the consent's scope in consent-scope.ts.
 */

export class CreateTokenOrderDto {
  @CurrencyField({ example: 'EUR', description: "Must be the consented currency (the token's scope)." })
  purchase_currency!: string;

  @IntField({ min: 1, max: 1_000_000_000_000, example: 1000, description: 'Σ order_lines total_amount.' })
  order_amount!: number;

  @IntField({ min: 0, max: 1_000_000_000_000, example: 160, description: 'Σ line tax (0 if none).' })
  order_tax_amount!: number;

  @NestedArrayField(() => OrderLineDto, { minItems: 1, maxItems: 1000 })
  order_lines!: OrderLineDto[];

  @StringField({ optional: true, maxLength: 255, example: 'invoice-2026-03' })
  merchant_reference1?: string;

  @StringField({ optional: true, maxLength: 255 })
  merchant_reference2?: string;

  @BoolField({
    optional: true,
    description:
      "Capture at once (default: the consented terms version's `auto_capture`, else true; the capture policy in " +
      'docs/money.md); false leaves the order authorized ' +
      'for `POST /v1/orders/{id}/captures` (it expires uncaptured after 28 days, `order.capture_expiring` before).',
  })
  auto_capture?: boolean;
}

export const ORDER_STATUSES = ['accepted', 'pending', 'declined', 'failed', 'unknown'] as const;

export class AuthorizedPaymentMethodDto {
  @ApiProperty({ example: 'invoice' })
  type!: string;

  @ApiPropertyOptional({ example: 30 })
  number_of_days?: number;

  @ApiPropertyOptional({ example: 12 })
  number_of_installments?: number;
}

export class OrderDto {
  @ApiProperty({ example: 'ord_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ example: 'ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  customer_token_id!: string;

  @ApiProperty({
    enum: ORDER_STATUSES,
    example: 'accepted',
    description:
      '`accepted` / `pending`: Klarna placed the order (its fraud_status). `declined`: Klarna declined the ' +
      'payment. `failed`: Klarna refused the order itself (token not active, forbidden, currency). `unknown`: ' +
      'in flight, or Klarna did not answer; the service finishes it with the same Klarna idempotency key.',
  })
  status!: (typeof ORDER_STATUSES)[number];

  @ApiProperty({ type: String, nullable: true, example: 'f3d9a4a6-7d0c-4f4a-9d7e-2f8e1a0c2b11' })
  klarna_order_id!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ACCEPTED' })
  fraud_status!: string | null;

  @ApiProperty({ type: AuthorizedPaymentMethodDto, nullable: true })
  authorized_payment_method!: AuthorizedPaymentMethodDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://payments.klarna.com/redirect/0d3e4a1b',
    description:
      "Klarna's optional redirect_url for this order: sending the consumer there sets Klarna's cookie and " +
      'bounces to your confirmation URL. Null when Klarna gave none (or the order is not placed).',
  })
  redirect_url!: string | null;

  @ApiProperty({ example: 1000 })
  order_amount!: number;

  @ApiProperty({ example: 160 })
  order_tax_amount!: number;

  @ApiProperty({ example: 'EUR' })
  purchase_currency!: string;

  @ApiProperty({ type: String, nullable: true, example: 'invoice-2026-03' })
  merchant_reference1!: string | null;

  @ApiProperty({ type: String, nullable: true })
  merchant_reference2!: string | null;

  @ApiProperty({ description: 'The consent record this charge relied on.' })
  consent_id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Set when a subscription placed the order.' })
  subscription_id!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: "Klarna's error_code for declined and failed orders (`PAYMENT_METHOD_FAILED`), else null.",
  })
  error_code!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completed_at!: string | null;
}

export class OrderPageDto extends PageMetaDto {
  @ApiProperty({ type: [OrderDto] })
  data!: OrderDto[];
}

export class OrderQueryDto extends PageQueryDto {}
