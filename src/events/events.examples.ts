import type { BodyExample } from '../common/openapi/body-examples';

export const CREATE_WEBHOOK_ENDPOINT_EXAMPLES: Record<string, BodyExample> = {
  tokens_and_orders: {
    summary: 'Tokens and charges',
    value: {
      url: 'https://merchant.example/hooks/autopay',
      events: ['customer_token.created', 'customer_token.canceled', 'order.succeeded', 'order.failed'],
      description: 'Production backend',
    },
  },
};

export const REDELIVER_EVENT_EXAMPLES: Record<string, BodyExample> = {
  endpoint: { summary: 'Again, to one endpoint', value: { endpoint_id: 'whe_01JD3X9R0S4V8W2Y6Z1A3B5C7D' } },
};
