import { DemoContext, type DemoSetup } from '../../src/demo/demo-context';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The demo backend calls the merchant API through @autopay/client (clients/typescript), as a merchant's server
 * would. What the browser gets when that call fails: the API's problem details unchanged, or 502 when the API
 * cannot be reached.
 */
describe('demo backend: failures of the merchant API', () => {
  let t: TestApp;
  let setup: DemoSetup;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, demo: true });
    setup = t.app.get(DemoContext).get();
  });
  afterEach(() => {
    t.app.get(DemoContext).configure(setup);
  });
  afterAll(async () => {
    await t.close();
  });

  const openSession = () => t.request('POST', '/demo/api/sessions');

  it('opens a session with the demo merchant key', async () => {
    const res = await openSession();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', intent: 'tokenize' });
    const row = await t.db.query('select merchant_id from sessions where id = $1', [res.body.id]);
    expect(row.rows).toEqual([{ merchant_id: t.demo!.merchant_id }]);
  });

  it("passes the API's problem on to the browser as the same problem details", async () => {
    t.app.get(DemoContext).configure({ ...setup, merchantApiKey: 'ak_test_revoked' });
    const direct = await t.request('POST', '/v1/sessions', { key: 'ak_test_revoked', body: {} });

    const res = await openSession();

    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: direct.body.code, title: direct.body.title });
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers 502 MERCHANT_API_UNREACHABLE when the merchant API does not answer', async () => {
    t.app.get(DemoContext).configure({ ...setup, apiUrl: 'http://127.0.0.1:9' });

    const res = await openSession();

    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'MERCHANT_API_UNREACHABLE' });
    expect(res.body.detail).toMatch(/^The demo backend could not reach the merchant API: GET \/v1\/terms/);
  });
});
