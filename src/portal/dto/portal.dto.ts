import { ApiProperty } from '@nestjs/swagger';
import { BoolField, StringField } from '../../common/validation/fields';

export const PORTAL_LOCALES = ['en', 'sv', 'de'] as const;

export class CreatePortalSessionDto {
  @StringField({
    optional: true,
    maxLength: 2000,
    pattern: /^https?:\/\/[^\s]+$/,
    patternMessage: 'must be an http(s) URL',
    description: 'Where the portal\'s "Back to <merchant>" link leads.',
    example: 'https://citybikes.example/account',
  })
  return_url?: string;

  @StringField({
    optional: true,
    maxLength: 35,
    pattern: /^[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,8})*$/,
    patternMessage: 'must be a language tag such as sv-SE',
    description:
      'The language of the pages (BCP 47; `en`, `sv` and `de` are offered, anything else falls back to English). ' +
      "Without it the browser's Accept-Language decides.",
    example: 'sv-SE',
  })
  locale?: string;
}

export class PortalSessionDto {
  @ApiProperty({ example: 'pts_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({
    description:
      'The link to hand to the consumer (e.g. behind a "Manage automatic payments" button). It works once, until ' +
      '`expires_at`; opening it starts a browser session for that customer at your merchant only.',
    example: 'https://autopay.example.com/portal/open?token=pts_01JD3X9R0S4V8W2Y6Z1A3B5C7D.Yk3…',
  })
  url!: string;

  @ApiProperty({ format: 'date-time' })
  expires_at!: string;

  @ApiProperty({ example: 'cust-4711' })
  merchant_customer_id!: string;

  @ApiProperty({ type: String, nullable: true, enum: PORTAL_LOCALES })
  locale!: string | null;

  @ApiProperty({ type: String, nullable: true })
  return_url!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class UpdatePortalSettingsDto {
  @BoolField({
    description: 'Whether your customers can open portal links (existing sessions stop at once).',
  })
  enabled!: boolean;

  @StringField({
    optional: true,
    maxLength: 100,
    description: 'The name the portal shows (default: your merchant name).',
    example: 'Citybikes',
  })
  display_name?: string;

  @StringField({
    optional: true,
    maxLength: 2000,
    pattern: /^https:\/\/[^\s"'<>]+$/,
    patternMessage: 'must be an https URL',
    description: 'Your logo (https), shown at the top of every portal page.',
  })
  logo_url?: string;

  @StringField({
    optional: true,
    pattern: /^#[0-9a-fA-F]{6}$/,
    patternMessage: 'must be a colour as #rrggbb',
    description: 'Accent colour of buttons and links, `#rrggbb`.',
    example: '#0b6e4f',
  })
  accent_color?: string;
}

export class PortalSettingsDto {
  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ type: String, nullable: true })
  display_name!: string | null;

  @ApiProperty({ type: String, nullable: true })
  logo_url!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '#0b6e4f' })
  accent_color!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Null: never set.' })
  updated_at!: string | null;
}
