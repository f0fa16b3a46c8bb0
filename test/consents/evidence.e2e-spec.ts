import { Client } from 'pg';
import type { FakeClock } from '../../src/common/clock/clock';
import { newId } from '../../src/common/ids';
import { chainFieldsOf } from '../../src/signup/consents/chain/consent-chain-fields';
import { chainHash, GENESIS_HASH } from '../../src/signup/consents/chain/hash-chain';
import { RECEIPT_TYP } from '../../src/evidence/receipts/receipt.service';
import { verifyReceipt } from '../../src/evidence/receipts/verify-receipt';
import { seedConsents } from '../bench/consent-seed';
import { openSession, publishedTerms, readyForToken, sessionBody, termsBody } from '../support/signup';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { parseCsv } from './csv';

const SEED_LIB = { chainFieldsOf, chainHash, GENESIS_HASH, newId };

describe('consent evidence: chain, admin API, export, verify, receipts', () => {
  let t: TestApp;
  let clock: FakeClock;
  /** A merchant that went through a real sign-up: consent, token (linked), cancel (withdrawn). */
  let signup: {
    merchant: { id: string; key: string };
    termsId: string;
    consentId: string;
    tokenId: string;
    authorizationId: string;
  };
  /** A merchant with 25 consents seeded by SQL (customers cust-0..cust-4, one per minute). */
  let seeded: { id: string; key: string; termsId: string; start: number };

  const admin = (path: string) => t.request('GET', path, { key: t.adminKey });
  const auditor = (path: string) => t.request('GET', path, { key: t.auditorKey });

  const tamper = async (...statements: Array<[string, unknown[]]>) => {
    const superuser = new Client({ connectionString: t.dbUrl });
    await superuser.connect();
    try {
      await superuser.query('SET session_replication_role = replica');
      for (const [sql, params] of statements) await superuser.query(sql, params);
    } finally {
      await superuser.end();
    }
  };

  /** A merchant with `count` seeded consents; returns it and the consent ids by seq. */
  const seedMerchant = async (name: string, count: number, start: number) => {
    const m = await createMerchant(t, name);
    const terms = await publishedTerms(t, m.key);
    const session = await openSession(t, m.key, sessionBody(terms.id));
    await seedConsents(t.db, SEED_LIB, {
      merchantId: m.id,
      session,
      terms,
      count,
      startMs: start,
      stepMs: 60_000,
      customers: 5,
    });
    const ids = (
      await t.db.query<{ id: string }>('SELECT id FROM consents WHERE merchant_id = $1 ORDER BY seq', [m.id])
    ).rows.map((r) => r.id);
    return { ...m, termsId: terms.id as string, ids };
  };

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    clock = t.clock as FakeClock;
    const merchant = await createMerchant(t, 'Evidence Signup');
    const terms = await publishedTerms(t, merchant.key);
    const ready = await readyForToken(t, merchant.key, terms.id);
    clock.advance(1000);
    const token = await t.request('POST', '/v1/customer-tokens', {
      key: merchant.key,
      body: { session_id: ready.session.id },
    });
    expect(token.status).toBe(201);
    clock.advance(1000);
    const canceled = await t.request('POST', `/v1/customer-tokens/${token.body.id}/cancel`, {
      key: merchant.key,
    });
    expect(canceled.status).toBe(202);
    signup = {
      merchant,
      termsId: terms.id,
      consentId: ready.consent.id,
      tokenId: token.body.id,
      authorizationId: ready.authorization.id,
    };
    const start = Date.parse('2026-01-01T00:00:00Z');
    const s = await seedMerchant('Evidence Seeded', 25, start);
    seeded = { id: s.id, key: s.key, termsId: s.termsId, start };
  });
  afterAll(async () => {
    await t.close();
  });

  it('chains the consent and its events (granted, linked_to_token with the authorization, withdrawn)', async () => {
    const chain = (
      await t.db.query(
        `SELECT 'consent' AS kind, id, NULL AS type, NULL AS customer_token_id, NULL AS authorization_id, seq, prev_hash, hash
           FROM consents WHERE merchant_id = $1
         UNION ALL
         SELECT 'event', id, type, customer_token_id, authorization_id, seq, prev_hash, hash
           FROM consent_events WHERE merchant_id = $1
         ORDER BY seq`,
        [signup.merchant.id],
      )
    ).rows;
    expect(chain.map((r) => [r.kind, r.type, r.seq])).toEqual([
      ['consent', null, 1],
      ['event', 'granted', 2],
      ['event', 'linked_to_token', 3],
      ['event', 'withdrawn', 4],
    ]);
    expect(chain[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < chain.length; i++) expect(chain[i].prev_hash).toBe(chain[i - 1].hash);
    expect(chain[2]).toMatchObject({
      customer_token_id: signup.tokenId,
      authorization_id: signup.authorizationId,
    });
    expect(chain[3]).toMatchObject({ customer_token_id: signup.tokenId, authorization_id: null });
    const head = (
      await t.db.query('SELECT seq, head_hash FROM chain_heads WHERE merchant_id = $1', [signup.merchant.id])
    ).rows[0];
    expect(head).toEqual({ seq: 4, head_hash: chain[3].hash });

    // The stored hash covers the evidence: recomputed from the row with the one mapping.
    const row = (await t.db.query('SELECT * FROM consents WHERE id = $1', [signup.consentId])).rows[0];
    const fields = chainFieldsOf({ record_type: 'consent', ...row });
    expect(Object.keys(fields).sort()).toEqual(
      [
        'record_type',
        'id',
        'merchant_id',
        'session_id',
        'klarna_session_id',
        'merchant_customer_id',
        'terms_id',
        'terms_version',
        'terms_locale',
        'terms_content_sha256',
        'accepted',
        'acceptance_text',
        'ip_address',
        'user_agent',
        'channel',
        'locale',
        'accepted_at',
      ].sort(),
    );
    expect(chainHash(GENESIS_HASH, 1, fields)).toBe(row.hash);

    const verify = await auditor(`/admin/v1/consents/verify?merchant_id=${signup.merchant.id}`);
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({
      ok: true,
      records_checked: 4,
      merchants_checked: 1,
      first_broken_id: null,
      first_broken_seq: null,
      merchant_id: null,
      reason: null,
      broken: [],
    });
    // The merchant's own view still works and shows the authorization reference.
    const own = await t.request('GET', `/v1/consents/${signup.consentId}`, { key: signup.merchant.key });
    expect(own.status).toBe(200);
    expect(own.body.events[1]).toMatchObject({
      type: 'linked_to_token',
      customer_token_id: signup.tokenId,
      authorization_id: signup.authorizationId,
    });
  });

  it('keeps one merchant chain unforked under concurrent consents', async () => {
    const m = await createMerchant(t, 'Evidence Concurrent');
    const terms = await publishedTerms(t, m.key);
    const sessions = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        openSession(t, m.key, sessionBody(terms.id, 'tokenize', { merchant_customer_id: `c-${i}` })),
      ),
    );
    const results = await Promise.all(
      sessions.map((s) =>
        t.request('POST', `/v1/sessions/${s.id}/consents`, {
          key: m.key,
          body: {
            terms_id: terms.id,
            accepted: true,
            acceptance_text: 'I agree',
            ip_address: '198.51.100.4',
            user_agent: 'UA',
            channel: 'app',
            locale: 'sv-SE',
          },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const verify = await auditor(`/admin/v1/consents/verify?merchant_id=${m.id}`);
    expect(verify.body).toMatchObject({ ok: true, records_checked: 16 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of consents and consent events to the application role', async () => {
    const app = new Client({ connectionString: t.dbUrl });
    await app.connect();
    const failure = async (db: Client, sql: string) =>
      db.query(sql).then(
        () => 'succeeded',
        (error: Error) => error.message,
      );
    try {
      await app.query('SET ROLE autopay_app');
      expect(await failure(app, `UPDATE consents SET ip_address = '1.1.1.1'`)).toMatch(/permission denied/);
      expect(await failure(app, 'DELETE FROM consents')).toMatch(/permission denied/);
      expect(await failure(app, `UPDATE consent_events SET type = 'granted'`)).toMatch(/permission denied/);
      expect(await failure(app, 'DELETE FROM consent_events')).toMatch(/permission denied/);
      expect(await failure(app, 'TRUNCATE consent_events')).toMatch(/permission denied/);
      expect((await app.query('SELECT count(*)::int AS n FROM consents')).rows[0].n).toBeGreaterThan(0);
    } finally {
      await app.end();
    }
    // Even the owner, while the triggers are on.
    expect(await failure(t.db, `UPDATE consents SET ip_address = '1.1.1.1'`)).toMatch(/append-only/);
    expect(await failure(t.db, 'DELETE FROM consent_events')).toMatch(/append-only/);
    // And the text a consent names: a published terms version cannot change or go.
    expect(await failure(t.db, `UPDATE terms SET body = 'other' WHERE id = '${signup.termsId}'`)).toMatch(
      /published/,
    );
    expect(await failure(t.db, `DELETE FROM terms WHERE id = '${signup.termsId}'`)).toMatch(/published/);
  });

  it('reports a changed field, a deleted row, swapped rows and an edited event at the right record', async () => {
    const start = Date.parse('2025-06-01T00:00:00Z');
    const changed = await seedMerchant('Tamper Changed', 10, start);
    const deleted = await seedMerchant('Tamper Deleted', 10, start);
    const swapped = await seedMerchant('Tamper Swapped', 10, start);
    const intact = await seedMerchant('Tamper Intact', 10, start);
    expect((await admin(`/admin/v1/consents/verify?merchant_id=${changed.id}`)).body).toMatchObject({
      ok: true,
      records_checked: 10,
    });

    await tamper([`UPDATE consents SET ip_address = '198.51.100.66' WHERE id = $1`, [changed.ids[3]]]);
    expect((await admin(`/admin/v1/consents/verify?merchant_id=${changed.id}`)).body).toMatchObject({
      ok: false,
      records_checked: 4,
      first_broken_id: changed.ids[3],
      first_broken_seq: 4,
      merchant_id: changed.id,
      reason: 'hash_mismatch',
    });

    await tamper([`DELETE FROM consents WHERE id = $1`, [deleted.ids[4]]]);
    expect((await admin(`/admin/v1/consents/verify?merchant_id=${deleted.id}`)).body).toMatchObject({
      ok: false,
      first_broken_id: deleted.ids[5],
      first_broken_seq: 6,
      reason: 'sequence_gap',
    });

    // Swap seq 3 and 7 (three steps: (merchant_id, seq) is unique).
    await tamper(
      ['UPDATE consents SET seq = -3 WHERE merchant_id = $1 AND seq = 3', [swapped.id]],
      ['UPDATE consents SET seq = 3 WHERE merchant_id = $1 AND seq = 7', [swapped.id]],
      ['UPDATE consents SET seq = 7 WHERE merchant_id = $1 AND seq = -3', [swapped.id]],
    );
    expect((await admin(`/admin/v1/consents/verify?merchant_id=${swapped.id}`)).body).toMatchObject({
      ok: false,
      records_checked: 3,
      first_broken_id: swapped.ids[6],
      first_broken_seq: 3,
      reason: 'prev_hash_mismatch',
    });

    expect((await admin(`/admin/v1/consents/verify?merchant_id=${intact.id}`)).body.ok).toBe(true);

    // All merchants: every broken chain, in merchant order, the first one named at the top.
    const all = await auditor('/admin/v1/consents/verify');
    expect(all.status).toBe(200);
    const brokenIds = [changed.id, deleted.id, swapped.id].sort();
    expect(all.body.ok).toBe(false);
    expect(all.body.broken.map((b: any) => b.merchant_id)).toEqual(brokenIds);
    expect(all.body.merchant_id).toBe(brokenIds[0]);
    expect(all.body.first_broken_id).toBe(all.body.broken[0].first_broken_id);
    const merchants = (await t.db.query('SELECT count(*)::int AS n FROM merchants')).rows[0].n;
    expect(all.body.merchants_checked).toBe(merchants);

    // The detail says which link fails; no receipt for a broken record.
    const detail = await admin(`/admin/v1/consents/${changed.ids[3]}`);
    expect(detail.body.chain).toMatchObject({ seq: 4, hash_valid: false, verified: false });
    // After the deleted one: intact itself, but its predecessor is gone; before it: nothing names it any more.
    const after = await admin(`/admin/v1/consents/${deleted.ids[5]}`);
    expect(after.body.chain).toMatchObject({ hash_valid: true, prev_link_valid: false, verified: false });
    const before = await admin(`/admin/v1/consents/${deleted.ids[3]}`);
    expect(before.body.chain).toMatchObject({
      prev_link_valid: true,
      next_link_valid: false,
      verified: false,
    });
    // A moved record no longer hashes at its new position.
    const moved = await admin(`/admin/v1/consents/${swapped.ids[2]}`);
    expect(moved.body.chain).toMatchObject({ seq: 7, hash_valid: false, verified: false });
    const refused = await admin(`/admin/v1/consents/${changed.ids[3]}/receipt`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONSENT_CHAIN_BROKEN');
  });

  it('reports an edited consent event at that event', async () => {
    const m = await createMerchant(t, 'Tamper Event');
    const terms = await publishedTerms(t, m.key);
    const ready = await readyForToken(t, m.key, terms.id);
    const token = await t.request('POST', '/v1/customer-tokens', {
      key: m.key,
      body: { session_id: ready.session.id },
    });
    expect(token.status).toBe(201);
    const linked = (
      await t.db.query(`SELECT id FROM consent_events WHERE merchant_id = $1 AND type = 'linked_to_token'`, [
        m.id,
      ])
    ).rows[0].id;
    await tamper([`UPDATE consent_events SET customer_token_id = 'ctok_forged' WHERE id = $1`, [linked]]);
    expect((await admin(`/admin/v1/consents/verify?merchant_id=${m.id}`)).body).toMatchObject({
      ok: false,
      first_broken_id: linked,
      first_broken_seq: 3,
      reason: 'hash_mismatch',
    });
  });

  it('lists with filters and keyset pages, newest first', async () => {
    const pageAll = async (query: string, limit = 10) => {
      const seen: any[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await auditor(
          `/admin/v1/consents?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.data.length).toBeLessThanOrEqual(limit);
        seen.push(...res.body.data);
        cursor = res.body.next_cursor;
      } while (cursor);
      return seen;
    };
    const all = await pageAll(`merchant_id=${seeded.id}`);
    expect(all).toHaveLength(25);
    expect(new Set(all.map((c) => c.id)).size).toBe(25);
    expect(all.map((c) => c.chain.seq)).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
    expect(all.every((c) => c.merchant_id === seeded.id)).toBe(true);

    const cust = await pageAll(`merchant_id=${seeded.id}&merchant_customer_id=cust-2`, 2);
    expect(cust.map((c) => c.chain.seq)).toEqual([23, 18, 13, 8, 3]);

    const from = new Date(seeded.start + 5 * 60_000).toISOString();
    const to = new Date(seeded.start + 10 * 60_000).toISOString();
    const window = await pageAll(`merchant_id=${seeded.id}&from=${from}&to=${to}`, 3);
    expect(window.map((c) => c.chain.seq)).toEqual([10, 9, 8, 7, 6]);

    const byTerms = await pageAll(`terms_id=${seeded.termsId}&terms_version=1`);
    expect(byTerms).toHaveLength(25);
    expect(
      (await auditor(`/admin/v1/consents?terms_id=${seeded.termsId}&terms_version=2`)).body.data,
    ).toEqual([]);

    const byToken = await pageAll(`customer_token_id=${signup.tokenId}`);
    expect(byToken.map((c) => c.id)).toEqual([signup.consentId]);
    expect(byToken[0]).toMatchObject({
      customer_token_id: signup.tokenId,
      merchant_customer_id: 'cust-4711',
      events: [{ type: 'granted' }, { type: 'linked_to_token' }, { type: 'withdrawn' }],
    });

    const withdrawn = await pageAll('event_type=withdrawn');
    expect(withdrawn.map((c) => c.id)).toContain(signup.consentId);
    expect(withdrawn.every((c) => c.events.some((e: any) => e.type === 'withdrawn'))).toBe(true);
    expect(await pageAll(`merchant_id=${seeded.id}&event_type=linked_to_token`)).toEqual([]);

    const bad = await auditor('/admin/v1/consents?cursor=bm9wZQ&event_type=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toContain('event_type');
  });

  it('reads one record with the exact terms text, its events and its verified chain position', async () => {
    const res = await auditor(`/admin/v1/consents/${signup.consentId}`);
    expect(res.status).toBe(200);
    const body = termsBody();
    expect(res.body).toMatchObject({
      id: signup.consentId,
      merchant_id: signup.merchant.id,
      merchant_customer_id: 'cust-4711',
      customer_token_id: signup.tokenId,
      acceptance_text: 'I agree that Citybikes charges my Klarna account every month.',
      ip_address: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
      channel: 'web',
      terms: {
        id: signup.termsId,
        version: 1,
        locale: 'sv-SE',
        title: body.title,
        body: body.body,
        intended_use: 'SUBSCRIPTION',
        content_matches_consent: true,
      },
      chain: {
        seq: 1,
        prev_hash: GENESIS_HASH,
        hash_valid: true,
        prev_link_valid: true,
        next_link_valid: true,
        verified: true,
      },
    });
    expect(res.body.terms.content_sha256).toBe(res.body.terms_content_sha256);
    expect(res.body.klarna_session_id).toMatch(/.+/);
    expect(res.body.events.map((e: any) => [e.type, e.seq])).toEqual([
      ['granted', 2],
      ['linked_to_token', 3],
      ['withdrawn', 4],
    ]);
    expect(res.body.events[1].authorization_id).toBe(signup.authorizationId);
    // The last record of a chain links to the head.
    const lastSeeded = await auditor(`/admin/v1/consents?merchant_id=${seeded.id}&limit=1`);
    const last = await auditor(`/admin/v1/consents/${lastSeeded.body.data[0].id}`);
    expect(last.body.chain).toMatchObject({ seq: 25, next_link_valid: true, verified: true });

    expect((await auditor('/admin/v1/consents/con_00000000000000000000000000')).status).toBe(404);
  });

  it('exports CSV and NDJSON with the same filters, as attachments', async () => {
    const list = await auditor(`/admin/v1/consents?merchant_id=${seeded.id}&limit=100`);
    const csv = await auditor(`/admin/v1/consents/export?format=csv&merchant_id=${seeded.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="consents-.+\.csv"$/);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header.slice(0, 3)).toEqual(['id', 'merchant_id', 'session_id']);
    expect(rows).toHaveLength(25);
    const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(records.map((r) => r.id)).toEqual(list.body.data.map((c: any) => c.id));
    records.forEach((r, i) => {
      const c = list.body.data[i];
      expect(r).toMatchObject({
        acceptance_text: c.acceptance_text,
        user_agent: c.user_agent,
        accepted_at: c.accepted_at,
        terms_version: String(c.terms_version),
        accepted: 'true',
        seq: String(c.chain.seq),
        hash: c.chain.hash,
        customer_token_id: '',
      });
    });
    // seq 1, 8, 15, 22 carry quotes, a comma and a line break: they round-trip.
    expect(records.find((r) => r.seq === '8')!.acceptance_text).toBe(
      'I agree, "really", to terms #7,\nline two',
    );

    const linked = await auditor(`/admin/v1/consents/export?format=csv&customer_token_id=${signup.tokenId}`);
    const [h2, row] = parseCsv(linked.text);
    const rec = Object.fromEntries(h2.map((h, i) => [h, row[i]]));
    expect(rec).toMatchObject({
      id: signup.consentId,
      customer_token_id: signup.tokenId,
      authorization_id: signup.authorizationId,
    });
    expect(rec.withdrawn_at).toMatch(/^\d{4}-.+Z$/);

    const nd = await auditor(`/admin/v1/consents/export?format=ndjson&merchant_id=${seeded.id}`);
    expect(nd.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(nd.headers.get('content-disposition')).toMatch(/filename="consents-.+\.ndjson"/);
    const lines = nd.text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(list.body.data);

    const empty = await auditor('/admin/v1/consents/export?format=csv&merchant_customer_id=nobody');
    expect(parseCsv(empty.text)).toHaveLength(1);
    expect((await auditor('/admin/v1/consents/export?format=xml')).status).toBe(400);
  });

  it('issues a receipt that verifies offline with the published key and fails after any change', async () => {
    const res = await auditor(`/admin/v1/consents/${signup.consentId}/receipt`);
    expect(res.status).toBe(200);
    const receipt: string = res.body.receipt;
    const jwks = (await t.request('GET', '/.well-known/jwks.json')).body;
    const { header, claims } = await verifyReceipt(receipt, jwks, RECEIPT_TYP);
    expect(header.kid).toBe(jwks.keys[0].kid);
    const detail = (await auditor(`/admin/v1/consents/${signup.consentId}`)).body;
    expect(claims).toMatchObject({
      iss: 'autopay',
      sub: signup.consentId,
      consent_id: signup.consentId,
      merchant_id: signup.merchant.id,
      merchant_customer_id: 'cust-4711',
      terms_id: signup.termsId,
      terms_version: 1,
      terms_content_sha256: detail.terms_content_sha256,
      accepted_at: detail.accepted_at,
      chain_seq: 1,
      chain_hash: detail.chain.hash,
      customer_token_id: signup.tokenId,
      authorization_id: signup.authorizationId,
    });
    const accepted: number[] = [];
    for (let i = 0; i < receipt.length; i++) {
      if (receipt[i] === '.') continue;
      const altered = receipt.slice(0, i) + (receipt[i] === 'A' ? 'B' : 'A') + receipt.slice(i + 1);
      if (
        await verifyReceipt(altered, jwks).then(
          () => true,
          () => false,
        )
      )
        accepted.push(i);
    }
    expect(accepted).toEqual([]);
    // A seeded consent (no token) gets one too, with customer_token_id null.
    const seededId = (await auditor(`/admin/v1/consents?merchant_id=${seeded.id}&limit=1`)).body.data[0].id;
    const other = await admin(`/admin/v1/consents/${seededId}/receipt`);
    expect((await verifyReceipt(other.body.receipt, jwks)).claims).toMatchObject({
      sub: seededId,
      customer_token_id: null,
      chain_seq: 25,
    });
  });

  it('lets auditors read every consent route, merchants none, and audits each call', async () => {
    const routes: Array<[string, string, string | null]> = [
      ['consents.list', `/admin/v1/consents?merchant_id=${seeded.id}&limit=2`, null],
      ['consents.read', `/admin/v1/consents/${signup.consentId}`, signup.consentId],
      ['consents.export', `/admin/v1/consents/export?format=ndjson&merchant_id=${seeded.id}`, null],
      ['consents.verify', `/admin/v1/consents/verify?merchant_id=${seeded.id}`, null],
      ['receipt.issue', `/admin/v1/consents/${signup.consentId}/receipt`, signup.consentId],
    ];
    for (const [action, path, target] of routes) {
      const res = await auditor(path);
      expect(res.status).toBe(200);
      const rows = (
        await t.db.query('SELECT * FROM audit_log WHERE request_id = $1', [res.headers.get('x-request-id')])
      ).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action, actor_role: 'auditor', status: 200, target_id: target });
      const query = Object.fromEntries(new URL(path, 'http://x').searchParams);
      expect(rows[0].params.query).toEqual(query);

      const merchant = await t.request('GET', path, { key: signup.merchant.key });
      expect(merchant.status).toBe(403);
      expect(merchant.text).not.toContain(signup.consentId);
    }
    // Auditors cannot write.
    const write = await t.request('POST', '/admin/v1/merchants', { key: t.auditorKey, body: { name: 'No' } });
    expect(write.status).toBe(403);
  });
});
