import { ApiProperty } from '@nestjs/swagger';
import { StringField } from '../../../common/validation/fields';

export class CreateAuthorizationDto {
  @StringField({
    maxLength: 4096,
    example: 'b4bd3423-24e3-4d4b-8d4f-6d3f1e8a0e8d',
    description:
      'The `authorization_token` from `Klarna.Payments.authorize()`. Stored encrypted; never returned.',
  })
  authorization_token!: string;
}

export class AuthorizationDto {
  @ApiProperty({ example: 'aut_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ example: 'ses_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  session_id!: string;

  @ApiProperty({
    enum: ['unverified', 'stale', 'released', 'consumed', 'expired', 'refused'],
    description:
      '`unverified`: recorded, usable, not yet checked with Klarna (Klarna checks an authorization token only ' +
      'when it is used: creating the customer token or the first order). `stale`: the session changed after ' +
      'the consumer authorized; a new authorization is required (the stale one is released at Klarna). ' +
      '`refused`: Klarna did not know the token when it was used (not issued to this merchant, or no longer ' +
      'held); the consumer must authorize again.',
  })
  status!: 'unverified' | 'stale' | 'released' | 'consumed' | 'expired' | 'refused';

  @ApiProperty({ format: 'date-time', description: '60 minutes after receipt.' })
  expires_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  released_at!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}
