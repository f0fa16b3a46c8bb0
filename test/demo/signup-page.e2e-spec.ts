import type { Browser, BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInChromium, launchChromium, openSignUpPage, screenshot, signUpAs } from './browser';

jest.setTimeout(60_000);

/**
 * The demo merchant's sign-up page in Chromium, against the service as `npm start` runs it (demo merchant
 * seeded, Klarna emulator, the emulator's JS SDK stand-in), on this suite's own database.
 */
describeInChromium('demo sign-up page (/demo) in Chromium', () => {
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

  it('shows the published terms from the API and the consent text built from them', async () => {
    const { page, session, errors } = await openSignUpPage(context, t.url);
    const published = await t.request('GET', '/v1/terms?status=published', { key: t.demo!.merchant_api_key });
    expect(published.body.data).toHaveLength(1);
    const terms = published.body.data[0];
    expect(session.terms.id).toBe(terms.id);

    await expect(page.locator('#terms-title').textContent()).resolves.toBe(terms.title);
    await expect(page.locator('#terms-body').textContent()).resolves.toBe(terms.body);
    await expect(page.locator('#terms-version').textContent()).resolves.toBe(String(terms.version));
    await expect(page.locator('#terms-hash').textContent()).resolves.toBe(terms.content_sha256);
    await expect(page.locator('#consent-label').textContent()).resolves.toBe(
      `I agree to “${terms.title}” (version ${terms.version}) and let Demo Merchant charge my Klarna account ` +
        'after each charging session, up to 100.00 SEK per charge.',
    );
    // Nothing can be submitted before the consumer ticks the box.
    await expect(page.getByRole('button', { name: 'Sign up with Klarna' }).isDisabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await screenshot(page, '01-signup-page');
  });

  it('signs an approving persona up: token shown, token active in the API, consent row with the exact text', async () => {
    const { page, session, errors } = await openSignUpPage(context, t.url);
    const acceptanceText = (await page.locator('#consent-label').textContent())!;
    const userAgent = await page.evaluate('navigator.userAgent');

    await expect(signUpAs(page, 'Approved')).resolves.toBe('approved');
    await page.locator('#result').waitFor();
    const tokenId = (await page.locator('#customer-token').textContent())!;
    expect(tokenId).toMatch(/^ctok_[0-9A-Z]{26}$/);
    await expect(page.locator('#token-status').textContent()).resolves.toBe('active');
    await expect(page.locator('#status').textContent()).resolves.toContain('customer@email.se');
    await expect(page.getByRole('button', { name: 'Sign up with Klarna' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /Charge 5\.00 SEK now/ }).isVisible()).resolves.toBe(true);
    await screenshot(page, '02-signup-approved');

    // The API, as the demo merchant sees it.
    const token = await t.request('GET', `/v1/customer-tokens/${tokenId}`, { key: t.demo!.merchant_api_key });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({
      id: tokenId,
      status: 'active',
      session_id: session.id,
      intended_use: 'ON_DEMAND',
      purchase_currency: 'SEK',
    });
    const consentId = (await page.locator('#consent-id').textContent())!;
    expect(token.body.consent_id).toBe(consentId);

    // The database: the token row and the consent evidence exactly as the browser showed and sent it.
    const tokenRow = await t.db.query('select status, merchant_id from customer_tokens where id = $1', [
      tokenId,
    ]);
    expect(tokenRow.rows).toEqual([{ status: 'active', merchant_id: t.demo!.merchant_id }]);
    const consentRow = await t.db.query(
      `select session_id, terms_id, terms_version, terms_content_sha256, accepted, acceptance_text,
              ip_address, user_agent, channel
         from consents where id = $1`,
      [consentId],
    );
    expect(consentRow.rows).toEqual([
      {
        session_id: session.id,
        terms_id: session.terms.id,
        terms_version: session.terms.version,
        terms_content_sha256: session.terms.content_sha256,
        accepted: true,
        acceptance_text: acceptanceText,
        ip_address: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/),
        user_agent: userAgent,
        channel: 'web',
      },
    ]);

    // Klarna (the emulator): one active token for this session, created from this session's authorization.
    const tokens = await t.emulator!.request(
      'GET',
      `/emulator/v1/tokens?session_id=${session.klarna_session_id}`,
    );
    expect(tokens.body.tokens).toEqual([
      expect.objectContaining({ status: 'ACTIVE', purchase_currency: 'SEK' }),
    ]);
    expect(errors).toEqual([]);
  });

  it('tells a declined persona clearly, and nothing is recorded or created', async () => {
    const { page, session, errors } = await openSignUpPage(context, t.url);

    await expect(signUpAs(page, 'Declined')).resolves.toBe('declined');
    const message = (await page.locator('#status').textContent())!;
    expect(message).toContain('Klarna declined this payment method');
    expect(message).toContain('no customer token was created');
    await expect(page.locator('#result').isHidden()).resolves.toBe(true);
    await screenshot(page, '03-signup-declined');

    const tokens = await t.db.query('select id from customer_tokens where session_id = $1', [session.id]);
    expect(tokens.rows).toEqual([]);
    const consents = await t.db.query('select id from consents where session_id = $1', [session.id]);
    expect(consents.rows).toEqual([]);
    const read = await t.request('GET', `/v1/sessions/${session.id}`, { key: t.demo!.merchant_api_key });
    expect(read.body).toMatchObject({ status: 'open', authorization: null });
    const klarnaTokens = await t.emulator!.request(
      'GET',
      `/emulator/v1/tokens?session_id=${session.klarna_session_id}`,
    );
    expect(klarnaTokens.body.tokens).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lets a declined consumer switch to an approving persona on the same page', async () => {
    const { page, session } = await openSignUpPage(context, t.url);
    await expect(signUpAs(page, 'Declined')).resolves.toBe('declined');
    await expect(signUpAs(page, 'Approved')).resolves.toBe('approved');
    const tokenId = (await page.locator('#customer-token').textContent())!;
    const row = await t.db.query('select session_id, status from customer_tokens where id = $1', [tokenId]);
    expect(row.rows).toEqual([{ session_id: session.id, status: 'active' }]);
  });
});

describe('demo pages outside demo mode', () => {
  it('are not served when DEMO_SEED is off (as in production)', async () => {
    const t = await startTestApp();
    try {
      for (const path of ['/demo', '/demo/admin', '/demo/assets/demo.js', '/demo/api/config']) {
        expect((await t.request('GET', path)).status).toBe(404);
      }
    } finally {
      await t.close();
    }
  });
});
