import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto, PageQueryDto } from '../../../common/pagination/pagination';
import {
  DateTimeField,
  EnumField,
  IntField,
  NestedArrayField,
  StringField,
} from '../../../common/validation/fields';
import { OrderLineDto } from '../../../klarna/order/klarna-order.dto';
import { OrderDto, ORDER_STATUSES } from '../../orders/dto/order.dto';

const MAX_AMOUNT = 1_000_000_000_000;

export class CreateCaptureDto {
  @IntField({
    optional: true,
    min: 1,
    max: MAX_AMOUNT,
    example: 1000,
    description: 'Minor units; default the whole remaining authorized amount.',
  })
  amount?: number;

  @NestedArrayField(() => OrderLineDto, {
    optional: true,
    minItems: 1,
    maxItems: 1000,
    description: 'The lines captured (shown on the consumer’s statement).',
  })
  order_lines?: OrderLineDto[];

  @StringField({
    optional: true,
    maxLength: 255,
    example: 'March plan',
    description: 'Shown to the consumer.',
  })
  description?: string;

  @StringField({
    optional: true,
    maxLength: 255,
    example: 'cap-2026-03',
    description: 'In settlement files.',
  })
  reference?: string;
}

export class CreateRefundDto {
  @IntField({
    min: 1,
    max: MAX_AMOUNT,
    example: 300,
    description: 'Minor units; at most captured minus refunded.',
  })
  amount!: number;

  @NestedArrayField(() => OrderLineDto, { optional: true, minItems: 1, maxItems: 1000 })
  order_lines?: OrderLineDto[];

  @StringField({
    optional: true,
    maxLength: 255,
    example: 'Goodwill credit',
    description: 'Shown to the consumer.',
  })
  reason?: string;

  @StringField({ optional: true, maxLength: 255, example: 'refund-42', description: 'In settlement files.' })
  reference?: string;
}

export const OPERATION_STATUSES = ['unknown', 'succeeded', 'failed'] as const;

export class OperationDto {
  @ApiProperty({ example: 'cap_01JD3X9R0S4V8W2Y6Z1A3B5C7D', description: '`cap_…`, `ref_…` or `cnl_…`.' })
  id!: string;

  @ApiProperty({ example: 'ord_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  order_id!: string;

  @ApiProperty({ enum: ['capture', 'refund', 'cancel'] })
  type!: 'capture' | 'refund' | 'cancel';

  @ApiProperty({
    enum: OPERATION_STATUSES,
    description:
      '`succeeded`: Klarna executed it. `failed`: Klarna refused it. `unknown`: Klarna did not answer in time; ' +
      'the service finishes it with the same Klarna idempotency key.',
  })
  status!: (typeof OPERATION_STATUSES)[number];

  @ApiProperty({ example: 1000, description: 'Minor units (0 for a cancellation).' })
  amount!: number;

  @ApiProperty({ type: String, nullable: true, example: 'Goodwill credit' })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reference!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "Klarna's capture_id or refund_id." })
  klarna_id!: string | null;

  @ApiProperty({
    enum: ['api', 'klarna'],
    description: '`klarna`: done outside Autopay (found by reconciliation).',
  })
  source!: 'api' | 'klarna';

  @ApiProperty({ type: String, nullable: true })
  error_code!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completed_at!: string | null;
}

export const MONEY_STATUSES = [
  'authorized',
  'part_captured',
  'captured',
  'canceled',
  'expired',
  'closed',
] as const;

export class OrderMoneyDto {
  @ApiProperty({
    enum: MONEY_STATUSES,
    description:
      "The order's money at Klarna's Order Management, as Autopay recorded and last reconciled it (Klarna's AUTHORIZED, PART_CAPTURED, … in Autopay's lower-case spelling).",
  })
  status!: (typeof MONEY_STATUSES)[number];

  @ApiProperty({ example: 1000 })
  authorized_amount!: number;

  @ApiProperty({ example: 1000 })
  captured_amount!: number;

  @ApiProperty({ example: 300 })
  refunded_amount!: number;

  @ApiProperty({ example: 0, description: 'Authorized and not yet captured (0 once canceled or expired).' })
  remaining_authorized_amount!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the uncaptured remainder expires (null when nothing remains to capture).',
  })
  authorization_expires_at!: string | null;

  @ApiProperty({ type: [OperationDto] })
  captures!: OperationDto[];

  @ApiProperty({ type: [OperationDto] })
  refunds!: OperationDto[];

  @ApiProperty({ type: OperationDto, nullable: true })
  cancellation!: OperationDto | null;
}

export class OrderDetailDto extends OrderDto {
  @ApiProperty({ type: OrderMoneyDto, nullable: true, description: 'Null until Klarna placed the order.' })
  money!: OrderMoneyDto | null;
}

export class OrderDetailPageDto extends PageMetaDto {
  @ApiProperty({ type: [OrderDetailDto] })
  data!: OrderDetailDto[];
}

export class OrderListQueryDto extends PageQueryDto {
  @EnumField(ORDER_STATUSES, { optional: true })
  status?: (typeof ORDER_STATUSES)[number];

  @DateTimeField({ optional: true, description: 'Created at or after.' })
  created_from?: string;

  @DateTimeField({ optional: true, description: 'Created before.' })
  created_to?: string;

  @StringField({ optional: true, maxLength: 64 })
  customer_token_id?: string;

  @StringField({ optional: true, maxLength: 64 })
  subscription_id?: string;
}
