import { Module, type DynamicModule } from '@nestjs/common';
import { KlarnaClient } from './klarna.client';
import {
  KLARNA_CLIENT_OPTIONS,
  resolveKlarnaClientOptions,
  type KlarnaClientOptions,
} from './klarna.options';

@Module({})
export class KlarnaModule {
  static register(options: KlarnaClientOptions = {}): DynamicModule {
    return {
      module: KlarnaModule,
      global: true,
      providers: [
        { provide: KLARNA_CLIENT_OPTIONS, useValue: resolveKlarnaClientOptions(options) },
        KlarnaClient,
      ],
      exports: [KlarnaClient],
    };
  }
}
