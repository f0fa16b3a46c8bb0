import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInChromium, launchChromium, pageErrors } from '../demo/browser';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { portalLink, signUp, subscribe } from './support';

jest.setTimeout(120_000);

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A/AA and best practices). */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no script at all) does not apply to it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, matches: (tag: string, text: string) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const [tag, text] = await page.evaluate<[string, string]>(
      '[document.activeElement.tagName, document.activeElement.textContent.trim()]',
    );
    if (matches(tag, text)) return;
  }
  throw new Error('never reached by Tab');
}

/**
 * The consumer portal in Chromium (Debian's /usr/bin/chromium through playwright-core): a consumer opens the
 * merchant's link, reads the terms, stops one of two agreements with the keyboard alone, and the pages pass
 * axe-core; the essential actions work with JavaScript turned off.
 */
describeInChromium('consumer portal in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let merchant: { id: string; key: string };

  const agreement = async (customerId: string, title: string, body: string) => {
    const signed = await signUp(t, merchant.key, customerId, { title, body });
    await subscribe(t, merchant.key, signed.tokenId, '2026-03-15');
    return signed;
  };
  const tokenStatus = async (tokenId: string) =>
    (await t.request('GET', `/v1/customer-tokens/${tokenId}`, { key: merchant.key })).body.status;

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } }),
      launchChromium(),
    ]);
    merchant = await createMerchant(t, 'Citybikes');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('opens a link, shows the exact terms, and stops one of two agreements with the keyboard only', async () => {
    const bikes = await agreement(
      'cust-keys',
      'City bike plan',
      'We charge 10 kr every month for unlimited rides.',
    );
    const helmets = await agreement(
      'cust-keys',
      'Helmet rental',
      'We charge 10 kr every month for a helmet.',
    );
    context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = pageErrors(page);
    const violations: Record<string, string[]> = {};

    const link = await portalLink(t, merchant.key, 'cust-keys');
    await page.goto(link.url);
    await page.waitForURL((url) => url.pathname === `/portal`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Your automatic payments');
    const terms = await page.locator('.terms-body').allTextContents();
    expect(terms.sort()).toEqual([
      'We charge 10 kr every month for a helmet.',
      'We charge 10 kr every month for unlimited rides.',
    ]);
    violations.overview = await seriousViolations(page);

    // The first Tab reaches the skip link; then on to the helmet agreement's stop button.
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Skip to content');
    await tabTo(page, (tag, text) => tag === 'BUTTON' && text.includes(helmets.consentId));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/portal/agreements/${helmets.consentId}/withdraw`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Stop automatic payments?');
    await expect(page.locator('.terms-body').textContent()).resolves.toBe(
      'We charge 10 kr every month for a helmet.',
    );
    violations.confirm = await seriousViolations(page);

    await tabTo(page, (tag, text) => tag === 'BUTTON' && text === 'Yes, stop automatic payments');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/portal/agreements/${helmets.consentId}/withdrawn`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Automatic payments stopped');
    violations.withdrawn = await seriousViolations(page);
    expect(await tokenStatus(helmets.tokenId)).toBe('canceled');
    expect(await tokenStatus(bikes.tokenId)).toBe('active');

    // The receipt copy, reached by keyboard too.
    await tabTo(page, (tag, text) => tag === 'A' && text === 'View the receipt');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/portal/agreements/${helmets.consentId}/receipt`);
    await expect(page.locator('.terms-body').textContent()).resolves.toBe(
      'We charge 10 kr every month for a helmet.',
    );
    violations.receipt = await seriousViolations(page);

    // The overview with one stopped agreement, and the stop-all confirmation.
    await page.goto(`${t.url}/portal`);
    await expect(page.locator('h2.group').allTextContents()).resolves.toEqual([
      'Agreements in force',
      'Stopped agreements',
    ]);
    violations.overviewAfter = await seriousViolations(page);
    await page.goto(`${t.url}/portal/withdraw-all`);
    violations.confirmAll = await seriousViolations(page);

    // No script errors and no CSP violations on the way (the error pages below log their status codes).
    expect(errors).toEqual([]);

    // Error pages: an unknown agreement, a used link, no session.
    await page.goto(`${t.url}/portal/agreements/con_00000000000000000000000000/receipt`);
    violations.notFound = await seriousViolations(page);
    const used = await page.goto(link.url);
    expect(used?.status()).toBe(410);
    await expect(page.locator('main p').textContent()).resolves.toContain('already been used');
    violations.usedLink = await seriousViolations(page);
    await context.clearCookies();
    const none = await page.goto(`${t.url}/portal`);
    expect(none?.status()).toBe(401);
    violations.noSession = await seriousViolations(page);

    expect(violations).toEqual({
      overview: [],
      confirm: [],
      withdrawn: [],
      receipt: [],
      overviewAfter: [],
      confirmAll: [],
      notFound: [],
      usedLink: [],
      noSession: [],
    });
  });

  it('passes axe-core in Swedish and German, with a merchant accent colour and logo', async () => {
    const other = await createMerchant(t, 'Parkly');
    const put = await t.request('PUT', '/v1/merchant/portal-settings', {
      key: other.key,
      body: {
        enabled: true,
        display_name: 'Parkly Parking',
        logo_url: 'https://parkly.example/logo.png',
        accent_color: '#f5c400',
      },
    });
    expect(put.status).toBe(200);
    context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    // The logo, served here rather than from the network (a 1x1 PNG).
    await context.route('https://parkly.example/logo.png', (route) =>
      route.fulfill({
        contentType: 'image/png',
        body: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
          'base64',
        ),
      }),
    );
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const locale of ['sv-SE', 'de-DE']) {
      const link = await portalLink(t, other.key, `cust-${locale}`, { locale });
      await page.goto(link.url);
      await page.waitForURL((url) => url.pathname === `/portal`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale.slice(0, 2));
      await expect(page.evaluate(`document.querySelector('header img.logo').naturalWidth`)).resolves.toBe(1);
      // The accent colour is the merchant's; buttons on it get black text (contrast checked by axe below).
      await expect(
        page.evaluate(`getComputedStyle(document.querySelector('header')).borderBottomColor`),
      ).resolves.toBe('rgb(245, 196, 0)');
      found[locale] = await seriousViolations(page);
    }
    expect(found).toEqual({ 'sv-SE': [], 'de-DE': [] });
  });

  it('works with JavaScript turned off: open, stop, confirmation, receipt', async () => {
    const { tokenId, consentId } = await agreement('cust-nojs', 'City bike plan', 'No script needed.');
    context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const link = await portalLink(t, merchant.key, 'cust-nojs');
    await page.goto(link.url);
    // The opening page moves on by itself (meta refresh, no script).
    await page.waitForURL((url) => url.pathname === `/portal`);
    await expect(page.locator('.terms-body').textContent()).resolves.toBe('No script needed.');
    await page.getByRole('button', { name: /^Stop automatic payments/ }).click();
    await page.waitForURL((url) => url.pathname === `/portal/agreements/${consentId}/withdraw`);
    await page.getByRole('button', { name: 'Yes, stop automatic payments' }).click();
    await page.waitForURL((url) => url.pathname === `/portal/agreements/${consentId}/withdrawn`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Automatic payments stopped');
    expect(await tokenStatus(tokenId)).toBe('canceled');
    await page.getByRole('link', { name: 'View the receipt' }).click();
    await page.waitForURL((url) => url.pathname === `/portal/agreements/${consentId}/receipt`);
    await expect(page.locator('.terms-body').textContent()).resolves.toBe('No script needed.');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the signed receipt (JWS)' }).click();
    const receipt = readFileSync(await (await download).path(), 'utf8');
    expect(receipt).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });
});
