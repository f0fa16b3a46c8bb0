import type { BodyExample } from '../common/openapi/body-examples';
import { EXAMPLE_PAID_LINE } from '../klarna/order/klarna-order.examples';

/** 10.00 EUR incl. 1.60 VAT, within the example terms' scope (EUR, at most 50.00 a month). */
const ORDER = {
  purchase_currency: 'EUR',
  order_amount: 1000,
  order_tax_amount: 160,
  order_lines: [EXAMPLE_PAID_LINE],
};

export const CREATE_TOKEN_ORDER_EXAMPLES: Record<string, BodyExample> = {
  charge: { summary: "This month's charge", value: { ...ORDER, merchant_reference1: 'invoice-2026-03' } },
};

export const CREATE_SUBSCRIPTION_EXAMPLES: Record<string, BodyExample> = {
  monthly: {
    summary: 'Charged on the 1st of every month',
    description: 'A start date of today or earlier charges the first cycle at once.',
    value: {
      interval: 'MONTH',
      interval_count: 1,
      start_date: '2030-01-01',
      order: { ...ORDER, merchant_reference1: 'Monthly plan' },
      description: 'Citybikes monthly plan',
      metadata: { plan: 'monthly-basic' },
    },
  },
};

export const DUNNING_POLICY_EXAMPLES: Record<string, BodyExample> = {
  three_retries: { summary: 'Retry 1, 3 and 7 days after a decline', value: { delays_days: [1, 3, 7] } },
};

export const CREATE_TEST_CLOCK_EXAMPLES: Record<string, BodyExample> = {
  renewals: {
    summary: 'A clock on the first day of a plan',
    description: 'Subscriptions created with this clock as `test_clock` renew on its time.',
    value: { frozen_time: '2027-01-01T00:00:00Z', name: 'Annual plan renewals' },
  },
};

export const ADVANCE_TEST_CLOCK_EXAMPLES: Record<string, BodyExample> = {
  one_month: {
    summary: 'One month later',
    description: 'Renewals, retries and token checks due until then run in time order within seconds.',
    value: { frozen_time: '2027-02-01T00:00:00Z' },
  },
};
