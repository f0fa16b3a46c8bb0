/** What `npm run cli -- --help` says, without loading the application (help answers at once). */
export const COMMAND_HELP = {
  'create-admin-key': {
    usage: 'create-admin-key [--role admin|auditor] [--name NAME]',
    description: 'Issue a platform API key (the first admin key of a production database). Prints it once.',
  },
  'create-merchant-auditor-key': {
    usage: 'create-merchant-auditor-key --merchant MERCHANT_ID [--name NAME]',
    description:
      "Issue a read-only key bound to one merchant (its consents, receipts and audit records), for the merchant's " +
      'compliance staff. Prints it once.',
  },
  'rotate-keys': {
    usage: 'rotate-keys',
    description:
      'Re-encrypt every stored secret under ENCRYPTION_ACTIVE_KEY_ID, online, in batches. Idempotent; exits 1 ' +
      'if any row could not be rotated.',
  },
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

export class UsageError extends Error {}

export function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}
