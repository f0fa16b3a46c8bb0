import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto, PageQueryDto } from '../../../common/pagination/pagination';
import { EnumField, QueryBoolField, StringField } from '../../../common/validation/fields';
import { TermsScopeViewDto } from '../../terms/dto/terms.dto';

export const TOKEN_STATUSES = ['active', 'suspended', 'canceled'] as const;

export class CreateCustomerTokenDto {
  @StringField({ maxLength: 40, example: 'ses_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  session_id!: string;

  @StringField({
    optional: true,
    maxLength: 255,
    example: 'Citybikes rides',
    description: "Purpose shown at Klarna (default: the terms' title).",
  })
  description?: string;
}

export class CustomerTokenQueryDto extends PageQueryDto {
  @StringField({ optional: true, maxLength: 255 })
  merchant_customer_id?: string;

  @EnumField(TOKEN_STATUSES, { optional: true })
  status?: (typeof TOKEN_STATUSES)[number];
}

export class CustomerTokenReadQueryDto {
  @QueryBoolField({ description: 'Read the current status from Klarna first.' })
  refresh?: boolean;
}

export class InitialOrderDto {
  @ApiProperty({ example: 'ord_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ example: 'f3d9a4a6-7d0c-4f4a-9d7e-2f8e1a0c2b11' })
  klarna_order_id!: string;

  @ApiProperty({ type: String, nullable: true, example: 'ACCEPTED' })
  fraud_status!: string | null;

  @ApiProperty({ example: 1000 })
  order_amount!: number;

  @ApiProperty({ example: 'EUR' })
  purchase_currency!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://payments.klarna.com/redirect/0d3e4a1b',
    description: "Klarna's optional redirect_url for the first order; null when Klarna gave none.",
  })
  redirect_url!: string | null;
}

export class CustomerTokenDto {
  @ApiProperty({ example: 'ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ enum: TOKEN_STATUSES })
  status!: (typeof TOKEN_STATUSES)[number];

  @ApiProperty({ example: 'cust-4711' })
  merchant_customer_id!: string;

  @ApiProperty()
  session_id!: string;

  @ApiProperty()
  consent_id!: string;

  @ApiProperty({ enum: ['SUBSCRIPTION', 'ON_DEMAND'], description: 'From the consented terms.' })
  intended_use!: string;

  @ApiProperty({ type: TermsScopeViewDto, description: 'What later charges must stay within.' })
  scope!: TermsScopeViewDto;

  @ApiProperty()
  description!: string;

  @ApiProperty({ example: 'DE' })
  purchase_country!: string;

  @ApiProperty({ example: 'EUR' })
  purchase_currency!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'INVOICE' })
  payment_method_type?: string | null;

  @ApiPropertyOptional({ type: InitialOrderDto, nullable: true, description: 'buy_and_tokenize only.' })
  initial_order?: InitialOrderDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://payments.klarna.com/redirect/0d3e4a1b',
    description:
      "Klarna's optional redirect_url from token creation: after sign-up, sending the consumer there sets " +
      "Klarna's cookie and bounces to the session's confirmation URL (merchant_urls.confirmation). Null when " +
      'Klarna gave none.',
  })
  redirect_url!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  canceled_at!: string | null;
}

export class CustomerTokenPageDto extends PageMetaDto {
  @ApiProperty({ type: [CustomerTokenDto] })
  data!: CustomerTokenDto[];
}
