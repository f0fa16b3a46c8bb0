import { randomUUID } from 'node:crypto';
import { ENCRYPTED_COLUMN_LIST, ENCRYPTED_COLUMNS } from '../../src/common/crypto/encrypted-columns';
import { EnvelopeCrypto } from '../../src/common/crypto/envelope-crypto';
import { KeyRotationService } from '../../src/operations/key-rotation/key-rotation.service';
import { emulatorTokens, publishedTerms, readyForToken } from '../support/signup';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import {
  deliveryJob,
  emit,
  partnerVerify,
  type Receiver,
  signaturesIn,
  startReceiver,
} from '../webhooks/support';

const key1 = `t1:${Buffer.alloc(32, 3).toString('base64')}`;
const key2 = `t2:${Buffer.alloc(32, 9).toString('base64')}`;

/** Every `*_enc` column of the schema, as `table.column`. */
async function encColumnsOfSchema(t: TestApp): Promise<string[]> {
  const { rows } = await t.db.query<{ name: string }>(
    `select table_name || '.' || column_name as name from information_schema.columns
      where table_schema = 'public' and column_name like '%\\_enc' order by 1`,
  );
  return rows.map((r) => r.name);
}

const registry = (): string[] => ENCRYPTED_COLUMN_LIST.map((c) => `${c.table}.${c.column}`).sort();

/** The key id of every stored value of every `*_enc` column found in the schema, as `table.column: kid`. */
async function keyIdsInDatabase(t: TestApp, crypto: EnvelopeCrypto): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const name of await encColumnsOfSchema(t)) {
    const [table, column] = name.split('.');
    const { rows } = await t.db.query<{ value: string }>(
      `select ${column} as value from ${table} where ${column} is not null`,
    );
    found[name] = [...new Set(rows.map((r) => crypto.keyIdOf(r.value)))].sort();
  }
  return found;
}

