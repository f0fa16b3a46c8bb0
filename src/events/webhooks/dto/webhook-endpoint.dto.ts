import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../../common/pagination/pagination';
import { StringArrayField, StringField } from '../../../common/validation/fields';
import { EVENT_TYPES } from '../../event-types';

export class CreateWebhookEndpointDto {
  @StringField({
    maxLength: 2048,
    example: 'https://merchant.example/hooks/autopay',
    description:
      'Where events are POSTed. https, on a host that resolves to public addresses only (local and http URLs ' +
      'are accepted only where the service allows them, e.g. in development). Stored and returned normalised, ' +
      'as a WHATWG URL parser serialises it.',
  })
  url!: string;

  @StringArrayField({
    minItems: 1,
    maxItems: 50,
    values: EVENT_TYPES,
    example: ['order.succeeded', 'order.failed'],
    description: 'Event types to receive.',
  })
  events!: string[];

  @StringField({ optional: true, maxLength: 500, description: 'A note for people.' })
  description?: string;
}

export class WebhookEndpointDto {
  @ApiProperty({ example: 'whe_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ example: 'https://merchant.example/hooks/autopay' })
  url!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ enum: EVENT_TYPES, enumName: 'EventType', isArray: true })
  events!: string[];

  @ApiProperty({ enum: ['enabled', 'disabled'] })
  status!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'Until then, deliveries also carry a signature made with the secret before the last rotation.',
  })
  previous_secret_expires_at!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  disabled_at!: string | null;
}

export class WebhookEndpointWithSecretDto extends WebhookEndpointDto {
  @ApiProperty({
    description:
      'Signing secret (`whsec_…`). Shown only in this response; store it now. The `Autopay-Signature` header ' +
      'holds `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with this secret>`.',
    example: 'whsec_6yZ…',
  })
  secret!: string;
}

export class WebhookEndpointPageDto extends PageMetaDto {
  @ApiProperty({ type: [WebhookEndpointDto] })
  data!: WebhookEndpointDto[];
}
