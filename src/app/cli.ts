import 'reflect-metadata';
import { createRequire } from 'node:module';
import { type AppConfig, ConfigError, loadConfig, processEnv } from '../config/app-config';
import { devSecrets } from '../config/dev-secrets';
import { COMMAND_HELP, type CommandName, UsageError } from './cli-usage';

/**
 * Operator commands: `npm run cli -- <command> [args]`. They run against DATABASE_URL (required here: the CLI
 * never starts an embedded database) with the same configuration and migrations as the service. The
 * application itself (cli-commands.ts) is loaded only when a command runs.
 */
const HELP_FLAGS = new Set(['--help', '-h', 'help']);

function help(): string {
  return [
    'usage: npm run cli -- <command> [options]',
    '       npm run cli -- <command> --help',
    '',
    'commands:',
    ...Object.values(COMMAND_HELP).map((c) => `  ${c.usage}\n      ${c.description}`),
    '',
    'Commands run against DATABASE_URL (required; the CLI never starts an embedded database).',
  ].join('\n');
}

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMAND_HELP, name);

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  // Help goes to stdout with exit 0; an unknown command is named on stderr with exit 2.
  if (name === undefined || HELP_FLAGS.has(name)) {
    console.log(help());
    return;
  }
  if (!isCommand(name)) {
    console.error(`unknown command: ${name}\n\n${help()}`);
    process.exit(2);
  }
  if (args.some((arg) => HELP_FLAGS.has(arg))) {
    console.log(`usage: npm run cli -- ${COMMAND_HELP[name].usage}\n\n${COMMAND_HELP[name].description}`);
    return;
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
  // A plain require: swc leaves import() native, and Node's import() of this CommonJS build hides its exports.
  const { runCommand } = createRequire(__filename)('./cli-commands') as typeof import('./cli-commands.js');
  try {
    await runCommand(name, args, config);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${help()}`);
      process.exitCode = 2;
    } else throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
