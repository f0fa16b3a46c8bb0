// The floor of a token order (issue #16 item 2): the least a charge can do and still be a charge, hand-written on
// Fastify, pg and undici, served from the bench's own process so that its CPU is measured the same way as the
// service's. Per request: the API-key check, the idempotency claim and the order's attempt row in one statement,
// the AES-GCM decryption of the customer token, the token order at the emulator with a Klarna idempotency key, and
// one finishing statement. No validation, consent check, events, audit, logging or metrics. Its tables live in a
// schema of the bench's scratch database. The orders bench runs it in the same run as the service, so that its
// `cpu_ms_per_req` scales the service's to the machine of the day (the target of 1.0 ms was set where this
// floor used 0.48 ms).
'use strict';
const crypto = require('node:crypto');
const Fastify = require('fastify');
const { Pool } = require('pg');
const { Agent, request } = require('undici');

const SCHEMA = `
  create schema bench_floor;
  create table bench_floor.api_keys (hash bytea primary key, merchant_id text not null);
  create table bench_floor.merchants (id text primary key, klarna_authorization text not null);
  create table bench_floor.tokens (id text primary key, merchant_id text not null, token bytea not null);
  create table bench_floor.idempotency (
    merchant_id text not null, key text not null, order_id uuid not null, response text,
    primary key (merchant_id, key));
  create table bench_floor.orders (
    id uuid primary key, token_id text not null, amount bigint not null, status text not null,
    klarna_order_id text, created_at timestamptz not null default now());`;

// The key check, the claim and the attempt row: an order row only where the key was free.
const CLAIM = `
  with k as (select merchant_id from bench_floor.api_keys where hash = $1),
  t as (select t.token, m.klarna_authorization, k.merchant_id from bench_floor.tokens t
        join k on k.merchant_id = t.merchant_id join bench_floor.merchants m on m.id = k.merchant_id where t.id = $2),
  i as (insert into bench_floor.idempotency (merchant_id, key, order_id)
        select merchant_id, $3, $4 from t on conflict do nothing returning order_id),
  o as (insert into bench_floor.orders (id, token_id, amount, status) select order_id, $2, $5, 'pending' from i
        returning id)
  select t.token, t.klarna_authorization, t.merchant_id, (select count(*) from o)::int as claimed from t`;

const FINISH = `
  with o as (update bench_floor.orders set status = 'placed', klarna_order_id = $2 where id = $1)
  update bench_floor.idempotency set response = $3 where merchant_id = $4 and key = $5`;

const sha256 = (text) => crypto.createHash('sha256').update(text).digest();

function seal(key, plaintext) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key, sealed) {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
}

/**
 * Starts the floor on `dbUrl` (a superuser's scratch database) against the emulator, with one merchant whose
 * Klarna token is `klarnaTokenId`. Answers the URL of its token-order route, the API key, and `close()`.
 */
async function startChargeFloor({ dbUrl, emulatorUrl, klarnaTokenId, credentials }) {
  const pool = new Pool({ connectionString: dbUrl, max: 20 });
  const tokenKey = crypto.randomBytes(32);
  const apiKey = `floor_${crypto.randomBytes(24).toString('base64url')}`;
  await pool.query(SCHEMA);
  await pool.query(`insert into bench_floor.merchants values ('m1', $1)`, [
    `Basic ${Buffer.from(credentials).toString('base64')}`,
  ]);
  await pool.query(`insert into bench_floor.api_keys values ($1, 'm1')`, [sha256(apiKey)]);
  await pool.query(`insert into bench_floor.tokens values ('tok1', 'm1', $1)`, [
    seal(tokenKey, klarnaTokenId),
  ]);

  const klarna = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const app = Fastify();
  app.post('/v1/customer-tokens/:id/orders', async (req, reply) => {
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const idempotencyKey = req.headers['idempotency-key'];
    const orderId = crypto.randomUUID();
    const claim = await pool.query({
      name: 'floor_claim',
      text: CLAIM,
      values: [sha256(bearer), req.params.id, idempotencyKey, orderId, req.body.order_amount],
    });
    const row = claim.rows[0];
    if (!row) return reply.code(404).send({ code: 'NOT_FOUND' });
    if (row.claimed === 0) return reply.code(409).send({ code: 'IDEMPOTENCY_KEY_IN_USE' });
    const token = open(tokenKey, row.token);
    const answer = await request(`${emulatorUrl}/customer-token/v1/tokens/${token}/order`, {
      method: 'POST',
      dispatcher: klarna,
      headers: {
        authorization: row.klarna_authorization,
        'content-type': 'application/json',
        'klarna-idempotency-key': orderId,
      },
      body: JSON.stringify({ ...req.body, auto_capture: true }),
    });
    const placed = await answer.body.json();
    if (answer.statusCode < 200 || answer.statusCode > 299)
      return reply.code(502).send({ code: 'KLARNA', status: answer.statusCode });
    const response = JSON.stringify({ id: orderId, status: 'placed', klarna_order_id: placed.order_id });
    await pool.query({
      name: 'floor_finish',
      text: FINISH,
      values: [orderId, placed.order_id, response, row.merchant_id, idempotencyKey],
    });
    return reply.code(201).header('content-type', 'application/json').send(response);
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `${url}/v1/customer-tokens/tok1/orders`,
    apiKey,
    /** How many orders the floor placed at the emulator and recorded (a floor that skipped work would be cheap). */
    async placedOrders() {
      const { rows } = await pool.query(
        `select count(*)::int as n from bench_floor.orders where status = 'placed' and klarna_order_id is not null`,
      );
      return rows[0].n;
    },
    async close() {
      await app.close();
      await klarna.close();
      await pool.end();
    },
  };
}

module.exports = { startChargeFloor };
