import { KLARNA_OPERATIONS, validateKlarnaRequest, validateKlarnaResponse } from '../contract/klarna-schemas';

describe('Klarna contract validator', () => {
  it('knows the nine operations, disambiguated by API', () => {
    expect([...KLARNA_OPERATIONS].sort()).toEqual([
      'customerToken.createOrder',
      'customerToken.patchCustomerToken',
      'customerToken.readCustomerToken',
      'payments.cancelAuthorization',
      'payments.createCreditSession',
      'payments.createOrder',
      'payments.purchaseToken',
      'payments.readCreditSession',
      'payments.updateCreditSession',
    ]);
    expect(() => validateKlarnaResponse('createOrder', 200, {})).toThrow('Unknown Klarna operation');
  });

  it.each<[string, number, unknown, boolean]>([
    ['payments.createCreditSession', 200, { session_id: 's', client_token: 'a.b.c' }, true],
    ['payments.createCreditSession', 200, { session_id: 's' }, false],
    ['payments.readCreditSession', 200, { status: 'complete', expires_at: '2026-01-01T00:00:00Z' }, true],
    ['payments.readCreditSession', 200, { status: 'done' }, false],
    ['payments.readCreditSession', 200, { expires_at: 'tomorrow' }, false],
    ['payments.updateCreditSession', 204, undefined, true],
    ['payments.updateCreditSession', 204, { ok: true }, false],
    ['payments.updateCreditSession', 200, undefined, false],
    ['payments.createOrder', 200, { order_id: 'o' }, true],
    ['payments.createOrder', 200, { order_id: 'o', authorized_payment_method: { type: 'pix' } }, false],
    // The Customer Token spec requires redirect_url on an order, unlike Klarna's prose example.
    ['customerToken.createOrder', 200, { order_id: 'o', fraud_status: 'ACCEPTED' }, false],
    [
      'customerToken.createOrder',
      200,
      { order_id: 'o', fraud_status: 'ACCEPTED', redirect_url: 'https://k' },
      true,
    ],
    ['customerToken.readCustomerToken', 200, { status: 'ACTIVE', payment_method_type: 'INVOICE' }, true],
    ['customerToken.readCustomerToken', 200, { status: 'ACTIVE' }, false],
    ['customerToken.patchCustomerToken', 202, undefined, true],
    [
      'customerToken.createOrder',
      403,
      { error_code: 'TOKEN_CANCELLED', error_messages: [], correlation_id: 'c' },
      true,
    ],
    ['customerToken.createOrder', 403, { message: 'no' }, false],
    [
      'payments.readCreditSession',
      401,
      { error_code: 'UNAUTHORIZED', error_messages: [], correlation_id: 'c' },
      true,
    ],
    [
      'payments.readCreditSession',
      418,
      { error_code: 'TEAPOT', error_messages: [], correlation_id: 'c' },
      false,
    ],
  ])('%s %i %j valid: %s', (operationId, status, body, valid) => {
    const problems = validateKlarnaResponse(operationId, status, body);
    expect(problems.length === 0).toBe(valid);
  });

  it('names the JSON path of each request problem', () => {
    const problems = validateKlarnaRequest('customerToken.createOrder', {
      purchase_currency: 'SEK',
      order_amount: 0,
      order_tax_amount: 0,
      order_lines: [{ name: '', quantity: 1, unit_price: 1, total_amount: 1 }],
    });
    expect(problems).toEqual([
      'order_amount must be >= 1',
      'order_lines[0].name must NOT have fewer than 1 characters',
    ]);
    expect(
      validateKlarnaRequest('payments.purchaseToken', {
        purchase_country: 'SE',
        purchase_currency: 'SEK',
        locale: 'sv-SE',
        description: 'Plan',
        intended_use: 'SUBSCRIPTION',
      }),
    ).toEqual([]);
    expect(validateKlarnaRequest('payments.cancelAuthorization', undefined)).toEqual([]);
    expect(validateKlarnaRequest('payments.cancelAuthorization', { x: 1 })).toHaveLength(1);
  });
});
