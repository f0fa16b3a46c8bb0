import { consent, openSession, publishedTerms, sessionBody } from '../support/signup';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

/**
 * A `merchant_auditor` key: read-only, bound to one merchant, for the merchant's compliance staff. It reads
 * that merchant's consents, exports, verification, receipts, chain head and audit records; another merchant's
 * records answer 404; every other route 403.
 */
describe('merchant-scoped auditor keys', () => {
  let t: TestApp;
  let own: { id: string; key: string; consentId: string };
  let other: { id: string; key: string; consentId: string };
  let auditorKey: string;
  let auditorKeyId: string;

  async function merchantWithConsent(name: string) {
    const m = await createMerchant(t, name);
    const terms = await publishedTerms(t, m.key);
    const session = await openSession(t, m.key, sessionBody(terms.id));
    const granted = await consent(t, m.key, session);
    return { ...m, consentId: granted.id as string };
  }

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    own = await merchantWithConsent('Own Shop');
    other = await merchantWithConsent('Other Shop');
    const created = await t.request('POST', `/admin/v1/merchants/${own.id}/api-keys`, {
      key: t.adminKey,
      body: { role: 'merchant_auditor', name: 'compliance team' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      role: 'merchant_auditor',
      merchant_id: own.id,
      name: 'compliance team',
    });
    auditorKey = created.body.key;
    auditorKeyId = created.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string) => t.request('GET', path, { key: auditorKey });

  it("reads its merchant's consents, receipt, export, verification and chain head", async () => {
    const list = await get('/admin/v1/consents');
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([own.consentId]);
    expect((await get(`/admin/v1/consents?merchant_id=${own.id}`)).body.data).toHaveLength(1);
    expect((await get(`/admin/v1/consents/${own.consentId}`)).status).toBe(200);
    const receipt = await get(`/admin/v1/consents/${own.consentId}/receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.body.receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const exported = await get('/admin/v1/consents/export?format=ndjson');
    expect(
      exported.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([own.consentId]);
    const verify = await get('/admin/v1/consents/verify');
    expect(verify.body).toMatchObject({ ok: true, merchants_checked: 1 });
    const heads = await get('/admin/v1/consents/chain-heads');
    expect(heads.body.data.map((h: { merchant_id: string }) => h.merchant_id)).toEqual([own.id]);
  });

  it("answers 404 for another merchant's records, and 403 on every platform route", async () => {
    expect((await get(`/admin/v1/consents/${other.consentId}`)).status).toBe(404);
    expect((await get(`/admin/v1/consents/${other.consentId}/receipt`)).status).toBe(404);
    for (const path of [
      `/admin/v1/consents?merchant_id=${other.id}`,
      `/admin/v1/consents/export?format=csv&merchant_id=${other.id}`,
      `/admin/v1/consents/verify?merchant_id=${other.id}`,
      `/admin/v1/consents/chain-heads?merchant_id=${other.id}`,
    ]) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).not.toContain(other.consentId);
    }
    for (const path of ['/admin/v1/merchants', `/admin/v1/merchants/${own.id}`, '/admin/v1/api-keys']) {
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 403 });
    }
    // Not a merchant key either: the merchant API refuses it.
    expect((await get('/v1/terms')).status).toBe(403);
    const write = await t.request('POST', '/admin/v1/merchants', { key: auditorKey, body: { name: 'x' } });
    expect(write.status).toBe(403);
  });

  it("sees the audit records of its merchant's keys only", async () => {
    // The platform auditor reads the other merchant's consent: that entry is not the merchant auditor's business.
    expect(
      (await t.request('GET', `/admin/v1/consents/${other.consentId}`, { key: t.auditorKey })).status,
    ).toBe(200);
    const log = await get('/admin/v1/audit-log?limit=100');
    expect(log.status).toBe(200);
    const actors = new Set(log.body.data.map((e: { actor_key_id: string }) => e.actor_key_id));
    expect([...actors]).toEqual([auditorKeyId]);
    expect(log.body.data.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['consents.list', 'consents.read', 'receipt.issue']),
    );
    const all = await t.request('GET', '/admin/v1/audit-log?limit=100', { key: t.auditorKey });
    expect(all.body.data.length).toBeGreaterThan(log.body.data.length);
  });

  it('is listed with the merchant keys and can be revoked', async () => {
    const keys = await t.request('GET', `/admin/v1/merchants/${own.id}/api-keys`, { key: t.adminKey });
    expect(keys.body.data.map((k: { role: string }) => k.role).sort()).toEqual([
      'merchant',
      'merchant_auditor',
    ]);
    expect(
      (await t.request('DELETE', `/admin/v1/api-keys/${auditorKeyId}`, { key: t.adminKey })).status,
    ).toBe(204);
    expect((await get('/admin/v1/consents')).status).toBe(401);
  });

  it('is refused for platform keys (role must be merchant or merchant_auditor)', async () => {
    const res = await t.request('POST', `/admin/v1/merchants/${own.id}/api-keys`, {
      key: t.adminKey,
      body: { role: 'admin' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['role']);
  });
});
