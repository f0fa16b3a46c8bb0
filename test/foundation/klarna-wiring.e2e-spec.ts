import { EntityManager } from '@mikro-orm/postgresql';
import { KlarnaClient } from '../../src/klarna/klarna.client';
import { MerchantsService } from '../../src/merchants/merchants.service';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

describe('Klarna wiring', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ emulator: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it("calls the emulator with a merchant's decrypted credentials", async () => {
    const m = await createMerchant(t, 'Wired');
    const em = t.app.get(EntityManager).fork();
    const creds = await t.app.get(MerchantsService).klarnaCredentials(m.id, em);
    expect(creds).toMatchObject({
      username: t.emulator!.username,
      password: t.emulator!.password,
      baseUrl: t.emulator!.url,
    });
    const session = await t.app.get(KlarnaClient).createSession(creds, {
      intent: 'tokenize',
      purchase_country: 'SE',
      purchase_currency: 'SEK',
      locale: 'sv-SE',
      order_amount: 0,
      order_tax_amount: 0,
      order_lines: [
        { name: 'Sign-up', quantity: 1, unit_price: 0, total_amount: 0, tax_rate: 0, total_tax_amount: 0 },
      ],
    });
    expect(session.data.session_id).toBeTruthy();
    const log = await t.emulator!.request('GET', '/emulator/v1/requests');
    expect(log.body.requests.map((r: { path: string; status: number }) => [r.path, r.status])).toEqual([
      ['/payments/v1/sessions', 200],
    ]);
  });

  it('says 409 KLARNA_NOT_CONFIGURED for a merchant without credentials', async () => {
    const res = await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name: 'Bare' } });
    const em = t.app.get(EntityManager).fork();
    await expect(t.app.get(MerchantsService).klarnaCredentials(res.body.id, em)).rejects.toMatchObject({
      code: 'KLARNA_NOT_CONFIGURED',
    });
  });
});
