import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory';
import { type AppConfig, ConfigError, loadConfig, processEnv } from '../config/app-config';
import { devSecrets } from '../config/dev-secrets';
import { leaveShutdownSignalsToCaller, startEmbeddedPostgres } from '../common/database/embedded-postgres';
import { createLogger, nestLogger } from '../common/logging/pino-setup';
import { startDefaultEmulator } from './klarna-emulator-runner';
import { ensureServiceLogin } from './database/service-login';
import { seedDemo } from '../demo/demo-seed';
import { Drain } from '../common/fleet/drain';

type Stopper = () => Promise<void>;

function readConfig(): AppConfig {
  const env = processEnv();
  try {
    return loadConfig({ ...devSecrets(env), ...env });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  let config = readConfig();
  // One logger for the process: the emulator (started before the service) and Nest's own lines go through the
  // same pino setup as the service's, with the framework's start-up lines at debug.
  const log = createLogger(config.log);
  Logger.overrideLogger(nestLogger(log));
  const stoppers: Stopper[] = [];
  const running: { app?: NestFastifyApplication } = {};

  let shuttingDown = false;
  /**
   * SIGTERM (a deploy, an orchestrator) drains: /health/ready answers 503 at once and jobs claim nothing new, the
   * instance keeps serving for SHUTDOWN_UNREADY_MS so that the load balancer sees it is going, then stops
   * accepting connections, lets in-flight requests and job items finish, gives back its shared slots and
   * exits. Past SHUTDOWN_GRACE_SECONDS it exits anyway (status 1): what it had claimed is taken over by other
   * instances when the leases run out. SIGINT (Ctrl+C) skips the wait.
   */
  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n${signal}: shutting down…`);
    const deadline = setTimeout(() => {
      console.error(`shutdown took longer than ${config.shutdown.graceMs / 1000} s; exiting`);
      process.exit(1);
    }, config.shutdown.graceMs);
    deadline.unref();
    try {
      running.app?.get(Drain).begin();
      if (running.app && signal === 'SIGTERM') {
        await new Promise((resolve) => setTimeout(resolve, config.shutdown.unreadyMs));
      }
      await running.app?.close();
      for (const stop of stoppers.reverse()) await stop();
      process.exit(0);
    } catch (error) {
      console.error('shutdown failed', error);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (!config.database.url) {
    const db = await startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'pg'),
      port: config.database.embeddedPort,
      database: 'autopay',
      persistent: true,
    });
    stoppers.push(() => db.stop());
    // The drain below, not the package, decides when a signal stops the cluster: after the requests it serves.
    leaveShutdownSignalsToCaller();
    if (db.dataDir !== resolve(join(config.dataDir, 'pg'))) {
      console.log(
        `Embedded PostgreSQL keeps its data in ${db.dataDir} (the project directory is private to root).`,
      );
    }
    // Migrations run as the cluster's superuser; the service logs in as a member of the application role with a
    // password made for this start (kept in memory only), so that RESET ROLE gives it nothing back.
    const serviceUrl = await ensureServiceLogin(db.url).catch(async (error: unknown) => {
      await db.stop();
      throw error;
    });
    config = { ...config, database: { ...config.database, url: serviceUrl, migrationUrl: db.url } };
  }

  let emulator: Awaited<ReturnType<typeof startDefaultEmulator>> | undefined;
  if (!config.klarna.baseUrl && !config.isProduction) {
    emulator = await startDefaultEmulator(config.emulator.port);
    stoppers.push(() => emulator!.stop());
    config = { ...config, klarna: { ...config.klarna, baseUrl: emulator.url } };
  }

  const app = await createApp(config).catch(async (error: unknown) => {
    // Leave no embedded PostgreSQL or emulator behind when the service cannot start.
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    throw error;
  });
  running.app = app;
  await app.listen({ port: config.http.port, host: config.http.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const apiUrl = config.http.publicUrl ?? `http://localhost:${port}`;

  if (config.demoSeed) {
    const creds = await seedDemo(app, config, { apiUrl, emulator });
    console.log(
      [
        '',
        'Autopay is ready.',
        `  API:        ${apiUrl}`,
        `  Docs:       ${apiUrl}/docs`,
        `  Demo:       ${apiUrl}/demo`,
        ...(emulator ? [`  Emulator:   ${emulator.url}  (Klarna stand-in)`] : []),
        '',
        `  Demo merchant key:  ${creds.merchant_api_key}`,
        `  Admin key:          ${creds.admin_api_key}`,
        `  Auditor key:        ${creds.auditor_api_key}  (demo merchant only)`,
        `  (saved to ${creds.file})`,
        '',
        `  Try: curl -H "Authorization: Bearer ${creds.merchant_api_key}" ${apiUrl}/v1/merchant`,
        `  Demo mode is for local use: listening on ${config.http.host} (HOST changes it).`,
        `  Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl+C stops it.`,
        '',
      ].join('\n'),
    );
  } else {
    console.log(`Autopay listening on ${apiUrl}`);
  }
}

main().catch((error: unknown) => {
  console.error('Autopay failed to start:', error);
  process.exit(1);
});
