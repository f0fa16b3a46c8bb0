import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import {
  autopayClient,
  type AutopayClient,
  chargeToken,
  expectData,
  sessionBody,
  signUp,
} from './signup-client';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

jest.setTimeout(60_000);

/**
 * Partners integrate from openapi/openapi.json by generating a client. This suite generates the types afresh
 * from the committed spec, type-checks the typed sign-up against them, and then runs that sign-up against the
 * service with nothing but openapi-fetch.
 */
describe('a client generated from openapi/openapi.json', () => {
  let t: TestApp;
  let client: AutopayClient;

  beforeAll(async () => {
    // Regenerate first, so that neither the type check nor this run can use types of an older spec.
    await run(process.execPath, [join(__dirname, 'generate-types.mjs'), '--silent'], { cwd: ROOT });
    t = await startTestApp({ emulator: true });
    const merchant = await createMerchant(t, 'Generated client');
    client = autopayClient(t.url, merchant.key);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('type-checks the typed sign-up against the freshly generated types', async () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', join(__dirname, 'tsconfig.client.json')], {
      cwd: ROOT,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    expect(result.stdout).toBe('');
  });

  it('performs the whole sign-up with only openapi-fetch', async () => {
    const authorizeInBrowser = async (klarnaSessionId: string): Promise<string> => {
      // The browser's part (Klarna.Payments.authorize) is not the service's API: plain fetch to the emulator.
      const res = await fetch(`${t.emulator!.url}/emulator/v1/sessions/${klarnaSessionId}/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ billing_address: { email: 'customer@email.se' } }),
      });
      const answer = (await res.json()) as { approved: boolean; authorization_token?: string };
      if (!answer.approved || !answer.authorization_token) throw new Error('not approved');
      return answer.authorization_token;
    };

    const result = await signUp(client, 'client-cust-1', authorizeInBrowser);

    expect(result.terms).toMatchObject({ status: 'published', version: 1 });
    expect(result.session).toMatchObject({ status: 'open', intent: 'tokenize', terms_id: result.terms.id });
    expect(result.consent).toMatchObject({
      session_id: result.session.id,
      terms_content_sha256: result.terms.content_sha256,
    });
    expect(result.authorization).toMatchObject({ session_id: result.session.id, status: 'unverified' });
    expect(result.token).toMatchObject({
      status: 'active',
      session_id: result.session.id,
      consent_id: result.consent.id,
      merchant_customer_id: 'client-cust-1',
    });
    expect(result.read.id).toBe(result.token.id);
    expect(result.listed.data.map((token) => token.id)).toEqual([result.token.id]);
    expect(result.listed.next_cursor).toBeNull();

    const row = await t.db.query('select status, consent_id from customer_tokens where id = $1', [
      result.token.id,
    ]);
    expect(row.rows).toEqual([{ status: 'active', consent_id: result.consent.id }]);
    const klarnaTokens = await t.emulator!.request(
      'GET',
      `/emulator/v1/tokens?session_id=${result.session.klarna_session_id}`,
    );
    expect(klarnaTokens.body.tokens).toEqual([expect.objectContaining({ status: 'ACTIVE' })]);
  });

  it('charges the new token exactly once per Idempotency-Key, and reads the order back', async () => {
    const tokens = expectData(
      'tokens',
      await client.GET('/v1/customer-tokens', {
        params: { query: { merchant_customer_id: 'client-cust-1' } },
      }),
    );
    const tokenId = tokens.data[0].id;

    const first = await chargeToken(client, tokenId, 'client-order-1');
    const order = expectData('charge', first);
    expect(first.response.status).toBe(201);
    expect(order).toMatchObject({
      customer_token_id: tokenId,
      status: 'accepted',
      order_amount: 1000,
      purchase_currency: 'SEK',
    });
    // The spec's order status enum reaches the caller as a literal union.
    const status: 'accepted' | 'pending' | 'declined' | 'failed' | 'unknown' = order.status;
    expect(status).toBe('accepted');

    const replay = await chargeToken(client, tokenId, 'client-order-1');
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(expectData('replay', replay).id).toBe(order.id);

    const read = expectData(
      'read order',
      await client.GET('/v1/orders/{order_id}', { params: { path: { order_id: order.id } } }),
    );
    expect(read).toMatchObject({ id: order.id, status: 'accepted' });
    const listed = expectData(
      'list orders',
      await client.GET('/v1/customer-tokens/{customer_token_id}/orders', {
        params: { path: { customer_token_id: tokenId } },
      }),
    );
    expect(listed.data.map((o) => o.id)).toEqual([order.id]);
    const ledger = (await t.emulator!.request('GET', '/emulator/v1/orders')).body.orders;
    expect(ledger).toEqual([
      expect.objectContaining({ order_id: order.klarna_order_id, order_amount: 1000 }),
    ]);
    const rows = await t.db.query(
      'select id, status, idempotency_key from orders where customer_token_id = $1',
      [tokenId],
    );
    expect(rows.rows).toEqual([{ id: order.id, status: 'accepted', idempotency_key: 'client-order-1' }]);
  });

  it('receives errors as the documented problem details, typed by the spec', async () => {
    const terms = expectData(
      'terms',
      await client.GET('/v1/terms', { params: { query: { status: 'published', limit: 1 } } }),
    ).data[0];
    const body = sessionBody(terms.id, 'client-cust-2');
    body.order_lines[0].total_tax_amount = 1.5;

    const { data, error, response } = await client.POST('/v1/sessions', { body });

    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'order_lines[0].total_tax_amount', message: expect.any(String) }],
    });
    // `error` is ProblemDto by type: these compile only because the spec documents the error schema.
    expect(error?.request_id).toMatch(/^req_/);

    const missing = await client.GET('/v1/customer-tokens/{customer_token_id}', {
      params: { path: { customer_token_id: 'ctok_00000000000000000000000000' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('NOT_FOUND');
  });

  it('documents every response the client can get: a schema for each body, problem details with examples', () => {
    const spec = JSON.parse(readFileSync(join(ROOT, 'openapi', 'openapi.json'), 'utf8'));
    const gaps: string[] = [];
    for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const statuses = Object.keys(op.responses);
        if (!statuses.some((s) => s.startsWith('2'))) gaps.push(`${where}: no success response`);
        if (!statuses.some((s) => s.startsWith('4'))) gaps.push(`${where}: no 4xx response`);
        if (op.requestBody && !statuses.includes('400')) gaps.push(`${where}: body but no 400`);
        for (const [status, response] of Object.entries<any>(op.responses)) {
          if (status === '204' || status === '202' ? false : !response.content) {
            gaps.push(`${where} ${status}: no content`);
          }
          if (Number(status) >= 400) {
            const problem = response.content?.['application/problem+json'];
            if (problem?.schema?.$ref !== '#/components/schemas/ProblemDto') {
              gaps.push(`${where} ${status}: not problem details`);
            } else if (problem.example?.status !== Number(status)) {
              gaps.push(`${where} ${status}: no example`);
            }
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});
