import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../../common/clock/clock';
import { UnauthenticatedLimiter } from '../../common/http/unauthenticated-limiter';
import type { AppConfig } from '../../config/app-config';
import { AdminApiKeysController } from './api-keys.controller';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysService } from './api-keys.service';

@Module({
  controllers: [AdminApiKeysController],
  providers: [
    ApiKeysService,
    ApiKeyGuard,
    {
      provide: UnauthenticatedLimiter,
      inject: [Clock, ConfigService],
      useFactory: (clock: Clock, config: ConfigService<AppConfig, true>) =>
        new UnauthenticatedLimiter(
          clock,
          config.getOrThrow('rateLimit', { infer: true }).unauthenticatedPerMinute,
        ),
    },
  ],
  exports: [ApiKeysService, ApiKeyGuard],
})
export class ApiKeysModule {}
