import { type DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import { ApiKeyGuard } from '../merchants/api-keys/api-key.guard';
import { ApiKeysModule } from '../merchants/api-keys/api-keys.module';
import { AuditModule } from '../evidence/audit/audit.module';
import { Clock, SystemClock } from '../common/clock/clock';
import { CryptoModule } from '../common/crypto/crypto.module';
import { parseBase64Key, parseMasterKeys } from '../common/crypto/master-keys';
import { ProblemDetailsFilter } from '../common/errors/problem-details.filter';
import { LoggingModule } from '../common/logging/logging.module';
import { FleetModule, THROTTLER_STORAGE } from '../common/fleet/fleet.module';
import { ApiKeyThrottlerGuard } from '../common/http/throttler.guard';
import { createValidationPipe } from '../common/validation/validation';
import type { AppConfig } from '../config/app-config';
import { ConsentChainModule } from '../signup/consents/chain/consent-chain.module';
import { ConsentsAdminModule } from '../signup/consents/admin/consents-admin.module';
import { CoreModule } from '../config/core.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from '../events/events.module';
import { HealthModule } from '../operations/health/health.module';
import { KlarnaModule } from '../klarna/klarna.module';
import { MerchantsModule } from '../merchants/merchants.module';
import { AuthorizationsModule } from '../signup/sessions/authorizations.module';
import { ConsentsModule } from '../signup/consents/consents.module';
import { CustomerTokensModule } from '../signup/customer-tokens/customer-tokens.module';
import { KeyRotationModule } from '../operations/key-rotation/key-rotation.module';
import { SessionsModule } from '../signup/sessions/sessions.module';
import { TermsModule } from '../signup/terms/terms.module';
import { MetricsModule } from '../operations/metrics/metrics.module';
import { OrdersModule } from '../charging/orders/orders.module';
import { MoneyModule } from '../charging/money/money.module';
import { WebhooksModule } from '../events/webhooks/webhooks.module';
import { ReceiptsModule } from '../evidence/receipts/receipts.module';
import { DemoModule } from '../demo/demo.module';
import { SubscriptionsModule } from '../charging/subscriptions/subscriptions.module';
import { PortalModule } from '../portal/portal.module';

export interface AppOptions {
  clock?: Clock;
  /** Log destination instead of stdout (tests). */
  logStream?: DestinationStream;
  /** Apply pending migrations at boot (default true). */
  runMigrations?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    const clock = options.clock ?? new SystemClock();
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock),
        LoggingModule.forRoot(config.log, options.logStream),
        CryptoModule.register({
          masterKeys: parseMasterKeys(config.crypto.masterKeys),
          activeKeyId: config.crypto.activeKeyId,
          blindIndexKey: parseBase64Key(config.crypto.blindIndexKey, 'BLIND_INDEX_KEY'),
        }),
        DatabaseModule.forRoot(
          config.database.url ?? '',
          config.database.poolMax,
          options.runMigrations ?? true,
          config.database.migrationUrl,
        ),
        FleetModule.forRoot({
          redis: config.redis,
          // Longer than any Klarna attempt (bounded by its total timeout) holds a slot.
          slotLeaseMs: config.klarna.timeoutMs + Math.max(5000, config.klarna.timeoutMs),
        }),
        // Counted in Redis with REDIS_URL (the limit holds for the fleet), else in this instance's memory.
        ThrottlerModule.forRootAsync({
          inject: [THROTTLER_STORAGE],
          useFactory: (storage: ThrottlerStorage) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimit.perMinute }],
            storage,
          }),
        }),
        KlarnaModule.register({
          connectTimeoutMs: config.klarna.connectTimeoutMs,
          timeoutMs: config.klarna.timeoutMs,
          maxRetries: config.klarna.maxRetries,
          retryBaseDelayMs: config.klarna.retryBaseDelayMs,
          retryMaxDelayMs: config.klarna.retryMaxDelayMs,
          breakerThreshold: config.klarna.breakerThreshold,
          breakerHalfOpenAfterMs: config.klarna.breakerHalfOpenAfterMs,
          maxConcurrentCalls: config.klarnaConcurrency.maxPerCredential,
        }),
        ScheduleModule.forRoot(),
        MetricsModule,
        HealthModule,
        AuditModule,
        ApiKeysModule,
        MerchantsModule,
        TermsModule,
        SessionsModule,
        ConsentsModule,
        AuthorizationsModule,
        CustomerTokensModule,
        KeyRotationModule,
        EventsModule,
        WebhooksModule,
        ConsentChainModule,
        ConsentsAdminModule,
        ReceiptsModule,
        ...(config.demoSeed ? [DemoModule] : []),
        OrdersModule,
        MoneyModule,
        SubscriptionsModule,
        PortalModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // Order matters: authenticate first, then rate-limit per key.
        { provide: APP_GUARD, useExisting: ApiKeyGuard },
        { provide: APP_GUARD, useClass: ApiKeyThrottlerGuard },
      ],
    };
  }
}
