import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createLogger, nestLogger } from '../common/logging/pino-setup';
import { chooseLogFormat, type LogFormat } from '../common/logging/log-format';
import {
  type EmulatorConfig,
  EmulatorConfigError,
  loadEmulatorConfig,
  startEmulator,
} from './klarna-emulator-runner';

/**
 * `npm run emulator`: the Klarna emulator alone, logging through the same pino setup as the service (LOG_FORMAT,
 * LOG_LEVEL; per-request lines with EMULATOR_LOG=true). Lives in the composition root so that the emulator itself
 * keeps importing nothing from the service.
 */
async function main(): Promise<void> {
  let config: EmulatorConfig;
  try {
    config = loadEmulatorConfig();
  } catch (error) {
    if (!(error instanceof EmulatorConfigError)) throw error;
    console.error(`Klarna emulator: invalid configuration: ${error.message}`);
    process.exit(1);
  }
  const log = createLogger({
    level: config.logLevel,
    format: chooseLogFormat({
      configured: config.logFormat as LogFormat | undefined,
      isTty: Boolean(process.stdout.isTTY),
      isProduction: false,
    }),
  });
  Logger.overrideLogger(nestLogger(log));
  const app = await startEmulator(config, config.log ? log : false);
  const users = config.credentials.map((c) => c.username).join(', ');
  log.info(`Klarna emulator listening on ${app.url} (merchants: ${users})`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info(`Klarna emulator: ${signal} received, shutting down`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'Klarna emulator: shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Klarna emulator failed to start:', error);
  process.exit(1);
});
