import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RECEIPT_TYP } from '../../src/evidence/receipts/receipt.service';
import { verifyReceipt } from '../../src/evidence/receipts/verify-receipt';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  describeInChromium,
  launchChromium,
  openSignUpPage,
  pageErrors,
  screenshot,
  signUpAs,
} from './browser';

jest.setTimeout(60_000);

/**
 * The auditors' consent viewer (/demo/admin) in Chromium, on a consent the demo sign-up page just recorded:
 * search, the record with its exact terms text and verification status, the signed receipt, the export, and
 * the audit log of the viewer's reads.
 */
describeInChromium('admin consent viewer (/demo/admin) in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let tokenId: string;
  let consentId: string;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ emulator: true, demo: true }), launchChromium()]);
    // A consent to audit: a whole approved sign-up on /demo.
    const signUp = await browser.newContext();
    const { page } = await openSignUpPage(signUp, t.url);
    expect(await signUpAs(page, 'Approved')).toBe('approved');
    tokenId = (await page.locator('#customer-token').textContent())!;
    consentId = (await page.locator('#consent-id').textContent())!;
    await signUp.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, acceptDownloads: true });
    context.setDefaultTimeout(15_000);
  });
  afterEach(async () => {
    await context.close();
  });

  /** Opens the viewer; in demo mode the page fills in the seeded auditor key itself. */
  async function openViewer(): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${t.url}/demo/admin`);
    await page.waitForFunction("document.getElementById('api-key').value !== ''");
    await expect(page.locator('#api-key').inputValue()).resolves.toBe(t.demo!.auditor_api_key);
    return { page, errors };
  }

  async function search(page: Page, filters: Record<string, string>): Promise<string[]> {
    for (const [label, value] of Object.entries(filters))
      await page.getByLabel(label, { exact: true }).fill(value);
    const answer = page.waitForResponse((r) => r.url().includes('/admin/v1/consents?'));
    await page.getByRole('button', { name: 'Search' }).click();
    expect((await answer).status()).toBe(200);
    return page
      .locator('#results tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-consent-id')!));
  }

  it('finds the consent, shows its exact terms text as verified, and downloads a receipt that verifies', async () => {
    const { page, errors } = await openViewer();

    expect(await search(page, { 'Customer token': tokenId })).toEqual([consentId]);
    const row = page.locator(`#results tr[data-consent-id="${consentId}"]`);
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe(t.demo!.merchant_id);
    await expect(row.locator('td').nth(5).textContent()).resolves.toBe(tokenId);

    await page.getByRole('button', { name: `Open consent ${consentId}` }).click();
    await page.locator('#detail-verification[data-verified]').waitFor();
    await expect(page.locator('#detail-id').textContent()).resolves.toBe(consentId);
    await expect(page.locator('#verification-status').textContent()).resolves.toBe('verified');
    await expect(page.locator('#detail-verification').getAttribute('data-verified')).resolves.toBe('true');

    // The exact text: the terms version the consent names, and the acceptance text it recorded, byte for byte.
    const consent = await t.db.query<{ terms_id: string; acceptance_text: string }>(
      'select terms_id, acceptance_text from consents where id = $1',
      [consentId],
    );
    const terms = await t.db.query<{ title: string; body: string }>(
      'select title, body from terms where id = $1',
      [consent.rows[0].terms_id],
    );
    await expect(page.locator('#detail-terms-title').textContent()).resolves.toBe(terms.rows[0].title);
    await expect(page.locator('#detail-terms-body').textContent()).resolves.toBe(terms.rows[0].body);
    await expect(page.locator('#detail-acceptance').textContent()).resolves.toBe(
      consent.rows[0].acceptance_text,
    );
    await screenshot(page, '06-admin-consent-verified');

    // The receipt, as the browser saves it, verifies offline against the published keys.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download signed receipt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`consent-receipt-${consentId}.jws`);
    const receipt = readFileSync(await download.path(), 'utf8');
    const jwks = (await t.request<JSONWebKeySet>('GET', '/.well-known/jwks.json', { key: null })).body;
    const { header, claims } = await verifyReceipt(receipt, jwks, RECEIPT_TYP);
    expect(header.kid).toBe(jwks.keys[0].kid);
    expect(claims).toMatchObject({
      sub: consentId,
      consent_id: consentId,
      merchant_id: t.demo!.merchant_id,
      customer_token_id: tokenId,
      acceptance_text: consent.rows[0].acceptance_text,
    });
    // One character changed and it no longer verifies.
    const tampered = receipt.slice(0, -2) + (receipt.at(-2) === 'A' ? 'B' : 'A') + receipt.at(-1);
    await expect(verifyReceipt(tampered, jwks)).rejects.toThrow();
    await expect(page.locator('#status').textContent()).resolves.toContain('Receipt downloaded');
    expect(errors).toEqual([]);

    // Every read the viewer made is in the audit log, as the auditor key that made it.
    const audit = await t.db.query<{
      action: string;
      actor_role: string;
      target_id: string | null;
      status: number;
    }>(
      `select action, actor_role, target_id, status, params from audit_log
        where action in ('consents.list', 'consents.read', 'receipt.issue') order by at, id`,
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({
        action: 'consents.list',
        actor_role: 'merchant_auditor',
        status: 200,
        params: expect.objectContaining({ query: expect.objectContaining({ customer_token_id: tokenId }) }),
      }),
      expect.objectContaining({
        action: 'consents.read',
        actor_role: 'merchant_auditor',
        target_id: consentId,
        status: 200,
      }),
      expect.objectContaining({
        action: 'receipt.issue',
        actor_role: 'merchant_auditor',
        target_id: consentId,
        status: 200,
      }),
    ]);
  });

  it('filters with the API query parameters, verifies the chain and exports what matches', async () => {
    const { page, errors } = await openViewer();

    await page.getByLabel('Event').selectOption('withdrawn');
    expect(await search(page, {})).toEqual([]);
    await expect(page.locator('#empty').isVisible()).resolves.toBe(true);

    await page.getByLabel('Event').selectOption('linked_to_token');
    expect(await search(page, { 'Merchant id': t.demo!.merchant_id, 'Terms version': '1' })).toEqual([
      consentId,
    ]);

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.locator('#chain-status[data-chain-ok]').waitFor();
    await expect(page.locator('#chain-status').textContent()).resolves.toMatch(
      /^Chains intact: \d+ records of 1 merchant re-hashed\.$/,
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(consentId);
    await screenshot(page, '07-admin-search-export');
    expect(errors).toEqual([]);

    const exported = await t.db.query<{ params: { query: Record<string, string> } }>(
      `select params from audit_log where action = 'consents.export'`,
    );
    expect(exported.rows).toEqual([
      {
        params: expect.objectContaining({
          query: expect.objectContaining({
            format: 'csv',
            merchant_id: t.demo!.merchant_id,
            event_type: 'linked_to_token',
          }),
        }),
      },
    ]);
  });
});
