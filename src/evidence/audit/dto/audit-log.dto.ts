import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../../common/auth/role';
import { PageMetaDto, PageQueryDto } from '../../../common/pagination/pagination';
import { DateTimeField, EnumField, StringField } from '../../../common/validation/fields';
import type { Role } from '../../../common/auth/role';

/** Who acted: a key's role, or `consumer` for an action in the consumer portal. */
export type AuditActorRole = Role | 'consumer';
/** Who can appear in the log: the key roles, and `consumer` for actions in the consumer portal. */
export const AUDIT_ACTOR_ROLES: readonly AuditActorRole[] = [...ROLES, 'consumer'];

export class AuditLogQueryDto extends PageQueryDto {
  @StringField({
    optional: true,
    maxLength: 64,
    description: 'Only requests made with this API key id (or in this consumer portal session, `pts_…`).',
  })
  actor_key_id?: string;

  @EnumField(AUDIT_ACTOR_ROLES, {
    optional: true,
    description: 'Only requests made with keys of this role (`consumer`: actions in the consumer portal).',
  })
  actor_role?: string;

  @StringField({
    optional: true,
    maxLength: 100,
    description: 'Only this action, e.g. `consents.export` or `merchant.create`.',
    example: 'consents.export',
  })
  action?: string;

  @StringField({ optional: true, maxLength: 64, description: 'Only requests about this resource id.' })
  target_id?: string;

  @DateTimeField({ optional: true, description: 'From this time (inclusive).' })
  from?: string;

  @DateTimeField({ optional: true, description: 'Until this time (exclusive).' })
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty({ example: 'aud_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    description: 'The API key that made the request; for a consumer, their portal session (`pts_…`).',
  })
  actor_key_id!: string;

  @ApiProperty({ enum: AUDIT_ACTOR_ROLES })
  actor_role!: string;

  @ApiProperty({ example: 'consents.export' })
  action!: string;

  @ApiProperty({ example: 'GET' })
  method!: string;

  @ApiProperty({ example: '/admin/v1/merchants/:merchant_id', description: 'The route pattern.' })
  route!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The resource the request was about.' })
  target_id!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What was asked: `path` (route parameters), `query` (the filter) and, for writes, `body` with secrets redacted.',
  })
  params!: Record<string, unknown>;

  @ApiProperty({ description: 'The HTTP status the caller received.', example: 200 })
  status!: number;

  @ApiProperty({ description: 'The X-Request-Id of the request (also in the service logs).' })
  request_id!: string;
}

export class AuditEntryPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuditEntryDto] })
  data!: AuditEntryDto[];
}
