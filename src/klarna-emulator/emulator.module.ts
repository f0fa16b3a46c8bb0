import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EmulatorClock } from './core/clock';
import { EmulatorState } from './core/state';
import { AdminService } from './domain/admin.service';
import { AuthorizationsService } from './domain/authorizations.service';
import { FaultsService } from './domain/faults.service';
import { IdempotencyService } from './domain/idempotency.service';
import { OrderManagementService } from './domain/order-management.service';
import { LedgerService } from './domain/ledger.service';
import { RedirectsService } from './domain/redirects.service';
import { SessionsService } from './domain/sessions.service';
import { TokensService } from './domain/tokens.service';
import { ControlsController } from './http/controls.controller';
import { CustomerTokenController } from './http/customer-token.controller';
import { KlarnaExceptionFilter } from './http/klarna-exception.filter';
import { OrderManagementController } from './http/order-management.controller';
import { PaymentsController } from './http/payments.controller';
import { SdkController } from './http/sdk.controller';

@Module({
  controllers: [
    PaymentsController,
    CustomerTokenController,
    OrderManagementController,
    ControlsController,
    SdkController,
  ],
  providers: [
    EmulatorClock,
    EmulatorState,
    AdminService,
    AuthorizationsService,
    FaultsService,
    IdempotencyService,
    LedgerService,
    OrderManagementService,
    RedirectsService,
    SessionsService,
    TokensService,
    { provide: APP_FILTER, useClass: KlarnaExceptionFilter },
  ],
})
export class EmulatorModule {}
