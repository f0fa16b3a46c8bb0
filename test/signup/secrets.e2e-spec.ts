import { execFileSync } from 'node:child_process';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import {
  consentBody,
  emulatorTokens,
  openSession,
  publishedTerms,
  readyForToken,
  sessionBody,
} from '../support/signup';

async function signUp(t: TestApp, key: string, intent = 'tokenize') {
  const terms = await publishedTerms(t, key);
  const ready = await readyForToken(t, key, terms.id, intent);
  const created = await t.request('POST', '/v1/customer-tokens', {
    key,
    body: { session_id: ready.session.id },
  });
  if (created.status !== 201) throw new Error(`token: ${created.status} ${created.text}`);
  const [klarnaToken] = await emulatorTokens(t, ready.session.klarna_session_id);
  return { ...ready, customerToken: created.body, klarnaTokenId: klarnaToken.token_id };
}

/**
 * The whole database as text: `pg_dump` when its version can dump this server (CI's PostgreSQL), otherwise
 * (the embedded PostgreSQL is newer than the machine's client tools) every row of every table as text, which
 * holds the same data for a canary search.
 */
async function databaseDump(t: TestApp): Promise<string> {
  const server = Number((await t.db.query('SHOW server_version_num')).rows[0].server_version_num) / 10000;
  let client = 0;
  try {
    client = Number(/(\d+)\./.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))?.[1] ?? 0);
  } catch {
    client = 0;
  }
  if (client >= Math.floor(server)) {
    return execFileSync('pg_dump', [t.dbUrl], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  }
  const tables = await t.db.query<{ name: string }>(
    `select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
       from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await t.db.query<{ row: string }>(`select t::text as row from ${name} t`);
    parts.push(`-- ${name}`, ...rows.rows.map((r) => r.row));
  }
  return parts.join('\n');
}

describe('secrets at rest and in logs', () => {
  it('keeps the Klarna token id and the authorization token out of the database dump and the logs', async () => {
    const lines: string[] = [];
    const t = await startTestApp({
      emulator: true,
      env: { LOG_LEVEL: 'trace' },
      logStream: { write: (line) => void lines.push(line) },
    });
    try {
      const { key } = await createMerchant(t, 'Canary');
      const flow = await signUp(t, key, 'buy_and_tokenize');
      await t.request('GET', `/v1/customer-tokens/${flow.customerToken.id}?refresh=true`, { key });
      await t.request('POST', `/v1/customer-tokens/${flow.customerToken.id}/cancel`, { key });

      const dump = await databaseDump(t);
      const logs = lines.join('');
      expect(dump).toContain(flow.customerToken.id);
      expect(logs).toContain('klarna_call');
      for (const canary of [flow.klarnaTokenId, flow.token]) {
        expect(canary.length).toBeGreaterThan(10);
        expect(dump).not.toContain(canary);
        expect(logs).not.toContain(canary);
      }
    } finally {
      await t.close();
    }
  });
  // Master-key rotation of every encrypted column: test/foundation/encrypted-columns.e2e-spec.ts.

  it('logs a failed insert with its statement and SQLSTATE but without the consent IP, user agent or text', async () => {
    const lines: string[] = [];
    const t = await startTestApp({
      emulator: true,
      env: { LOG_LEVEL: 'info' },
      logStream: { write: (line) => void lines.push(line) },
    });
    try {
      const { key } = await createMerchant(t, 'Leaky');
      const terms = await publishedTerms(t, key);
      const session = await openSession(t, key, sessionBody(terms.id));
      const canaries = {
        ip_address: '198.51.100.231',
        user_agent: 'CanaryBrowser/7.3 (x-canary-ua)',
        acceptance_text: 'I agree, canary-acceptance-4711, to monthly charges.',
      };
      // PostgreSQL refuses exactly this row (as it would refuse any row the service got wrong).
      await t.db.query(
        `ALTER TABLE consents ADD CONSTRAINT canary_refused CHECK (user_agent <> '${canaries.user_agent}')`,
      );
      const res = await t.request('POST', `/v1/sessions/${session.id}/consents`, {
        key,
        body: { ...consentBody(terms.id), ...canaries },
      });
      expect(res.status).toBe(500);
      const logs = lines.join('');
      const failure = lines.map((line) => JSON.parse(line)).find((line) => line.err?.code === '23514');
      expect(failure).toBeDefined();
      expect(failure.err).toMatchObject({ code: '23514', constraint: 'canary_refused', table: 'consents' });
      expect(failure.err.statement).toMatch(/^insert into "consents" \(/);
      for (const canary of [...Object.values(canaries), '198.51.100', 'x-canary-ua', 'canary-acceptance']) {
        expect(logs).not.toContain(canary);
      }
    } finally {
      await t.close();
    }
  });
});
