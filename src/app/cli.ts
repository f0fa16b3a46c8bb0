import 'reflect-metadata';
import { EntityManager } from '@mikro-orm/postgresql';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from './app.module';
import { ApiKeysService } from '../merchants/api-keys/api-keys.service';
import { type AppConfig, ConfigError, loadConfig, processEnv } from '../config/app-config';
import { devSecrets } from '../config/dev-secrets';
import { MerchantsService } from '../merchants/merchants.service';
import { KeyRotationService } from '../operations/key-rotation/key-rotation.service';

/**
 * Operator commands: `npm run cli -- <command> [args]`. They run against DATABASE_URL (required here: the CLI
 * never starts an embedded database) with the same configuration and migrations as the service.
 */
interface Command {
  usage: string;
  description: string;
  run(ctx: INestApplicationContext, args: string[], config: AppConfig): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  'create-admin-key': {
    usage: 'create-admin-key [--role admin|auditor] [--name NAME]',
    description: 'Issue a platform API key (the first admin key of a production database). Prints it once.',
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
    usage: 'create-merchant-auditor-key --merchant MERCHANT_ID [--name NAME]',
    description:
      "Issue a read-only key bound to one merchant (its consents, receipts and audit records), for the merchant's " +
      'compliance staff. Prints it once.',
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
    usage: 'rotate-keys',
    description:
      'Re-encrypt every stored secret under ENCRYPTION_ACTIVE_KEY_ID, online, in batches. Idempotent; exits 1 ' +
      'if any row could not be rotated.',
    async run(ctx) {
      const reports = await ctx.get(KeyRotationService).rotateAll();
      console.log(JSON.stringify(reports, null, 2));
      if (reports.some((r) => r.failed.length > 0 || r.skipped > 0)) process.exitCode = 1;
    },
  },
};

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function help(): string {
  return [
    'usage: npm run cli -- <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.description}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(help());
    process.exit(name ? 2 : 0);
  }
  const env = processEnv();
  let config: AppConfig;
  try {
    config = loadConfig({ ...devSecrets(env), ...env, JOBS_ENABLED: 'false' });
    if (!config.database.url) throw new ConfigError(['DATABASE_URL: is required for CLI commands']);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const ctx = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    await command.run(ctx, args, config);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${help()}`);
      process.exitCode = 2;
    } else throw error;
  } finally {
    await ctx.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
