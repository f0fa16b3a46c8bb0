import { KLARNA_OPERATIONS, validateKlarnaRequest, validateKlarnaResponse } from '../contract/klarna-schemas';

describe('Klarna contract validator', () => {
  it('knows the operations of the three APIs, disambiguated by API', () => {
    expect([...KLARNA_OPERATIONS].sort()).toEqual([
      'customerToken.createOrder',
      'customerToken.patchCustomerToken',
      'customerToken.readCustomerToken',
      'orderManagement.acknowledgeOrder',
      'orderManagement.appendOrderShippingInfo',
      'orderManagement.appendShippingInfo',
      'orderManagement.cancelOrder',
      'orderManagement.captureOrder',
      'orderManagement.extendAuthorizationTime',
      'orderManagement.extendDueDate',
      'orderManagement.get',
      'orderManagement.getCapture',
      'orderManagement.getCaptures',
      'orderManagement.getOptionsForExtendDueDate',
      'orderManagement.getOrder',
      'orderManagement.refundOrder',
      'orderManagement.releaseRemainingAuthorization',
      'orderManagement.triggerSendOut',
      'orderManagement.updateAuthorization',
      'orderManagement.updateConsumerDetails',
      'orderManagement.updateMerchantReferences',
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

  const line = (type: string) => ({ type, name: 'Plan', quantity: 1, unit_price: 10, total_amount: 10 });
  const error = (code: string) => ({ error_code: code, error_messages: ['m'], correlation_id: 'c' });

  it.each<[string, number, unknown, boolean]>([
    [
      'orderManagement.getOrder',
      200,
      { order_id: 'o', status: 'AUTHORIZED', order_lines: [line('digital')] },
      true,
    ],
    ['orderManagement.getOrder', 200, { order_id: 'o', order_lines: [line('return_fee')] }, true],
    // The copy's one-value enum is mended into an anchored pattern: a word that merely contains a type fails.
    ['orderManagement.getOrder', 200, { order_id: 'o', order_lines: [line('digitally')] }, false],
    ['orderManagement.getOrder', 200, { order_id: 'o', status: 'OPEN' }, false],
    ['orderManagement.getOrder', 200, { order_id: 'o', captured_amount: 1.5 }, false],
    ['orderManagement.getOrder', 404, error('NO_SUCH_ORDER'), true],
    ['orderManagement.refundOrder', 201, undefined, true],
    ['orderManagement.cancelOrder', 204, undefined, true],
    ['orderManagement.cancelOrder', 403, error('CANCEL_NOT_ALLOWED'), true],
    ['orderManagement.cancelOrder', 404, error('NO_SUCH_ORDER'), true],
    ['orderManagement.cancelOrder', 409, error('CONFLICT'), false],
    ['orderManagement.captureOrder', 400, { error_code: 'BAD_VALUE' }, false],
    ['orderManagement.releaseRemainingAuthorization', 204, undefined, true],
  ])('%s %i %j valid: %s', (operationId, status, body, valid) => {
    expect(validateKlarnaResponse(operationId, status, body).length === 0).toBe(valid);
  });

  it('checks the response headers the spec declares, when given', () => {
    const created = new Headers({ 'Capture-Id': 'c1', Location: '/ordermanagement/v1/orders/o/captures/c1' });
    expect(validateKlarnaResponse('orderManagement.captureOrder', 201, undefined, created)).toEqual([]);
    expect(
      validateKlarnaResponse('orderManagement.captureOrder', 201, undefined, new Headers({ Location: '/x' })),
    ).toEqual(['header Capture-Id is missing from orderManagement.captureOrder 201']);
    expect(validateKlarnaResponse('orderManagement.captureOrder', 201, undefined)).toEqual([]);
  });

  it('validates Order Management request bodies', () => {
    expect(validateKlarnaRequest('orderManagement.captureOrder', { captured_amount: 100 })).toEqual([]);
    expect(validateKlarnaRequest('orderManagement.captureOrder', { description: 'x' })).toEqual([
      "(body) must have required property 'captured_amount'",
    ]);
    expect(validateKlarnaRequest('orderManagement.refundOrder', { refunded_amount: 200_000_001 })).toEqual([
      'refunded_amount must be <= 200000000',
    ]);
    expect(validateKlarnaRequest('orderManagement.cancelOrder', undefined)).toEqual([]);
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
