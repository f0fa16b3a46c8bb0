import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto, PageQueryDto } from '../../../../common/pagination/pagination';
import { StringField } from '../../../../common/validation/fields';

export class ChainHeadQueryDto extends PageQueryDto {
  @StringField({
    optional: true,
    maxLength: 64,
    description: 'Only this merchant.',
    example: 'mer_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
  })
  merchant_id?: string;
}

export class ChainHeadDto {
  @ApiProperty({ example: 'mer_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  merchant_id!: string;

  @ApiProperty({ description: 'Sequence number of the last consent record (0: none yet).', example: 1042 })
  seq!: number;

  @ApiProperty({
    description: 'SHA-256 (hex) of the last record; 64 zeros before the first.',
    example: '3b9f0c1e6a2d4b8e7f5a1c3d9e0b2a4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a',
    pattern: '^[0-9a-f]{64}$',
  })
  head_hash!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class ChainHeadPageDto extends PageMetaDto {
  @ApiProperty({ type: [ChainHeadDto] })
  data!: ChainHeadDto[];
}
