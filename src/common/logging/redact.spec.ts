import { REDACTED, redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('replaces every secret-named field at any depth and keeps the rest', () => {
    const input = {
      method: 'POST',
      headers: { authorization: 'Bearer ak_x', 'x-request-id': 'r1' },
      body: {
        password: 'p',
        api_key: 'k',
        apiKey: 'k2',
        client_secret: 's',
        nested: [{ authorization_token: 'tok', customer_token: 'ct', amount: 5 }],
      },
    };
    const out = redactSecrets(input) as typeof input;
    expect(out.headers.authorization).toBe(REDACTED);
    expect(out.headers['x-request-id']).toBe('r1');
    expect(out.body).toEqual({
      password: REDACTED,
      api_key: REDACTED,
      apiKey: REDACTED,
      client_secret: REDACTED,
      nested: [{ authorization_token: REDACTED, customer_token: REDACTED, amount: 5 }],
    });
    expect(input.body.password).toBe('p');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redactSecrets(a)).toEqual({ name: 'a', self: '[…]' });
  });
});
