import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Audited } from '../../../evidence/audit/audited.decorator';
import { Auth } from '../../../common/auth/auth.decorator';
import { AuditScope } from '../../../common/auth/principal';
import { AUDIT_READERS } from '../../../common/auth/role';
import { ProblemDto } from '../../../common/errors/problem.dto';
import { withinScope } from '../../../common/auth/audit-scope';
import { ConsentAuditService } from './consent-audit.service';
import { ConsentExportService } from './consent-export.service';
import { ConsentVerifyService } from './consent-verify.service';
import {
  AdminConsentDetailDto,
  AdminConsentPageDto,
  ConsentExportQueryDto,
  ConsentListQueryDto,
  ReceiptDto,
  VerifyQueryDto,
  VerifyReportDto,
} from './dto/admin-consent.dto';

@ApiTags('admin: consents')
@Controller('admin/v1/consents')
export class ConsentsAdminController {
  constructor(
    private readonly consents: ConsentAuditService,
    private readonly exporter: ConsentExportService,
    private readonly verifier: ConsentVerifyService,
  ) {}

  @Get()
  @Auth(...AUDIT_READERS)
  @Audited('consents.list')
  @ApiOperation({
    summary: 'Search consent records, newest first',
    description: 'Filters combine (AND). Keyset pagination on (accepted_at, id).',
  })
  @ApiOkResponse({ type: AdminConsentPageDto })
  list(
    @Query() query: ConsentListQueryDto,
    @AuditScope() scope: string | null,
  ): Promise<AdminConsentPageDto> {
    return this.consents.list(withinScope(query, scope));
  }

  @Get('export')
  @Auth(...AUDIT_READERS)
  @Audited('consents.export')
  @ApiOperation({
    summary: 'Export consent records (streamed)',
    description:
      'Same filters as the list, every matching record, newest first. `csv`: RFC 4180, a header row, one row per ' +
      'consent with its chain position and token link; a value that begins with `=`, `+`, `-`, `@`, tab or ' +
      "carriage return is written quoted with a leading `'` so that spreadsheets do not run it as a formula " +
      '(OWASP CSV injection). `ndjson`: one object per line, shaped like a list item (with its events), values ' +
      'exactly as recorded.',
  })
  @ApiOkResponse({
    description: 'The export, as an attachment (`Content-Disposition`).',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/x-ndjson': { schema: { type: 'string' } },
    },
  })
  export(@Query() query: ConsentExportQueryDto, @AuditScope() scope: string | null): StreamableFile {
    const out = this.exporter.export(withinScope(query, scope));
    return new StreamableFile(out.stream, {
      type: out.contentType,
      disposition: `attachment; filename="${out.filename}"`,
    });
  }

  @Get('verify')
  @Auth(...AUDIT_READERS)
  @Audited('consents.verify')
  @ApiOperation({
    summary: 'Recompute the hash chains of one merchant or of all',
    description:
      "Checks every consent and consent event in chain order (sequence, links, hashes) up to the merchant's " +
      'head, and names the first broken record.',
  })
  @ApiOkResponse({ type: VerifyReportDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Unknown merchant_id.' })
  verify(@Query() query: VerifyQueryDto, @AuditScope() scope: string | null): Promise<VerifyReportDto> {
    return this.verifier.verify(withinScope(query, scope).merchant_id);
  }

  @Get(':consent_id')
  @Auth(...AUDIT_READERS)
  @Audited('consents.read', { target: 'consent_id' })
  @ApiOperation({
    summary: 'A consent record with the exact terms text, its events and its chain position',
  })
  @ApiOkResponse({ type: AdminConsentDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('consent_id') id: string, @AuditScope() scope: string | null): Promise<AdminConsentDetailDto> {
    return this.consents.get(id, scope);
  }

  @Get(':consent_id/receipt')
  @Auth(...AUDIT_READERS)
  @Audited('receipt.issue', { target: 'consent_id' })
  @ApiOperation({
    summary: 'A signed receipt of the consent (compact JWS)',
    description:
      'Verifiable offline against `GET /.well-known/jwks.json`. Claims: `iss`, `sub` (consent id), `iat`, the ' +
      'consent, merchant and customer ids, the terms id/version/locale/content_sha256, accepted_at, the chain ' +
      'position (`chain_seq`, `chain_prev_hash`, `chain_hash`) and the customer token and authorization if linked.',
  })
  @ApiOkResponse({ type: ReceiptDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({
    type: ProblemDto,
    description: '`CONSENT_CHAIN_BROKEN`: the record does not verify.',
  })
  receipt(@Param('consent_id') id: string, @AuditScope() scope: string | null): Promise<ReceiptDto> {
    return this.consents.receipt(id, scope);
  }
}
