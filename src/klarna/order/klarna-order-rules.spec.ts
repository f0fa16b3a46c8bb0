import { checkKlarnaOrder, customerIdProblem, type RuleOrder } from './klarna-order-rules';

const line = {
  type: 'physical',
  quantity: 2,
  unit_price: 1250,
  tax_rate: 2500,
  total_amount: 2500,
  total_tax_amount: 500,
};
const base: RuleOrder = {
  intent: 'buy',
  purchase_country: 'DE',
  purchase_currency: 'EUR',
  order_amount: 2500,
  order_tax_amount: 500,
  order_lines: [line],
};
const order = (overrides: Partial<RuleOrder>): RuleOrder => ({ ...base, ...overrides });

describe('checkKlarnaOrder', () => {
  const cases: [string, RuleOrder, string[]][] = [
    ['a valid order', base, []],
    [
      'tax 1 below the exact value',
      order({ order_lines: [{ ...line, total_tax_amount: 499 }], order_tax_amount: 499 }),
      [],
    ],
    [
      'tax 2 below',
      order({ order_lines: [{ ...line, total_tax_amount: 498 }], order_tax_amount: 498 }),
      ['order_lines[0].total_tax_amount'],
    ],
    [
      '7 % rounding within ±1',
      order({
        order_lines: [
          { ...line, quantity: 1, unit_price: 999, total_amount: 999, tax_rate: 700, total_tax_amount: 65 },
        ],
        order_amount: 999,
        order_tax_amount: 65,
      }),
      [],
    ],
    [
      'discount counted in the line total',
      order({
        order_lines: [{ ...line, total_discount_amount: 500, total_amount: 2000, total_tax_amount: 400 }],
        order_amount: 2000,
        order_tax_amount: 400,
      }),
      [],
    ],
    [
      'line total wrong',
      order({
        order_lines: [{ ...line, total_amount: 2400, total_tax_amount: 480 }],
        order_amount: 2400,
        order_tax_amount: 480,
      }),
      ['order_lines[0].total_amount'],
    ],
    [
      'negative discount line is fine',
      order({
        order_lines: [
          line,
          {
            type: 'discount',
            quantity: 1,
            unit_price: -500,
            tax_rate: 2500,
            total_amount: -500,
            total_tax_amount: -100,
          },
        ],
        order_amount: 2000,
        order_tax_amount: 400,
      }),
      [],
    ],
    [
      'positive gift card',
      order({
        order_lines: [line, { type: 'gift_card', quantity: 1, unit_price: 100, total_amount: 100 }],
        order_amount: 2600,
      }),
      ['order_lines[1].total_amount'],
    ],
    [
      'negative physical line',
      order({
        order_lines: [
          { ...line, quantity: 1, unit_price: -100, total_amount: -100, tax_rate: 0, total_tax_amount: 0 },
        ],
        order_amount: -100,
        order_tax_amount: 0,
      }),
      ['order_lines[0].total_amount', 'order_amount'],
    ],
    ['order_amount off by one', order({ order_amount: 2501 }), ['order_amount']],
    [
      'order_tax_amount missing with taxed lines',
      order({ order_tax_amount: undefined }),
      ['order_tax_amount'],
    ],
    [
      'buy at 0',
      order({
        order_lines: [{ ...line, quantity: 0, total_amount: 0, total_tax_amount: 0 }],
        order_amount: 0,
        order_tax_amount: 0,
      }),
      ['order_amount'],
    ],
    [
      'tokenize at 0',
      order({
        intent: 'tokenize',
        order_lines: [{ ...line, quantity: 0, total_amount: 0, total_tax_amount: 0 }],
        order_amount: 0,
        order_tax_amount: 0,
      }),
      [],
    ],
    [
      'buy_and_tokenize at 0',
      order({
        intent: 'buy_and_tokenize',
        order_lines: [{ ...line, unit_price: 0, total_amount: 0, total_tax_amount: 0 }],
        order_amount: 0,
        order_tax_amount: 0,
      }),
      ['order_amount'],
    ],
    [
      'US sales tax style',
      order({
        purchase_country: 'US',
        purchase_currency: 'USD',
        order_lines: [
          { quantity: 1, unit_price: 2000, total_amount: 2000 },
          { type: 'sales_tax', quantity: 1, unit_price: 160, total_amount: 160 },
        ],
        order_amount: 2160,
        order_tax_amount: 160,
      }),
      [],
    ],
    [
      'US sales tax with a taxed line',
      order({
        purchase_country: 'US',
        purchase_currency: 'USD',
        order_lines: [
          { quantity: 1, unit_price: 2000, total_amount: 2000, tax_rate: 800 },
          { type: 'sales_tax', quantity: 1, unit_price: 160, total_amount: 160 },
        ],
        order_amount: 2160,
        order_tax_amount: 160,
      }),
      ['order_lines[0].tax_rate'],
    ],
    [
      'US sales tax sum wrong',
      order({
        purchase_country: 'US',
        purchase_currency: 'USD',
        order_lines: [
          { quantity: 1, unit_price: 2000, total_amount: 2000 },
          { type: 'sales_tax', quantity: 1, unit_price: 160, total_amount: 160 },
        ],
        order_amount: 2160,
        order_tax_amount: 0,
      }),
      ['order_tax_amount'],
    ],
    ['currency of another market', order({ purchase_currency: 'SEK' }), ['purchase_currency']],
    ['lower-case codes', order({ purchase_country: 'de', purchase_currency: 'eur' }), []],
    ['billing country overrides', order({ billing_address: { country: 'SE' } }), ['purchase_currency']],
    ['unknown market', order({ purchase_country: 'JP' }), ['purchase_country']],
    ['unknown billing market', order({ billing_address: { country: 'JP' } }), ['billing_address.country']],
    [
      'every problem at once',
      order({
        order_lines: [{ ...line, total_amount: 1 }],
        order_amount: 7,
        order_tax_amount: 9,
        purchase_currency: 'GBP',
      }),
      [
        'order_lines[0].total_amount',
        'order_lines[0].total_tax_amount',
        'order_amount',
        'order_tax_amount',
        'purchase_currency',
      ],
    ],
  ];

  it.each(cases)('%s', (_name, input, fields) => {
    expect(checkKlarnaOrder(input).map((e) => e.field)).toEqual(fields);
  });
});

describe('customerIdProblem', () => {
  it.each([
    ['cust-4711', undefined],
    ['10023456', undefined],
    ['user_42@tenant', undefined],
    ['anna@example.com', 'must not be an e-mail address'],
    [' Anna.Berg@mail.example.se ', 'must not be an e-mail address'],
    ['+46 70 123 45 67', 'must not be a phone number'],
    ['0049-171-1234567', 'must not be a phone number'],
    ['0171/1234567', 'must not be a phone number'],
  ])('%s', (value, problem) => {
    expect(customerIdProblem(value)).toBe(problem);
  });
});
