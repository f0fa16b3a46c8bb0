import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto, PageQueryDto } from '../../common/pagination/pagination';
import { EnumField, StringField } from '../../common/validation/fields';
import { EVENT_TYPES } from '../event-types';

export class EventsQueryDto extends PageQueryDto {
  @EnumField(EVENT_TYPES, { optional: true, enumName: 'EventType', description: 'Only events of this type.' })
  type?: string;
}

export class RedeliverEventDto {
  @StringField({
    optional: true,
    maxLength: 40,
    example: 'whe_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
    description: 'Send to this endpoint only. Default: every enabled endpoint subscribed to the event type.',
  })
  endpoint_id?: string;
}

export class WebhookDeliveryAttemptDto {
  @ApiProperty({ format: 'date-time' })
  attempted_at!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status answered; null when none came.' })
  status_code!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'ECONNREFUSED' })
  error!: string | null;

  @ApiProperty({ description: 'How long the attempt took.' })
  duration_ms!: number;
}

export class WebhookDeliveryDto {
  @ApiProperty({ example: 'whd_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ example: 'whe_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  endpoint_id!: string;

  @ApiProperty({
    enum: ['pending', 'succeeded', 'failed', 'canceled'],
    description:
      '`pending`: queued or retrying; `succeeded`: the endpoint answered 2xx; `failed`: retried for 3 days ' +
      'without success; `canceled`: the endpoint was disabled first.',
  })
  status!: string;

  @ApiProperty({ description: 'Attempts made so far.' })
  attempts!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  next_attempt_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_attempt_at!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  last_status_code!: number | null;

  @ApiProperty({ type: String, nullable: true })
  last_error!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  delivered_at!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({
    type: [WebhookDeliveryAttemptDto],
    required: false,
    description: 'Every attempt, oldest first (only when reading one event).',
  })
  attempt_log?: WebhookDeliveryAttemptDto[];
}

export class EventDto {
  @ApiProperty({ example: 'evt_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ enum: EVENT_TYPES })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The object the event is about, as the API returns it.',
  })
  data!: Record<string, unknown>;

  @ApiProperty({ type: [WebhookDeliveryDto], description: 'One delivery per endpoint (and per redelivery).' })
  deliveries!: WebhookDeliveryDto[];
}

export class EventPageDto extends PageMetaDto {
  @ApiProperty({ type: [EventDto] })
  data!: EventDto[];
}
