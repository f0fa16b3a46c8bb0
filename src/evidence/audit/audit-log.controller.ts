import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import { AuditScope } from '../../common/auth/principal';
import { AUDIT_READERS } from '../../common/auth/role';
import { Audited } from './audited.decorator';
import { AuditService } from './audit.service';
import { AuditEntryPageDto, AuditLogQueryDto } from './dto/audit-log.dto';

@ApiTags('admin: audit log')
@Controller('admin/v1/audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Auth(...AUDIT_READERS)
  @Audited('audit_log.list')
  @ApiOperation({
    summary: 'Who did or read what under /admin, newest first',
    description:
      "Every admin and auditor request (reads, exports, verifications and writes, refused ones included) with its filter and outcome. Append-only. A `merchant_auditor` key sees the requests made with its own merchant's keys.",
  })
  @ApiOkResponse({ type: AuditEntryPageDto })
  list(@Query() query: AuditLogQueryDto, @AuditScope() scope: string | null): Promise<AuditEntryPageDto> {
    return this.audit.list(query, scope);
  }
}
