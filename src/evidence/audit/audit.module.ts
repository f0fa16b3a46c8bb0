import { Global, Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { AuditService } from './audit.service';

/**
 * The access audit of `/admin`: the interceptor that `@Audited` puts on each admin route, the append-only log and
 * its read API.
 */
@Global()
@Module({
  controllers: [AuditLogController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
