import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EmulatorConfigError, loadEmulatorConfig, type EmulatorConfig } from './emulator.config';
import { createEmulatorApp } from './emulator.app';

async function main(): Promise<void> {
  let config: EmulatorConfig;
  try {
    config = loadEmulatorConfig();
  } catch (error) {
    if (!(error instanceof EmulatorConfigError)) throw error;
    console.error(`Klarna emulator: invalid configuration: ${error.message}`);
    process.exit(1);
  }
  // A standalone process owns the global Nest logger: keep bootstrap chatter out unless logging was asked for.
  if (!config.log) Logger.overrideLogger(['error', 'warn']);
  const app = await createEmulatorApp({ credentials: config.credentials, logger: config.log });
  await app.listen(config.port, config.host);
  const users = config.credentials.map((c) => c.username).join(', ');
  console.log(`Klarna emulator listening on ${await app.getUrl()} (merchants: ${users})`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`Klarna emulator: ${signal} received, shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
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
