import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorator';
import type { Jwks } from './receipt.service';
import { ReceiptService } from './receipt.service';

class JwkDto {
  @ApiProperty({ enum: ['OKP', 'EC'] })
  kty!: string;

  @ApiProperty({ example: 'Ed25519' })
  crv!: string;

  @ApiProperty()
  x!: string;

  @ApiProperty({ required: false, description: 'EC keys only.' })
  y?: string;

  @ApiProperty({ description: 'RFC 7638 JWK thumbprint (SHA-256, base64url).' })
  kid!: string;

  @ApiProperty({ enum: ['EdDSA', 'ES256'] })
  alg!: string;

  @ApiProperty({ enum: ['sig'] })
  use!: string;
}

class JwksDto {
  @ApiProperty({ type: [JwkDto], description: 'The current signing key first, then earlier ones.' })
  keys!: JwkDto[];
}

@ApiTags('receipts')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly receipts: ReceiptService) {}

  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'Public keys that verify consent receipts (JWKS)',
    description: 'Receipts are compact JWS; their `kid` names one of these keys.',
  })
  @ApiOkResponse({ type: JwksDto })
  jwks(): Jwks {
    return this.receipts.jwks();
  }
}
