import { HttpModule, HttpService } from '@nestjs/axios';
import { Module, type DynamicModule } from '@nestjs/common';
import axios from 'axios';
import { klarnaHttpOptions } from './klarna-http';
import { KlarnaClient } from './klarna.client';
import { KlarnaTestTime } from './klarna-test-time';
import {
  KLARNA_CLIENT_OPTIONS,
  resolveKlarnaClientOptions,
  type KlarnaClientOptions,
} from './klarna.options';

@Module({})
export class KlarnaModule {
  static register(options: KlarnaClientOptions = {}): DynamicModule {
    const resolved = resolveKlarnaClientOptions(options);
    return {
      module: KlarnaModule,
      global: true,
      // The factory runs once per application, so each gets its own connection pool and closes it.
      imports: [HttpModule.registerAsync({ useFactory: () => klarnaHttpOptions(resolved) })],
      providers: [{ provide: KLARNA_CLIENT_OPTIONS, useValue: resolved }, KlarnaClient, KlarnaTestTime],
      exports: [KlarnaClient, KlarnaTestTime],
    };
  }
}

/** A client outside Nest's container (tests and tools), over the same transport KlarnaModule configures. */
export function createKlarnaClient(options: KlarnaClientOptions = {}): KlarnaClient {
  const resolved = resolveKlarnaClientOptions(options);
  return new KlarnaClient(resolved, new HttpService(axios.create(klarnaHttpOptions(resolved))));
}
