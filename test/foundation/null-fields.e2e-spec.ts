import { klarnaRequests, openSession, sessionBody, FREE_LINE } from '../support/signup';
import {
  bodyOperations,
  expectFieldsNamed as expectNamed,
  fieldsOf as fields,
  useInputStack,
  expectEveryFieldNamed,
} from '../support/openapi-bodies';

// Issue #13 item 9: `null` for any request field answers 400 naming it, unless the spec marks the field nullable
// (null then means "not set": only a terms version's auto_capture, listed below). class-validator's @IsOptional()
// let null through optional fields into services (500) and to Klarna.

describe('null in request fields', () => {
  const stack = useInputStack();

  it('every field of every request body, null, is named (read from the OpenAPI document at runtime)', async () => {
    expect(bodyOperations(stack.doc).length).toBeGreaterThanOrEqual(15);
    expect(await expectEveryFieldNamed(stack, null, false)).toBeGreaterThan(80);
  });

  it('only the fields where null means "not set" are nullable in requests', () => {
    const nullable = bodyOperations(stack.doc).flatMap((op) =>
      Object.entries(op.schema.properties ?? {})
        .filter(([, field]) => field.nullable)
        .map(([name]) => `${op.method} ${op.path} ${name}`),
    );
    expect(nullable.sort()).toEqual([
      'PATCH /v1/terms/{terms_id} auto_capture',
      'POST /v1/terms auto_capture',
    ]);
  });

  it('every nested field (objects, array items) null is named by its path', async () => {
    expect(await expectEveryFieldNamed(stack, null, true)).toBeGreaterThan(150);
  });

  it("the issue's cases: sessions' merchant_customer_id and an order line's type, PATCH locale; Klarna sees nothing", async () => {
    const before = (await klarnaRequests(stack.t)).length;
    expectNamed(
      await stack.t.request('POST', '/v1/sessions', {
        key: stack.merchant.key,
        body: sessionBody(stack.termsId, 'tokenize', { merchant_customer_id: null }),
      }),
      ['merchant_customer_id'],
    );
    const typeless = await stack.t.request('POST', '/v1/sessions', {
      key: stack.merchant.key,
      body: sessionBody(stack.termsId, 'tokenize', { order_lines: [{ ...FREE_LINE, type: null }] }),
    });
    expectNamed(typeless, ['order_lines[0].type']);
    expect(fields(typeless)).toEqual(['order_lines[0].type']);
    expect((await klarnaRequests(stack.t)).length).toBe(before);

    const session = await openSession(stack.t, stack.merchant.key, sessionBody(stack.termsId));
    const afterOpen = (await klarnaRequests(stack.t)).length;
    expectNamed(
      await stack.t.request('PATCH', `/v1/sessions/${session.id}`, {
        key: stack.merchant.key,
        body: { locale: null },
      }),
      ['locale'],
    );
    expect((await klarnaRequests(stack.t)).length).toBe(afterOpen);
    // Absent stays absent: the same PATCH without the field is fine.
    const ok = await stack.t.request('PATCH', `/v1/sessions/${session.id}`, {
      key: stack.merchant.key,
      body: { locale: 'sv-SE' },
    });
    expect(ok.status).toBe(200);
  });
});
