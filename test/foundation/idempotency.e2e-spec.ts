import { randomUUID } from 'node:crypto';
import {
  activeToken,
  ledger,
  type Stack,
  startStack,
  subscriptionBody,
  type Token,
} from '../subscriptions/support';
import { klarnaRequests, publishedTerms, readyForToken, sessionBody, termsBody } from '../support/signup';
import type { ApiResponse } from '../support/test-app';

// Issue #13 item 2: every creating POST honours Idempotency-Key with the semantics of token orders; required
// where the request can charge (starting a subscription), accepted everywhere else.
describe('Idempotency-Key on every creating POST', () => {
  let s: Stack;
  let token: Token;
  beforeAll(async () => {
    s = await startStack();
    token = await activeToken(s);
  });
  afterAll(async () => {
    await s.t.close();
  });

  const send = (path: string, body: unknown, idempotencyKey?: string, key = s.merchant.key) =>
    s.t.request('POST', path, {
      key,
      body,
      headers: idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey },
    });
  const count = async (table: string, where = 'true', params: unknown[] = []): Promise<number> =>
    (await s.t.db.query(`select count(*)::int as n from ${table} where ${where}`, params)).rows[0].n;
  const subscriptionsOf = (tokenId: string) => count('subscriptions', 'customer_token_id = $1', [tokenId]);

  /** The same request twice with one key: the second is the first answer byte for byte, marked replayed. */
  async function expectReplay(path: string, body: unknown, key = s.merchant.key): Promise<ApiResponse> {
    const idem = randomUUID();
    const first = await send(path, body, idem, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await send(path, body, idem, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.text).toBe(first.text);
    return first;
  }

  describe('POST /v1/customer-tokens/{id}/subscriptions (required: it charges)', () => {
    const path = () => `/v1/customer-tokens/${token.id}/subscriptions`;

    it('answers 400 naming the header when the key is missing, and creates nothing', async () => {
      const before = await subscriptionsOf(token.id);
      const res = await send(path(), subscriptionBody());
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'Idempotency-Key', message: 'header is required (1 to 255 characters)' }],
      });
      expect(await subscriptionsOf(token.id)).toBe(before);
    });

    it('two requests with one key and start_date today make ONE subscription and ONE Klarna order', async () => {
      const subsBefore = await subscriptionsOf(token.id);
      const ordersBefore = (await ledger(s.t, token.klarnaTokenId)).length;
      const idem = randomUUID();
      // Klarna answers slowly, so the second request arrives while the first is still charging.
      await s.t.emulator!.request('PUT', '/emulator/v1/faults', { latency_ms: 300 });
      try {
        const first = send(path(), subscriptionBody(), idem);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const second = await send(path(), subscriptionBody(), idem);
        expect(second.status).toBe(409);
        expect(second.body).toMatchObject({ code: 'REQUEST_IN_PROGRESS' });
        expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        const done = await first;
        expect(done.status).toBe(201);
        expect(done.body.latest_cycle).toMatchObject({ cycle: 1, status: 'succeeded' });

        // The retry after the first finished: the same bytes, marked as a replay, nothing charged again.
        const replay = await send(path(), subscriptionBody(), idem);
        expect(replay.status).toBe(201);
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
        expect(replay.text).toBe(done.text);
      } finally {
        await s.t.emulator!.request('DELETE', '/emulator/v1/faults');
      }
      expect(await subscriptionsOf(token.id)).toBe(subsBefore + 1);
      expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(ordersBefore + 1);
    });

    it('the same key with a different body answers 422 IDEMPOTENCY_KEY_REUSED and creates nothing', async () => {
      const idem = randomUUID();
      const first = await send(path(), subscriptionBody({ start_date: '2026-03-20' }), idem);
      expect(first.status).toBe(201);
      const before = await subscriptionsOf(token.id);
      const other = await send(path(), subscriptionBody({ start_date: '2026-03-21' }), idem);
      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        errors: [{ field: 'Idempotency-Key', message: 'was already used with a different request' }],
      });
      expect(await subscriptionsOf(token.id)).toBe(before);
    });

    it('a refused request gives its key back: corrected, the same key then succeeds', async () => {
      const idem = randomUUID();
      const refused = await send(path(), subscriptionBody({ interval: 'YEAR' }), idem);
      expect(refused.status).toBe(422);
      const corrected = await send(path(), subscriptionBody({ start_date: '2026-03-22' }), idem);
      expect(corrected.status).toBe(201);
      expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    });
  });

  // A crash after the work and before its answer is recorded, made reproducible: a trigger refuses to record the
  // answer of the keys listed in failing_answers, as a kill -9 at that moment would leave it unrecorded.
  describe('when the answer cannot be recorded after the work (a crash in between)', () => {
    beforeAll(async () => {
      await s.t.db.query(`
        create table failing_answers (key text primary key);
        create function fail_answer() returns trigger language plpgsql as $$
        begin
          if new.response_status is not null and exists (select 1 from failing_answers f where f.key = new.key) then
            raise exception 'injected: the answer is not recorded';
          end if;
          return new;
        end $$;
        create trigger fail_answer before update on idempotency_keys for each row execute function fail_answer();`);
    });
    afterAll(async () => {
      await s.t.db.query(
        'drop trigger fail_answer on idempotency_keys; drop function fail_answer(); drop table failing_answers',
      );
    });
    const failingKey = async (): Promise<string> => {
      const idem = `fail-answer-${randomUUID()}`;
      await s.t.db.query('insert into failing_answers (key) values ($1)', [idem]);
      return idem;
    };
    const answerRecordedAgain = (idem: string) =>
      s.t.db.query('delete from failing_answers where key = $1', [idem]);
    const keyRow = async (idem: string) =>
      (
        await s.t.db.query(
          'select resource_id, response_status from idempotency_keys where merchant_id = $1 and key = $2',
          [s.merchant.id, idem],
        )
      ).rows[0] as { resource_id: string | null; response_status: number | null } | undefined;

    it('POST /v1/terms (our database only) creates nothing without its answer, and the retry creates it once', async () => {
      const idem = await failingKey();
      const termsKey = `idem-crash-${randomUUID()}`;
      const failed = await send('/v1/terms', termsBody({ key: termsKey }), idem);
      expect(failed.status).toBe(500);
      expect(failed.body).toMatchObject({ code: 'INTERNAL_ERROR' });
      expect(await count('terms', 'merchant_id = $1 and key = $2', [s.merchant.id, termsKey])).toBe(0);
      expect(await keyRow(idem)).toBeUndefined(); // given back: nothing was created
      await answerRecordedAgain(idem);
      const retry = await send('/v1/terms', termsBody({ key: termsKey }), idem);
      expect(retry.status).toBe(201);
      expect(retry.body.version).toBe(1);
      expect(await count('terms', 'merchant_id = $1 and key = $2', [s.merchant.id, termsKey])).toBe(1);
      const replay = await send('/v1/terms', termsBody({ key: termsKey }), idem);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.text).toBe(retry.text);
    });

    it('POST /admin/v1/merchants (inside the audit transaction) creates no merchant without its answer', async () => {
      const idem = await failingKey();
      const name = `Crash ${randomUUID()}`;
      const create = () => send('/admin/v1/merchants', { name }, idem, s.t.adminKey);
      expect((await create()).status).toBe(500);
      expect(await count('merchants', 'name = $1', [name])).toBe(0);
      await answerRecordedAgain(idem);
      expect((await create()).status).toBe(201);
      expect(await count('merchants', 'name = $1', [name])).toBe(1);
    });

    it('POST /v1/sessions (it calls Klarna) keeps its key held: the retry gets 409, not a second session', async () => {
      const terms = await publishedTerms(s.t, s.merchant.key, { key: `idem-crash-ses-${randomUUID()}` });
      const before = await count('sessions', 'merchant_id = $1', [s.merchant.id]);
      const idem = await failingKey();
      expect((await send('/v1/sessions', sessionBody(terms.id), idem)).status).toBe(500);
      await answerRecordedAgain(idem);
      const retry = await send('/v1/sessions', sessionBody(terms.id), idem);
      expect(retry.status).toBe(409);
      expect(retry.body).toMatchObject({ code: 'REQUEST_IN_PROGRESS' });
      expect(await count('sessions', 'merchant_id = $1', [s.merchant.id])).toBe(before + 1);
    });

    it('a subscription created and charged without its answer: after the lease, the retry answers with it, charged once', async () => {
      const subsBefore = await subscriptionsOf(token.id);
      const ordersBefore = (await ledger(s.t, token.klarnaTokenId)).length;
      const idem = await failingKey();
      const body = subscriptionBody({ description: `crash ${idem}` });
      const path = `/v1/customer-tokens/${token.id}/subscriptions`;
      expect((await send(path, body, idem)).status).toBe(500);
      expect(await subscriptionsOf(token.id)).toBe(subsBefore + 1);
      expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(ordersBefore + 1);
      const created = await s.t.db.query('select id from subscriptions where description = $1', [
        body.description,
      ]);
      expect(await keyRow(idem)).toMatchObject({ resource_id: created.rows[0].id, response_status: null });
      await answerRecordedAgain(idem);

      // While the crashed request's lease lasts, a retry waits.
      const early = await send(path, body, idem);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'REQUEST_IN_PROGRESS' });

      // The lease ends (5 minutes after the crash): the retry takes the key over and answers with what was made.
      await s.t.db.query(
        `update idempotency_keys set locked_until = '2000-01-01' where merchant_id = $1 and key = $2`,
        [s.merchant.id, idem],
      );
      const retry = await send(path, body, idem);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(retry.body).toMatchObject({
        id: created.rows[0].id,
        latest_cycle: { cycle: 1, status: 'succeeded' },
      });
      const replay = await send(path, body, idem);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.text).toBe(retry.text);
      expect(await subscriptionsOf(token.id)).toBe(subsBefore + 1);
      expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(ordersBefore + 1);
    });
  });

  describe('accepted (optional) on every other creating POST', () => {
    it('POST /v1/terms replays and creates one version', async () => {
      const key = `idem-terms-${randomUUID()}`;
      const first = await expectReplay('/v1/terms', termsBody({ key }));
      expect(await count('terms', 'merchant_id = $1 and key = $2', [s.merchant.id, key])).toBe(1);
      expect(first.body.version).toBe(1);
    });

    it('POST /v1/sessions replays and opens ONE Klarna session', async () => {
      const terms = await publishedTerms(s.t, s.merchant.key, { key: `idem-ses-${randomUUID()}` });
      const klarnaSessions = async (): Promise<number> =>
        (await klarnaRequests(s.t)).filter((r) => r.method === 'POST' && r.path === '/payments/v1/sessions')
          .length;
      const before = await count('sessions', 'merchant_id = $1', [s.merchant.id]);
      const klarnaBefore = await klarnaSessions();
      await expectReplay('/v1/sessions', sessionBody(terms.id));
      expect(await count('sessions', 'merchant_id = $1', [s.merchant.id])).toBe(before + 1);
      expect(await klarnaSessions()).toBe(klarnaBefore + 1);
    });

    it('POST /v1/customer-tokens replays', async () => {
      const terms = await publishedTerms(s.t, s.merchant.key, { key: `idem-tok-${randomUUID()}` });
      const { session } = await readyForToken(s.t, s.merchant.key, terms.id);
      await expectReplay('/v1/customer-tokens', { session_id: session.id });
      expect(await count('customer_tokens', 'session_id = $1', [session.id])).toBe(1);
    });

    it('POST /v1/webhook-endpoints replays (the secret shown once is the same) and registers one', async () => {
      const url = `http://127.0.0.1:9/${randomUUID()}`;
      const first = await expectReplay('/v1/webhook-endpoints', { url, events: ['order.succeeded'] });
      expect(first.body.secret).toBeTruthy();
      expect(await count('webhook_endpoints', 'url = $1', [url])).toBe(1);
      // The stored answer (kept for replays) never holds the secret in the clear.
      const stored = await s.t.db.query(
        `select coalesce(response_body, '') || coalesce(response_body_enc, '') as answer from idempotency_keys
          where merchant_id = $1`,
        [s.merchant.id],
      );
      expect(stored.rows.some((r: { answer: string }) => r.answer.includes(first.body.secret))).toBe(false);
      expect(stored.rows.some((r: { answer: string }) => r.answer.startsWith('ev1.'))).toBe(true);
    });

    it('POST /admin/v1/merchants replays and creates one merchant', async () => {
      const name = `Idem ${randomUUID()}`;
      await expectReplay('/admin/v1/merchants', { name }, s.t.adminKey);
      expect(await count('merchants', 'name = $1', [name])).toBe(1);
    });

    it('POST /admin/v1/merchants/{id}/api-keys and /admin/v1/api-keys replay and issue one key each', async () => {
      const name = `idem-${randomUUID()}`;
      await expectReplay(`/admin/v1/merchants/${s.merchant.id}/api-keys`, { name }, s.t.adminKey);
      await expectReplay('/admin/v1/api-keys', { role: 'auditor', name: `${name}-p` }, s.t.adminKey);
      expect(await count('api_keys', 'name = $1', [name])).toBe(1);
      expect(await count('api_keys', 'name = $1', [`${name}-p`])).toBe(1);
    });

    it('without a key these routes work as before (no replay)', async () => {
      const key = `idem-none-${randomUUID()}`;
      const a = await send('/v1/terms', termsBody({ key }));
      const b = await send('/v1/terms', termsBody({ key }));
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.headers.get('idempotent-replayed')).toBeNull();
      expect(await count('terms', 'merchant_id = $1 and key = $2', [s.merchant.id, key])).toBe(2);
    });

    it('one namespace per caller: a key used on one route answers 422 on another', async () => {
      const idem = randomUUID();
      expect((await send('/v1/terms', termsBody({ key: `idem-ns-${idem}` }), idem)).status).toBe(201);
      const other = await send(
        '/v1/webhook-endpoints',
        { url: 'http://127.0.0.1:9/ns', events: ['order.succeeded'] },
        idem,
      );
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });
});
