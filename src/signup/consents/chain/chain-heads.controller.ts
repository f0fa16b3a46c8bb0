import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../../evidence/audit/audited.decorator';
import { Auth } from '../../../common/auth/auth.decorator';
import { AuditScope } from '../../../common/auth/principal';
import { AUDIT_READERS } from '../../../common/auth/role';
import { withinScope } from '../../../common/auth/audit-scope';
import { ChainService } from './chain.service';
import { ChainHeadPageDto, ChainHeadQueryDto } from './dto/chain-head.dto';

@ApiTags('admin: consents')
@Controller('admin/v1/consents/chain-heads')
export class ChainHeadsController {
  constructor(private readonly chain: ChainService) {}

  @Get()
  @Auth(...AUDIT_READERS)
  @Audited('consents.chain_heads')
  @ApiOperation({
    summary: "Each merchant's current consent chain head",
    description:
      'Keep a copy: a later `GET /admin/v1/consents/verify` against it proves that no suffix was removed or rewritten.',
  })
  @ApiOkResponse({ type: ChainHeadPageDto })
  list(@Query() query: ChainHeadQueryDto, @AuditScope() scope: string | null): Promise<ChainHeadPageDto> {
    return this.chain.list(withinScope(query, scope));
  }
}
