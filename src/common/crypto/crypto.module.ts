import { DynamicModule, Global, Module } from '@nestjs/common';
import { CRYPTO_OPTIONS, EnvelopeCrypto, type CryptoOptions } from './envelope-crypto';

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
}
