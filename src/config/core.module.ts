import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Clock } from '../common/clock/clock';
import type { AppConfig } from './app-config';

/** Process-wide singletons: the validated configuration (read through ConfigService) and the clock. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          load: [() => config],
        }),
      ],
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
