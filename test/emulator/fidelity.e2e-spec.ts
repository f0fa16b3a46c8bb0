import { useEmulator } from '../support/emulator';
import { buySession, orderBodyFor, tokenizeSession } from '../support/klarna-fixtures';

/** A line without tax for a given amount (minor units). */
const plainLine = (amount: number) => ({
  type: 'digital',
  name: 'Plan',
  quantity: 1,
  unit_price: amount,
  tax_rate: 0,
  total_amount: amount,
  total_tax_amount: 0,
  subscription: { name: 'Plan', interval: 'MONTH', interval_count: 1 },
});

/** A session in `country`/`currency` for `amount`, without tax. */
const sessionFor = (intent: string, country: string, currency: string, amount: number) => ({
  intent,
  purchase_country: country,
  purchase_currency: currency,
  locale: 'en-US',
  order_amount: amount,
  order_tax_amount: 0,
  order_lines: [plainLine(amount)],
});

describe('Klarna emulator: fidelity of sessions and authorize()', () => {
  const emu = useEmulator();

  const offered = async (body: object): Promise<string[]> => {
    const res = await emu.klarna('payments.createCreditSession', 'POST', '/payments/v1/sessions', body);
    expect(res.status).toBe(200);
    return res.body.payment_method_categories.map((c: { identifier: string }) => c.identifier);
  };

  describe('payment_method_categories depend on intent, country and amount', () => {
    it.each<[string, string, string, number, string[]]>([
      ['tokenize', 'SE', 'SEK', 0, ['klarna', 'pay_later', 'pay_now']],
      ['buy', 'SE', 'SEK', 1250, ['klarna', 'pay_later', 'pay_now']],
      ['buy', 'SE', 'SEK', 35_000, ['klarna', 'pay_later', 'pay_now', 'pay_over_time']],
      ['buy_and_tokenize', 'SE', 'SEK', 35_000, ['klarna', 'pay_later', 'pay_now']],
      ['buy', 'DE', 'EUR', 3_499, ['klarna', 'pay_later', 'pay_now']],
      ['buy', 'DE', 'EUR', 3_500, ['klarna', 'pay_later', 'pay_now', 'pay_over_time']],
      ['buy', 'US', 'USD', 5_000, ['klarna', 'pay_later', 'pay_over_time']],
      ['tokenize', 'US', 'USD', 0, ['klarna', 'pay_later']],
    ])('%s in %s (%s %i) offers %j', async (intent, country, currency, amount, expected) => {
      expect(await offered(sessionFor(intent, country, currency, amount))).toEqual(expected);
    });

    it('follows the session as it is updated (read shows the current offer)', async () => {
      const sessionId = await emu.createSession(sessionFor('buy', 'DE', 'EUR', 1_000));
      const read = () =>
        emu.klarna('payments.readCreditSession', 'GET', `/payments/v1/sessions/${sessionId}`);
      const ids = async () =>
        (await read()).body.payment_method_categories.map((c: { identifier: string }) => c.identifier);
      expect(await ids()).not.toContain('pay_over_time');
      const update = await emu.klarna(
        'payments.updateCreditSession',
        'POST',
        `/payments/v1/sessions/${sessionId}`,
        {
          order_amount: 10_000,
          order_lines: [plainLine(10_000)],
        },
      );
      expect(update.status).toBe(204);
      expect(await ids()).toContain('pay_over_time');
    });

    it('authorizes only a category the session offers', async () => {
      const tokenize = await emu.createSession(tokenizeSession());
      const refused = await emu.control('POST', `/sessions/${tokenize}/authorize`, {
        payment_method_category: 'pay_over_time',
      });
      expect(refused.body).toEqual({
        approved: false,
        show_form: true,
        error: { invalid_fields: ['payment_method_category'] },
      });
      const financed = await emu.createSession(sessionFor('buy', 'DE', 'EUR', 10_000));
      const approved = await emu.control('POST', `/sessions/${financed}/authorize`, {
        payment_method_category: 'pay_over_time',
      });
      expect(approved.body).toMatchObject({ approved: true, authorization_token: expect.any(String) });
    });
  });

  describe('authorize() merges the billing address field by field', () => {
    it('keeps the address the session holds when authorize() sends only an email', async () => {
      const session = buySession({
        billing_address: {
          email: 'customer@email.se',
          given_name: 'Test',
          family_name: 'Person-se',
          street_address: 'Sveavägen 46',
          postal_code: '11134',
          city: 'Stockholm',
          country: 'SE',
        },
      });
      const sessionId = await emu.createSession(session);
      const auth = await emu.authorize(sessionId, { billing_address: { email: 'other@email.se' } });
      const read = await emu.klarna(
        'payments.readCreditSession',
        'GET',
        `/payments/v1/sessions/${sessionId}`,
      );
      expect(read.body.billing_address).toEqual({ ...session.billing_address, email: 'other@email.se' });
      // The order with the session's address (and the new email) matches what was authorized.
      const order = await emu.createOrder(auth, {
        ...orderBodyFor(session),
        billing_address: { ...session.billing_address, email: 'other@email.se' },
      });
      expect(order.status).toBe(200);
    });

    it('still lets authorize() change a field of the address, which an order must then match', async () => {
      const session = buySession();
      const auth = await emu.authorize(await emu.createSession(session), {
        billing_address: { postal_code: '54321' },
      });
      const order = await emu.createOrder(auth, orderBodyFor(session));
      expect(order.status).toBe(409);
      expect(order.body.error_messages).toEqual(['Not matching fields: [billing_address.postal_code]']);
    });
  });
});
