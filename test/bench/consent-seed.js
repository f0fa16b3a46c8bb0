// Seeds many consent records with SQL, chained exactly as the service chains them, for tests (jest passes the
// modules from src/) and benchmarks (from dist/). Plain JS so that both can load it.
'use strict';

const COLUMNS = [
  ['id', 'text'],
  ['merchant_id', 'text'],
  ['session_id', 'text'],
  ['klarna_session_id', 'text'],
  ['merchant_customer_id', 'text'],
  ['terms_id', 'text'],
  ['terms_version', 'int'],
  ['terms_locale', 'text'],
  ['terms_content_sha256', 'text'],
  ['accepted', 'boolean'],
  ['acceptance_text', 'text'],
  ['ip_address', 'text'],
  ['user_agent', 'text'],
  ['channel', 'text'],
  ['locale', 'text'],
  ['accepted_at', 'timestamptz'],
  ['seq', 'int'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
];

const INSERT_SQL = `insert into consents (${COLUMNS.map(([c]) => c).join(', ')})
  select * from unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

/**
 * Appends `count` consents to a merchant's chain, continuing from its head, in multi-row INSERTs of
 * `batchSize`, then moves the head. `lib` = { chainFieldsOf, chainHash, GENESIS_HASH, newId } from the
 * service's code; `db` a pg Client of the database owner. Accepted times start at `startMs` and step by
 * `stepMs`; customer ids cycle through `customers` values.
 */
async function seedConsents(db, lib, opts) {
  const {
    merchantId,
    session,
    terms,
    count,
    startMs,
    stepMs = 1000,
    customers = 50,
    batchSize = 2000,
  } = opts;
  const head = (await db.query('select seq, head_hash from chain_heads where merchant_id = $1', [merchantId]))
    .rows[0];
  let seq = head ? head.seq : 0;
  let prevHash = head ? head.head_hash : lib.GENESIS_HASH;
  for (let done = 0; done < count;) {
    const n = Math.min(batchSize, count - done);
    const columns = COLUMNS.map(() => new Array(n));
    for (let i = 0; i < n; i++) {
      const k = done + i;
      const at = new Date(startMs + k * stepMs);
      const row = {
        id: lib.newId('con', at.getTime()),
        merchant_id: merchantId,
        session_id: session.id,
        klarna_session_id: session.klarna_session_id,
        merchant_customer_id: `cust-${k % customers}`,
        terms_id: terms.id,
        terms_version: terms.version,
        terms_locale: terms.locale,
        terms_content_sha256: terms.content_sha256,
        accepted: true,
        acceptance_text:
          k % 7 === 0 ? `I agree, "really", to terms #${k},\nline two` : 'I agree to monthly charges.',
        ip_address: `203.0.113.${k % 250}`,
        user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Seed/1.0',
        channel: 'web',
        locale: terms.locale,
        accepted_at: at,
      };
      seq++;
      const hash = lib.chainHash(prevHash, seq, lib.chainFieldsOf({ record_type: 'consent', ...row }));
      const full = { ...row, seq, prev_hash: prevHash, hash };
      COLUMNS.forEach(([c], j) => {
        columns[j][i] = full[c];
      });
      prevHash = hash;
    }
    await db.query(INSERT_SQL, columns);
    done += n;
  }
  await db.query(
    `insert into chain_heads (merchant_id, seq, head_hash, updated_at) values ($1, $2, $3, now())
     on conflict (merchant_id) do update set seq = excluded.seq, head_hash = excluded.head_hash, updated_at = now()`,
    [merchantId, seq, prevHash],
  );
  return { seq, headHash: prevHash };
}

module.exports = { seedConsents };
