import type { IntendedUse, TermsScope } from '../../signup/terms/terms.entity';
import { consentScopeExceeded, consentScopeViolations, type ScopedOrder } from './consent-scope';

const MONTHLY: TermsScope = { currency: 'SEK', max_order_amount: 5000, interval: 'MONTH', interval_count: 1 };
const ON_DEMAND: TermsScope = { currency: 'SEK', max_order_amount: 5000 };
const EVERY_MONTH = { interval: 'MONTH', interval_count: 1 };

const order = (overrides: Partial<ScopedOrder> = {}): ScopedOrder => ({
  purchase_currency: 'SEK',
  order_amount: 1000,
  order_lines: [{ subscription: EVERY_MONTH }],
  ...overrides,
});

describe('consentScopeViolations: the one consent-scope check of orders and subscriptions', () => {
  const cases: [string, ScopedOrder, TermsScope, IntendedUse, boolean, [string, string][]][] = [
    ['inside the scope', order(), MONTHLY, 'SUBSCRIPTION', false, []],
    ['exactly the maximum', order({ order_amount: 5000 }), MONTHLY, 'SUBSCRIPTION', false, []],
    [
      'one over the maximum',
      order({ order_amount: 5001 }),
      MONTHLY,
      'SUBSCRIPTION',
      false,
      [['max_order_amount', 'order_amount']],
    ],
    [
      'another currency',
      order({ purchase_currency: 'EUR' }),
      MONTHLY,
      'SUBSCRIPTION',
      false,
      [['currency', 'purchase_currency']],
    ],
    // The API only takes upper case (CurrencyField); the check itself never folds case.
    [
      'the consented currency in lower case',
      order({ purchase_currency: 'sek' }),
      MONTHLY,
      'SUBSCRIPTION',
      false,
      [['currency', 'purchase_currency']],
    ],
    [
      'withdrawn, and everything else wrong too: all at once',
      order({ purchase_currency: 'EUR', order_amount: 9000 }),
      MONTHLY,
      'SUBSCRIPTION',
      true,
      [
        ['consent_withdrawn', 'customer_token_id'],
        ['currency', 'purchase_currency'],
        ['max_order_amount', 'order_amount'],
      ],
    ],
    [
      'a subscription consent without a subscription line',
      order({ order_lines: [{}] }),
      MONTHLY,
      'SUBSCRIPTION',
      false,
      [['intended_use', 'order_lines']],
    ],
    [
      'another rhythm',
      order({ order_lines: [{}, { subscription: { interval: 'WEEK', interval_count: 1 } }] }),
      MONTHLY,
      'SUBSCRIPTION',
      false,
      [['interval', 'order_lines[1].subscription']],
    ],
    [
      'another interval_count',
      order({ order_lines: [{ subscription: { interval: 'MONTH', interval_count: 2 } }] }),
      MONTHLY,
      'SUBSCRIPTION',
      false,
      [['interval', 'order_lines[0].subscription']],
    ],
    [
      'any rhythm when the terms name none',
      order({ order_lines: [{ subscription: { interval: 'YEAR', interval_count: 1 } }] }),
      { currency: 'SEK', max_order_amount: 5000 },
      'SUBSCRIPTION',
      false,
      [],
    ],
    ['on demand without subscription lines', order({ order_lines: [{}] }), ON_DEMAND, 'ON_DEMAND', false, []],
    [
      'on demand with a subscription line',
      order(),
      ON_DEMAND,
      'ON_DEMAND',
      false,
      [['intended_use', 'order_lines[0].subscription']],
    ],
  ];

  it.each(cases)('%s', (_name, input, scope, use, withdrawn, expected) => {
    const got = consentScopeViolations(input, scope, use, withdrawn).map((v) => [v.limit, v.field]);
    expect(got).toEqual(expected);
  });

  it('answers 422 CONSENT_SCOPE_EXCEEDED naming every limit and field', () => {
    const violations = consentScopeViolations(
      order({ purchase_currency: 'EUR', order_amount: 9000 }),
      MONTHLY,
      'SUBSCRIPTION',
      false,
    );
    const problem = consentScopeExceeded(violations, 'subscription');
    expect({ status: problem.getStatus(), code: problem.code, errors: problem.errors }).toEqual({
      status: 422,
      code: 'CONSENT_SCOPE_EXCEEDED',
      errors: [
        { field: 'purchase_currency', message: 'must be SEK, the currency the consumer consented to' },
        {
          field: 'order_amount',
          message: 'must be at most 5000, the maximum per order the consumer consented to',
        },
      ],
    });
    expect(problem.detail).toMatch(
      /^The subscription is outside the consumer's consent \(limits: currency, /,
    );
  });
});
