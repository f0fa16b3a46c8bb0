import {
  activeToken,
  drain,
  forceTokenStatus,
  getSubscription,
  ledger,
  outboxTypes,
  reconciliationJob,
  type Stack,
  startStack,
  stopAll,
  subscribe,
} from './support';

const HOUR_MS = 3_600_000;

describe('token reconciliation', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ TOKEN_RECONCILE_EVERY_HOURS: '24', TOKEN_CHECK_BEFORE_CHARGE_HOURS: '6' });
  });
  afterEach(async () => {
    await stopAll(s);
  });
  afterAll(async () => {
    await s.t.close();
  });

  const tokenEvents = async (id: string) =>
    (
      await s.t.db.query(`select type from events where data->'customer_token'->>'id' = $1 order by id`, [id])
    ).rows.map((r: { type: string }) => r.type);

  it('the job reads tokens from Klarna; a suspended token halts its subscriptions, and active again resumes them', async () => {
    s.clock.set(new Date('2026-03-01T09:00:00Z'));
    const token = await activeToken(s);
    const sub = await subscribe(s, token.id, { start_date: '2026-03-05' });
    const other = await activeToken(s);
    // Everything unchecked is read once; nothing changed at Klarna.
    expect(await reconciliationJob(s.t).runOnce()).toBeGreaterThanOrEqual(2);
    expect(await reconciliationJob(s.t).runOnce()).toBe(0);
    expect((await getSubscription(s, sub.id)).status).toBe('active');

    await forceTokenStatus(s, token.klarnaTokenId, 'SUSPENDED');
    // Not before the interval has passed.
    s.clock.advance(23 * HOUR_MS);
    expect(await reconciliationJob(s.t).runOnce()).toBe(0);
    s.clock.advance(HOUR_MS);
    expect(await reconciliationJob(s.t).runOnce()).toBeGreaterThanOrEqual(2);

    const halted = await getSubscription(s, sub.id);
    expect(halted).toMatchObject({
      status: 'halted',
      status_reason: 'token_suspended',
      next_charge_at: null,
    });
    expect(
      (await s.t.request('GET', `/v1/customer-tokens/${token.id}`, { key: s.merchant.key })).body.status,
    ).toBe('suspended');
    expect(await tokenEvents(token.id)).toEqual(['customer_token.created', 'customer_token.suspended']);
    expect(await tokenEvents(other.id)).toEqual(['customer_token.created']);
    expect(await outboxTypes(s, sub.id)).toEqual(['subscription.created', 'subscription.halted']);

    // Halted: nothing is charged on its date, and resume is refused while the token is suspended.
    s.clock.set(new Date('2026-03-05T01:00:00Z'));
    expect(await drain(s.t)).toBe(0);
    const refused = await s.t.request('POST', `/v1/subscriptions/${sub.id}/resume`, { key: s.merchant.key });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 409,
      code: 'TOKEN_NOT_ACTIVE',
    });

    // The consumer sorts it out in the Klarna app: the next reconciliation resumes the subscription.
    await forceTokenStatus(s, token.klarnaTokenId, 'ACTIVE');
    s.clock.set(new Date('2026-03-06T10:00:00Z'));
    await reconciliationJob(s.t).runOnce();
    const resumed = await getSubscription(s, sub.id);
    expect(resumed).toMatchObject({
      status: 'active',
      next_charge_at: '2026-04-05T00:00:00.000Z',
      current_cycle: 0,
    });
    expect(await outboxTypes(s, sub.id)).toEqual([
      'subscription.created',
      'subscription.halted',
      'subscription.resumed',
    ]);
  });

  it('reads a token before charging when its last check is old, and halts instead of charging', async () => {
    s.clock.set(new Date('2026-05-01T09:00:00Z'));
    const token = await activeToken(s);
    const sub = await subscribe(s, token.id, { start_date: '2026-05-02' });
    await reconciliationJob(s.t).runOnce(); // checked at 2026-05-01T09:00
    await forceTokenStatus(s, token.klarnaTokenId, 'CANCELLED');

    const requestsBefore = (await s.t.emulator!.request('GET', '/emulator/v1/requests')).body.requests.length;
    s.clock.set(new Date('2026-05-02T00:30:00Z')); // 15.5 h later: older than the 6 h threshold
    expect(await drain(s.t)).toBe(1);
    const requests = (await s.t.emulator!.request('GET', '/emulator/v1/requests')).body.requests.slice(
      requestsBefore,
    ) as {
      method: string;
      path: string;
    }[];
    expect(requests.map((r) => `${r.method} ${r.path.replace(/tokens\/[^/]+/, 'tokens/{t}')}`)).toEqual([
      'GET /customer-token/v1/tokens/{t}',
    ]);
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(0);
    const read = await getSubscription(s, sub.id);
    expect(read).toMatchObject({ status: 'canceled', status_reason: 'token_canceled' });
    expect(read.latest_cycle).toMatchObject({ status: 'failed', last_error: 'TOKEN_CANCELLED', attempts: 0 });
    const tokenRead = await s.t.request('GET', `/v1/customer-tokens/${token.id}`, { key: s.merchant.key });
    expect(tokenRead.body).toMatchObject({ status: 'canceled' });
    expect(await tokenEvents(token.id)).toEqual(['customer_token.created', 'customer_token.canceled']);
    const withdrawn = await s.t.db.query(
      `select type from consent_events where consent_id = $1 order by id`,
      [tokenRead.body.consent_id],
    );
    expect(withdrawn.rows.map((r: { type: string }) => r.type)).toContain('withdrawn');
  });

  it('charges without a Klarna read when the last check is recent', async () => {
    s.clock.set(new Date('2026-07-01T09:00:00Z'));
    const token = await activeToken(s);
    const sub = await subscribe(s, token.id, { start_date: '2026-07-02' });
    s.clock.set(new Date('2026-07-01T23:00:00Z'));
    await reconciliationJob(s.t).runOnce();
    const requestsBefore = (await s.t.emulator!.request('GET', '/emulator/v1/requests')).body.requests.length;
    s.clock.set(new Date('2026-07-02T00:30:00Z'));
    expect(await drain(s.t)).toBe(1);
    const requests = (await s.t.emulator!.request('GET', '/emulator/v1/requests')).body.requests.slice(
      requestsBefore,
    ) as {
      method: string;
    }[];
    expect(requests.map((r) => r.method)).toEqual(['POST']);
    expect((await getSubscription(s, sub.id)).latest_cycle.status).toBe('succeeded');
  });
});
