import type { BodyExample } from '../common/openapi/body-examples';

export const CREATE_MERCHANT_EXAMPLES: Record<string, BodyExample> = {
  merchant: { summary: 'A new merchant', value: { name: 'Citybikes GmbH' } },
};

export const KLARNA_CREDENTIALS_EXAMPLES: Record<string, BodyExample> = {
  playground: {
    summary: "Klarna's playground",
    description:
      'With `npm start`, Klarna calls go to the built-in emulator, which accepts the user name `demo_merchant` ' +
      'and the password it prints at startup; the demo merchant already has them.',
    value: {
      region: 'EU',
      environment: 'playground',
      username: 'demo_merchant',
      password: 'demo_klarna_secret',
    },
  },
};

export const CREATE_MERCHANT_API_KEY_EXAMPLES: Record<string, BodyExample> = {
  merchant: { summary: "The merchant's backend", value: { name: 'production backend', role: 'merchant' } },
  merchant_auditor: {
    summary: "The merchant's compliance staff (read-only)",
    value: { name: 'compliance', role: 'merchant_auditor' },
  },
};

export const CREATE_PLATFORM_API_KEY_EXAMPLES: Record<string, BodyExample> = {
  auditor: {
    summary: 'An auditor of every merchant (read-only)',
    value: { name: 'external audit', role: 'auditor' },
  },
};
