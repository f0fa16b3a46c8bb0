import {
  fieldErrorsFromMessages,
  KlarnaApiError,
  KlarnaCredentialsRejectedError,
  KlarnaUnavailableError,
  KlarnaUnknownOutcomeError,
  parseKlarnaErrorBody,
} from './klarna.errors';
import { ProblemException } from '../common/errors/problem.exception';

describe('parseKlarnaErrorBody', () => {
  it('reads the standard body from JSON text', () => {
    const body = parseKlarnaErrorBody(
      JSON.stringify({
        error_code: 'BAD_VALUE',
        error_messages: ['Bad value: order_tax_amount'],
        correlation_id: 'c-1',
        service_version: '1.2.3',
      }),
    );
    expect(body).toEqual({
      error_code: 'BAD_VALUE',
      error_messages: ['Bad value: order_tax_amount'],
      correlation_id: 'c-1',
      service_version: '1.2.3',
      reason: undefined,
      fraud_status: undefined,
      authorized_payment_method: undefined,
    });
  });

  it('accepts the singular error_message and the token-order extras', () => {
    const body = parseKlarnaErrorBody({
      error_code: 'PAYMENT_METHOD_FAILED',
      error_message: 'Purchase declined',
      reason: 'CREDIT_REJECTED',
      fraud_status: 'REJECTED',
      authorized_payment_method: { type: 'invoice', number_of_days: 30 },
    });
    expect(body?.error_messages).toEqual(['Purchase declined']);
    expect(body?.reason).toBe('CREDIT_REJECTED');
    expect(body?.fraud_status).toBe('REJECTED');
    expect(body?.authorized_payment_method).toEqual({ type: 'invoice', number_of_days: 30 });
  });

  it.each([['', '<html>401 Authorization Required</html>', '[]', '{"error_messages":["x"]}', 'null']])(
    'returns undefined for a body without an error code: %j',
    (raw) => {
      expect(parseKlarnaErrorBody(raw)).toBeUndefined();
    },
  );

  it('drops non-string messages instead of failing', () => {
    expect(parseKlarnaErrorBody({ error_code: 'X', error_messages: ['a', 3, null] })?.error_messages).toEqual(
      ['a'],
    );
  });
});

describe('fieldErrorsFromMessages', () => {
  it('turns "Bad value" messages (both spellings) into field paths and ignores others', () => {
    expect(
      fieldErrorsFromMessages([
        'Bad value: order_lines[0].total_tax_amount',
        'BAD_VALUE : billing_address.postal_code',
        'Invalid session id',
      ]),
    ).toEqual([
      { field: 'order_lines[0].total_tax_amount', message: 'Bad value: order_lines[0].total_tax_amount' },
      { field: 'billing_address.postal_code', message: 'BAD_VALUE : billing_address.postal_code' },
    ]);
  });

  it('splits 409 "Not matching fields" into one error per field', () => {
    expect(
      fieldErrorsFromMessages(['Not matching fields: [billing_address.postal_code, order_amount]']),
    ).toEqual([
      {
        field: 'billing_address.postal_code',
        message: 'billing_address.postal_code does not match the authorized session',
      },
      { field: 'order_amount', message: 'order_amount does not match the authorized session' },
    ]);
  });
});

