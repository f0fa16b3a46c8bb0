import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInChromium, launchChromium, openSignUpPage, screenshot, signUpAs } from './browser';

jest.setTimeout(60_000);

/** The "Charge 5.00 SEK now" button after a sign-up on /demo: an on-demand order from the new token. */
describeInChromium('demo page: charging the new customer token', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ emulator: true, demo: true }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    context.setDefaultTimeout(15_000);
  });
  afterEach(async () => {
    await context.close();
  });

  async function signedUp(): Promise<{
    page: Page;
    tokenId: string;
    klarnaSessionId: string;
    errors: string[];
  }> {
    const { page, session, errors } = await openSignUpPage(context, t.url);
    expect(await signUpAs(page, 'Approved')).toBe('approved');
    return {
      page,
      tokenId: (await page.locator('#customer-token').textContent())!,
      klarnaSessionId: session.klarna_session_id,
      errors,
    };
  }

  async function charge(page: Page): Promise<string> {
    await page.getByRole('button', { name: 'Charge 5.00 SEK now' }).click();
    // The click handler marks the charge pending at once; the page marks it done when the answer is shown.
    await page.locator('#charge-result[data-charge-state="done"]').waitFor();
    return (await page.locator('#charge-result').textContent())!;
  }

  async function ledger(klarnaSessionId: string) {
    const tokens = await t.emulator!.request('GET', `/emulator/v1/tokens?session_id=${klarnaSessionId}`);
    const klarnaTokenId = tokens.body.tokens[0].token_id as string;
    const orders = (await t.emulator!.request('GET', '/emulator/v1/orders')).body.orders as {
      token_id: string;
      order_amount: number;
      purchase_currency: string;
      idempotency_key: string;
      order_id: string;
    }[];
    return { klarnaTokenId, orders: orders.filter((o) => o.token_id === klarnaTokenId) };
  }

  it('charges 5.00 SEK once per click: order accepted in the API, one Klarna order per charge', async () => {
    const { page, tokenId, klarnaSessionId, errors } = await signedUp();

    const shown = await charge(page);
    expect(shown).toMatch(/^Charged 5\.00 SEK: order ord_[0-9A-Z]{26} is accepted \(Klarna order .+\)\.$/);
    const orderId = (await page.locator('#charge-result').getAttribute('data-order-id'))!;
    await screenshot(page, '04-charge-accepted');

    const order = await t.request('GET', `/v1/orders/${orderId}`, { key: t.demo!.merchant_api_key });
    expect(order.body).toMatchObject({
      id: orderId,
      customer_token_id: tokenId,
      status: 'accepted',
      order_amount: 500,
      purchase_currency: 'SEK',
    });
    let klarna = await ledger(klarnaSessionId);
    expect(klarna.orders).toEqual([expect.objectContaining({ order_amount: 500, purchase_currency: 'SEK' })]);

    // A second click is a second charge (a new Idempotency-Key), not a replay of the first.
    expect(await charge(page)).toMatch(/^Charged 5\.00 SEK: order ord_/);
    klarna = await ledger(klarnaSessionId);
    expect(klarna.orders).toHaveLength(2);
    expect(new Set(klarna.orders.map((o) => o.idempotency_key)).size).toBe(2);
    const listed = await t.request('GET', `/v1/customer-tokens/${tokenId}/orders`, {
      key: t.demo!.merchant_api_key,
    });
    expect(listed.body.data).toHaveLength(2);

    // The rows: two accepted orders of 5.00 SEK, each under its own key, each tied to the Klarna order it placed.
    const rows = await t.db.query<{
      status: string;
      order_amount: string;
      idempotency_key: string;
      klarna_idempotency_key: string;
      klarna_order_id: string;
    }>(
      `select status, order_amount, idempotency_key, klarna_idempotency_key, klarna_order_id
         from orders where customer_token_id = $1 order by id`,
      [tokenId],
    );
    expect(rows.rows.map((r) => [r.status, Number(r.order_amount)])).toEqual([
      ['accepted', 500],
      ['accepted', 500],
    ]);
    expect(new Set(rows.rows.map((r) => r.idempotency_key)).size).toBe(2);
    expect(rows.rows.map((r) => r.klarna_order_id).sort()).toEqual(
      klarna.orders.map((o) => o.order_id).sort(),
    );
    expect(rows.rows.map((r) => r.klarna_idempotency_key).sort()).toEqual(
      klarna.orders.map((o) => o.idempotency_key).sort(),
    );
    expect(errors).toEqual([]);
  });

  it('shows a declined charge clearly and places no Klarna order', async () => {
    const { page, tokenId, klarnaSessionId } = await signedUp();
    const { klarnaTokenId } = await ledger(klarnaSessionId);
    const forced = await t.emulator!.request('POST', `/emulator/v1/tokens/${klarnaTokenId}/next-order`, {
      error_code: 'PAYMENT_METHOD_FAILED',
    });
    expect(forced.status).toBe(200);

    const shown = await charge(page);
    expect(shown).toContain('The charge failed:');
    expect(shown).toContain('(PAYMENT_DECLINED)');
    await expect(page.locator('#charge-result').getAttribute('class')).resolves.toContain('error');
    await screenshot(page, '05-charge-declined');
    expect((await ledger(klarnaSessionId)).orders).toEqual([]);

    // The declined order is kept, with Klarna's reason, in the API and in its row.
    const listed = await t.request('GET', `/v1/customer-tokens/${tokenId}/orders`, {
      key: t.demo!.merchant_api_key,
    });
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        status: 'declined',
        error_code: 'PAYMENT_METHOD_FAILED',
        klarna_order_id: null,
      }),
    ]);
    const rows = await t.db.query('select status, error_code from orders where customer_token_id = $1', [
      tokenId,
    ]);
    expect(rows.rows).toEqual([{ status: 'declined', error_code: 'PAYMENT_METHOD_FAILED' }]);
  });
});