describe('encrypted columns (issue #13 item 5)', () => {
  it('the registry lists exactly the *_enc columns of the schema, each with its primary key', async () => {
    const t = await startTestApp();
    try {
      expect(registry()).toEqual(await encColumnsOfSchema(t));
      for (const column of ENCRYPTED_COLUMN_LIST) {
        const { rows } = await t.db.query<{ name: string }>(
          `select a.attname as name from pg_index i
             join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
            where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
          [column.table],
        );
        expect({ table: column.table, key: rows.map((r) => r.name) }).toEqual({
          table: column.table,
          key: [...column.key],
        });
      }
    } finally {
      await t.close();
    }
  });

  it('rotate-keys re-wraps every column (webhook secrets and stored answers too): the old key can go', async () => {
    const receiver: Receiver = await startReceiver();
    const first = await startTestApp({
      emulator: true,
      env: { ENCRYPTION_KEYS: `${key1},${key2}`, ENCRYPTION_ACTIVE_KEY_ID: 't1' },
    });
    const instances: TestApp[] = [];
    try {
      const merchant = await createMerchant(first, 'Rotating everything');
      // Customer token, authorization, session and merchant password under t1.
      const terms = await publishedTerms(first, merchant.key);
      const { session } = await readyForToken(first, merchant.key, terms.id);
      const token = await first.request('POST', '/v1/customer-tokens', {
        key: merchant.key,
        body: { session_id: session.id },
      });
      expect(token.status).toBe(201);
      const [klarnaToken] = await emulatorTokens(first, session.klarna_session_id);
      // A webhook endpoint created with an Idempotency-Key (its answer, with the secret, is stored encrypted),
      // then rotated: secret_enc and previous_secret_enc both set.
      const idempotencyKey = randomUUID();
      const created = await first.request('POST', '/v1/webhook-endpoints', {
        key: merchant.key,
        headers: { 'idempotency-key': idempotencyKey },
        body: { url: receiver.url, events: ['order.succeeded'] },
      });
      expect(created.status).toBe(201);
      const oldSecret = created.body.secret as string;
      const rotated = await first.request('POST', `/v1/webhook-endpoints/${created.body.id}/rotate-secret`, {
        key: merchant.key,
      });
      const newSecret = rotated.body.secret as string;
      expect(newSecret).toMatch(/^whsec_/);

      const oldCrypto = first.app.get(EnvelopeCrypto);
      const before = await keyIdsInDatabase(first, oldCrypto);
      // Every column holds at least one value here, all under t1.
      expect(Object.keys(before).sort()).toEqual(registry());
      for (const [name, kids] of Object.entries(before))
        expect({ name, kids }).toEqual({ name, kids: ['t1'] });

      const rotating = await startTestApp({
        database: first.dbUrl,
        env: {
          ENCRYPTION_KEYS: `${key1},${key2}`,
          ENCRYPTION_ACTIVE_KEY_ID: 't2',
          KLARNA_BASE_URL: first.emulator!.url,
        },
      });
      instances.push(rotating);
      const reports = await rotating.app.get(KeyRotationService).rotateAll();
      expect(reports.map((r) => `${r.table}.${r.column}`).sort()).toEqual(registry());
      expect(reports.filter((r) => r.failed.length > 0 || r.skipped > 0)).toEqual([]);
      expect(reports.find((r) => r.column === 'previous_secret_enc')!.rotated).toBe(1);
      expect(reports.find((r) => r.table === 'idempotency_keys')!.rotated).toBeGreaterThanOrEqual(1);
      const after = await keyIdsInDatabase(first, rotating.app.get(EnvelopeCrypto));
      for (const [name, kids] of Object.entries(after))
        expect({ name, kids }).toEqual({ name, kids: ['t2'] });

      // Only the new key configured: everything decrypts, end to end.
      const onlyNew = await startTestApp({
        database: first.dbUrl,
        env: { ENCRYPTION_KEYS: key2, ENCRYPTION_ACTIVE_KEY_ID: 't2', KLARNA_BASE_URL: first.emulator!.url },
      });
      instances.push(onlyNew);
      const crypto = onlyNew.app.get(EnvelopeCrypto);
      const stored = await onlyNew.db.query('select klarna_token_enc from customer_tokens where id = $1', [
        token.body.id,
      ]);
      expect(
        crypto.decrypt(
          stored.rows[0].klarna_token_enc,
          ENCRYPTED_COLUMNS.customerTokenKlarnaId.aad(token.body.id),
        ),
      ).toBe(klarnaToken.token_id);
      const readSession = await onlyNew.request('GET', `/v1/sessions/${session.id}`, { key: merchant.key });
      expect(readSession.body.client_token).toBe(session.client_token);
      const refreshed = await onlyNew.request('GET', `/v1/customer-tokens/${token.body.id}?refresh=true`, {
        key: merchant.key,
      });
      expect({ status: refreshed.status, token: refreshed.body.status }).toEqual({
        status: 200,
        token: 'active',
      });

      // A delivery is signed with both webhook secrets (the rotation window is open), each still correct.
      await emit(onlyNew, merchant.id);
      await deliveryJob(onlyNew).runOnce();
      expect(receiver.requests).toHaveLength(1);
      const [delivery] = receiver.requests;
      const header = delivery.headers['autopay-signature'] as string;
      const now = Math.floor(onlyNew.clock.nowMs() / 1000);
      expect(signaturesIn(header)).toHaveLength(2);
      expect(partnerVerify(delivery.body, header, newSecret, now)).toBe(true);
      expect(partnerVerify(delivery.body, header, oldSecret, now)).toBe(true);

      // The stored answer replays byte for byte.
      const replay = await onlyNew.request('POST', '/v1/webhook-endpoints', {
        key: merchant.key,
        headers: { 'idempotency-key': idempotencyKey },
        body: { url: receiver.url, events: ['order.succeeded'] },
      });
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.text).toBe(created.text);

      // The merchant's Klarna password and the token id still reach Klarna: cancel the token there.
      const canceled = await onlyNew.request('POST', `/v1/customer-tokens/${token.body.id}/cancel`, {
        key: merchant.key,
      });
      expect(canceled.status).toBe(202);
      expect((await emulatorTokens(first, session.klarna_session_id))[0].status).toBe('CANCELLED');
    } finally {
      for (const instance of instances) await instance.close();
      await first.close();
      await receiver.close();
    }
  });
});
