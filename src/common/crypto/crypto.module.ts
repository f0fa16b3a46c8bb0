import { DynamicModule, Global, Module, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import { CRYPTO_OPTIONS, EnvelopeCrypto, type CryptoOptions } from './envelope-crypto';

export interface CryptoModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: (...args: never[]) => CryptoOptions | Promise<CryptoOptions>;
  inject?: FactoryProvider['inject'];
}

/** Global: any feature can inject {@link EnvelopeCrypto} once the app module registers this. */
@Global()
@Module({})
export class CryptoModule {
  static register(options: CryptoOptions): DynamicModule {
    return {
      module: CryptoModule,
      providers: [{ provide: CRYPTO_OPTIONS, useValue: options }, EnvelopeCrypto],
      exports: [EnvelopeCrypto],
    };
  }

  static registerAsync(options: CryptoModuleAsyncOptions): DynamicModule {
    return {
      module: CryptoModule,
      imports: options.imports ?? [],
      providers: [
        { provide: CRYPTO_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        EnvelopeCrypto,
      ],
      exports: [EnvelopeCrypto],
    };
  }
}
