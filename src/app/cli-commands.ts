import { EntityManager } from '@mikro-orm/postgresql';
import { NestFactory } from '@nestjs/core';
import { ConsoleLogger, type INestApplicationContext, type LogLevel } from '@nestjs/common';
import { AppModule } from './app.module';
import { ApiKeysService } from '../merchants/api-keys/api-keys.service';
import type { AppConfig } from '../config/app-config';
import { MerchantsService } from '../merchants/merchants.service';
import { SingleBar, Presets } from 'cli-progress';
import { KeyRotationService, type RotationProgress } from '../operations/key-rotation/key-rotation.service';
import { type CommandName, option, UsageError } from './cli-usage';

/** What each operator command does once the application context is up (usage and help: cli-usage.ts). */
interface Command {
  run(ctx: INestApplicationContext, args: string[], config: AppConfig): Promise<void>;
}

export const COMMANDS: Record<CommandName, Command> = {
  'create-admin-key': {
    async run(ctx, args) {
      const role = option(args, '--role') ?? 'admin';
      if (role !== 'admin' && role !== 'auditor') throw new UsageError('--role must be admin or auditor');
      const name = option(args, '--name') ?? `${role} key (cli)`;
      const em = ctx.get(EntityManager).fork();
      const { apiKey, secret } = await ctx.get(ApiKeysService).issue({ role, merchantId: null, name, em });
      console.log(JSON.stringify({ id: apiKey.id, role, name, key: secret }, null, 2));
    },
  },
  'create-merchant-auditor-key': {
    async run(ctx, args) {
      const merchantId = option(args, '--merchant');
      if (!merchantId) throw new UsageError('--merchant MERCHANT_ID is required');
      const name = option(args, '--name') ?? 'merchant auditor key (cli)';
      const { apiKey, secret } = await ctx
        .get(MerchantsService)
        .issueKey(merchantId, name, null, 'merchant_auditor');
      console.log(
        JSON.stringify(
          { id: apiKey.id, role: apiKey.role, merchant_id: merchantId, name, key: secret },
          null,
          2,
        ),
      );
    },
  },
  'rotate-keys': {
    async run(ctx) {
      const reports = await ctx.get(KeyRotationService).rotateAll(progressBar());
      console.log(JSON.stringify(reports, null, 2));
      const total = (pick: (r: (typeof reports)[number]) => number) =>
        reports.reduce((n, r) => n + pick(r), 0);
      console.error(
        `rotate-keys: ${total((r) => r.rotated)} rotated, ${total((r) => r.failed.length)} failed, ` +
          `${total((r) => r.skipped)} skipped in ${reports.length} columns`,
      );
      if (reports.some((r) => r.failed.length > 0 || r.skipped > 0)) process.exitCode = 1;
    },
  },
};

/**
 * rotate-keys' progress on a terminal (cli-progress, on stderr): one bar per encrypted column, rows rotated of those
 * under an old key. Piped or in CI there is no bar, only the summary line.
 */
function progressBar(): ((p: RotationProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new SingleBar(
    { stream: process.stderr, format: 'rotate-keys {column} [{bar}] {value}/{total}', hideCursor: true },
    Presets.shades_classic,
  );
  let current = '';
  return ({ column, done, total }) => {
    if (column !== current) {
      if (current) bar.stop();
      current = column;
      bar.start(total, done, { column });
    } else {
      bar.update(done);
    }
    if (done >= total) {
      bar.stop();
      current = '';
    }
  };
}

/** Nest's console logger with every level on stderr: stdout carries only a command's result (JSON). */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel): void {
    super.printMessages(messages, context, logLevel, 'stderr');
  }
}

/** Starts the application context (its configuration, migrations and modules) and runs one command in it. */
export async function runCommand(name: CommandName, args: string[], config: AppConfig): Promise<void> {
  const ctx = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new StderrLogger('cli', { logLevels: ['error', 'warn'] }),
  });
  try {
    await COMMANDS[name].run(ctx, args, config);
  } finally {
    await ctx.close();
  }
}
