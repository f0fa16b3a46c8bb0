import { request as httpGet } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { newId } from '../../src/common/ids';
import { chainFieldsOf } from '../../src/signup/consents/chain/consent-chain-fields';
import { chainHash, GENESIS_HASH } from '../../src/signup/consents/chain/hash-chain';
import { seedConsents } from '../bench/consent-seed';
import { openSession, publishedTerms, sessionBody } from '../support/signup';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;
const RECORDS = 20_000;

/** Live heap after a full collection: what the process really holds, not garbage waiting for the GC. */
function liveHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

describe('consent export streaming', () => {
  let t: TestApp;
  let merchantId: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const m = await createMerchant(t, 'Big Exporter');
    merchantId = m.id;
    const terms = await publishedTerms(t, m.key);
    const session = await openSession(t, m.key, sessionBody(terms.id));
    await seedConsents(
      t.db,
      { chainFieldsOf, chainHash, GENESIS_HASH, newId },
      {
        merchantId: m.id,
        session,
        terms,
        count: RECORDS,
        startMs: Date.parse('2025-01-01T00:00:00Z'),
        customers: 1000,
      },
    );
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('streams 20 000 records to a slow reader with flat memory, and all of them arrive', async () => {
    const baseline = liveHeap();
    const url = new URL(`${t.url}/admin/v1/consents/export?format=csv&merchant_id=${merchantId}`);
    let bytes = 0;
    let lines = 0;
    let maxGrowth = 0;
    let samples = 0;
    let last = '';
    await new Promise<void>((resolve, reject) => {
      const req = httpGet(url, { headers: { authorization: `Bearer ${t.auditorKey}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          const text = last + chunk.toString('latin1');
          const parts = text.split('\r\n');
          last = parts.pop()!;
          // Quoted line breaks in acceptance texts are LF only; rows end in CRLF.
          lines += parts.length;
          // Read slowly: pause after every chunk, and sample what the process holds meanwhile.
          res.pause();
          setTimeout(() => {
            if (samples++ % 8 === 0) maxGrowth = Math.max(maxGrowth, liveHeap() - baseline);
            res.resume();
          }, 5);
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    expect(lines).toBe(RECORDS + 1);
    expect(last).toBe('');
    // About 10 MB of CSV went through; the process never held more than a few batches of it (an export built
    // in memory first would hold all of it).
    expect(bytes).toBeGreaterThan(7 * MB);
    expect(samples).toBeGreaterThan(50);
    expect(maxGrowth).toBeLessThan(bytes / 2);
    expect(maxGrowth).toBeLessThan(4 * MB);
  }, 120_000);

  it('verifies the 20 000-record chain it was given', async () => {
    const res = await t.request('GET', `/admin/v1/consents/verify?merchant_id=${merchantId}`, {
      key: t.adminKey,
    });
    expect(res.body).toMatchObject({ ok: true, records_checked: RECORDS });
  });
});
