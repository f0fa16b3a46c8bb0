import { dirname } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AppConfig } from '../../src/config/app-config';
import { seedDemo } from '../../src/demo/demo-seed';
import { consent, openSession, publishedTerms, sessionBody } from '../support/signup';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

/**
 * GET /demo/api/config hands the admin viewer an auditor key without any authentication. It must be a
 * `merchant_auditor` key of the demo merchant: the demo's own records, nothing of any other merchant.
 */
describe('demo auditor key', () => {
  let t: TestApp;
  let demoConsent: string;
  let otherConsent: string;
  let demoKey: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const merchantKey = t.demo!.merchant_api_key;
    const terms = await publishedTerms(t, merchantKey, { key: 'demo-test' });
    demoConsent = (await consent(t, merchantKey, await openSession(t, merchantKey, sessionBody(terms.id))))
      .id;
    const other = await createMerchant(t, 'Not the demo');
    const otherTerms = await publishedTerms(t, other.key);
    otherConsent = (await consent(t, other.key, await openSession(t, other.key, sessionBody(otherTerms.id))))
      .id;
    demoKey = (await t.request('GET', '/demo/api/config')).body.auditor_api_key;
  });
  afterAll(async () => {
    await t.close();
  });

  it("is a merchant_auditor key of the demo merchant: reads the demo's records, 404 for another merchant's", async () => {
    expect(demoKey).toBe(t.demo!.auditor_api_key);
    const keys = await t.request('GET', `/admin/v1/merchants/${t.demo!.merchant_id}/api-keys`, {
      key: t.adminKey,
    });
    expect(keys.body.data.map((k: { role: string }) => k.role)).toContain('merchant_auditor');

    const get = (path: string) => t.request('GET', path, { key: demoKey });
    expect((await get(`/admin/v1/consents/${demoConsent}`)).status).toBe(200);
    expect((await get(`/admin/v1/consents/${demoConsent}/receipt`)).status).toBe(200);
    const list = await get('/admin/v1/consents?limit=100');
    expect(list.body.data.map((c: { merchant_id: string }) => c.merchant_id)).toEqual(
      list.body.data.map(() => t.demo!.merchant_id),
    );
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(demoConsent);

    expect((await get(`/admin/v1/consents/${otherConsent}`)).status).toBe(404);
    expect((await get(`/admin/v1/consents/${otherConsent}/receipt`)).status).toBe(404);
    expect((await get('/admin/v1/merchants')).status).toBe(403);
    const all = await get('/admin/v1/consents/export?format=ndjson');
    expect(all.text).not.toContain(otherConsent);
  });

  it('revokes the platform auditor key an earlier version wrote to demo-credentials.json', async () => {
    const issued = await t.request('POST', '/admin/v1/api-keys', {
      key: t.adminKey,
      body: { role: 'auditor', name: 'old demo auditor' },
    });
    const file = (t.demo as unknown as { file: string }).file;
    const previous = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...previous, auditor_api_key: issued.body.key }));
    expect((await t.request('GET', '/admin/v1/merchants', { key: issued.body.key })).status).toBe(200);

    const again = await seedDemo(t.app, { dataDir: dirname(file) } as AppConfig, {
      apiUrl: t.url,
      emulator: t.emulator,
    });
    expect(again.auditor_api_key).not.toBe(issued.body.key);
    expect((await t.request('GET', '/admin/v1/merchants', { key: issued.body.key })).status).toBe(401);
    expect(
      (await t.request('GET', `/admin/v1/consents/${demoConsent}`, { key: again.auditor_api_key })).status,
    ).toBe(200);
  });
});
