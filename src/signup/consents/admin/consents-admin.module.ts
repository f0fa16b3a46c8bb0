import { Module } from '@nestjs/common';
import { ReceiptsModule } from '../../../evidence/receipts/receipts.module';
import { ConsentChainModule } from '../chain/consent-chain.module';
import { ConsentAuditService } from './consent-audit.service';
import { ConsentExportService } from './consent-export.service';
import { ConsentVerifyService } from './consent-verify.service';
import { ConsentsAdminController } from './consents-admin.controller';

/** The admin and auditor side of consent evidence: search, read, export, verify, receipts. */
@Module({
  imports: [ConsentChainModule, ReceiptsModule],
  controllers: [ConsentsAdminController],
  providers: [ConsentAuditService, ConsentExportService, ConsentVerifyService],
  exports: [ConsentVerifyService, ConsentAuditService],
})
export class ConsentsAdminModule {}