describe('KlarnaApiError', () => {
  const make = (
    httpStatus: number,
    error_code: string,
    messages: string[] = [],
    retryAfterSeconds?: number,
  ) =>
    new KlarnaApiError({
      operation: 'createTokenOrder',
      httpStatus,
      body: { error_code, error_messages: messages, correlation_id: 'body-corr' },
      correlationId: 'header-corr',
      retryAfterSeconds,
    });

  it('maps 400 BAD_VALUE to a 422 KLARNA_REJECTED problem with field errors and upstream info', () => {
    const error = make(400, 'BAD_VALUE', ['Bad value: purchase_currency']);
    expect(error).toBeInstanceOf(ProblemException);
    expect(error.getStatus()).toBe(422);
    expect(error.code).toBe('KLARNA_REJECTED');
    expect(error.errors).toEqual([{ field: 'purchase_currency', message: 'Bad value: purchase_currency' }]);
    expect(error.upstream).toEqual({ error_code: 'BAD_VALUE', correlation_id: 'body-corr' });
    expect(error.httpStatus).toBe(400);
    expect(error.errorCode).toBe('BAD_VALUE');
    expect(error.messages).toEqual(['Bad value: purchase_currency']);
    expect(error.correlationId).toBe('body-corr');
    expect(error.detail).toBe(
      'Klarna answered createTokenOrder with HTTP 400 BAD_VALUE: Bad value: purchase_currency',
    );
  });

  it.each([
    [403, 'TOKEN_CANCELLED', 422, 'KLARNA_REJECTED'],
    [403, 'PAYMENT_METHOD_FAILED', 422, 'KLARNA_REJECTED'],
    [409, 'BAD_VALUE', 409, 'KLARNA_CONFLICT'],
    [404, 'NOT_FOUND', 502, 'KLARNA_ERROR'],
    [418, 'TEAPOT', 502, 'KLARNA_ERROR'],
  ])('maps Klarna %i %s to our %i %s', (httpStatus, errorCode, status, code) => {
    const error = make(httpStatus, errorCode);
    expect(error.getStatus()).toBe(status);
    expect(error.code).toBe(code);
    expect(error.errors).toBeUndefined();
  });

  it('maps 429 to 503 KLARNA_RATE_LIMITED carrying Retry-After', () => {
    const error = make(429, 'RATE_LIMITED', [], 30);
    expect(error.getStatus()).toBe(503);
    expect(error.code).toBe('KLARNA_RATE_LIMITED');
    expect(error.headers).toEqual({ 'Retry-After': '30' });
  });

  it('falls back to the header correlation id when the body has none', () => {
    const error = new KlarnaApiError({
      operation: 'readSession',
      httpStatus: 404,
      body: { error_code: 'NOT_FOUND' },
      correlationId: 'header-corr',
    });
    expect(error.correlationId).toBe('header-corr');
    expect(error.messages).toEqual([]);
  });
});

describe('the other Klarna errors', () => {
  it('KlarnaCredentialsRejectedError is a 502 KLARNA_CREDENTIALS_REJECTED', () => {
    const error = new KlarnaCredentialsRejectedError('createSession', 401, 'corr-1');
    expect(error.getStatus()).toBe(502);
    expect(error.code).toBe('KLARNA_CREDENTIALS_REJECTED');
    expect(error.detail).toContain("merchant's Klarna API credentials");
    expect(error.upstream).toEqual({ error_code: 'UNAUTHORIZED', correlation_id: 'corr-1' });
  });

  it('KlarnaUnknownOutcomeError says the outcome is unknown: 504 on timeout, 503 after server errors', () => {
    const timeout = new KlarnaUnknownOutcomeError({
      operation: 'createTokenOrder',
      failure: 'timeout',
      attempts: 4,
    });
    expect(timeout.outcome).toBe('unknown');
    expect(timeout.getStatus()).toBe(504);
    expect(timeout.code).toBe('KLARNA_OUTCOME_UNKNOWN');
    expect(timeout.detail).toBe(
      'Klarna did not confirm createTokenOrder (timeout after 4 attempts); it may or may not have been carried out.',
    );
    const server = new KlarnaUnknownOutcomeError({
      operation: 'createOrder',
      failure: 'server_error',
      attempts: 1,
      httpStatus: 500,
      errorCode: 'INTERNAL_SERVER_ERROR',
      correlationId: 'c',
    });
    expect(server.getStatus()).toBe(503);
    expect(server.upstream).toEqual({ error_code: 'INTERNAL_SERVER_ERROR', correlation_id: 'c' });
  });

  it('KlarnaUnavailableError is a 503 KLARNA_UNAVAILABLE with Retry-After', () => {
    const error = new KlarnaUnavailableError('readSession', 'circuit_open', 30);
    expect(error.getStatus()).toBe(503);
    expect(error.code).toBe('KLARNA_UNAVAILABLE');
    expect(error.reason).toBe('circuit_open');
    expect(error.headers).toEqual({ 'Retry-After': '30' });
  });
});
