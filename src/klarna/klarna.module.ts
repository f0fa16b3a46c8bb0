import { HttpModule } from '@nestjs/axios';
import { Module, type DynamicModule, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import { KlarnaClient } from './klarna.client';
import {
  KLARNA_CLIENT_OPTIONS,
  resolveKlarnaClientOptions,
  type KlarnaClientOptions,
} from './klarna.options';

export interface KlarnaModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: (...args: never[]) => KlarnaClientOptions | Promise<KlarnaClientOptions>;
  inject?: FactoryProvider['inject'];
}

@Module({})
export class KlarnaModule {
  static register(options: KlarnaClientOptions = {}): DynamicModule {
    return {
      module: KlarnaModule,
      global: true,
      imports: [HttpModule.register({ maxRedirects: 0 })],
      providers: [
        { provide: KLARNA_CLIENT_OPTIONS, useValue: resolveKlarnaClientOptions(options) },
        KlarnaClient,
      ],
      exports: [KlarnaClient],
    };
  }

  static registerAsync(options: KlarnaModuleAsyncOptions): DynamicModule {
    return {
      module: KlarnaModule,
      global: true,
      imports: [...(options.imports ?? []), HttpModule.register({ maxRedirects: 0 })],
      providers: [
        {
          provide: KLARNA_CLIENT_OPTIONS,
          useFactory: async (...args: never[]) =>
            resolveKlarnaClientOptions(await options.useFactory(...args)),
          inject: options.inject ?? [],
        },
        KlarnaClient,
      ],
      exports: [KlarnaClient],
    };
  }
}
