import { FakeClock } from '../../src/common/clock/clock';
import { AuthorizationReleaseJob } from '../../src/signup/sessions/authorization-release.job';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import {
  authorizeAndRecord,
  emulatorTokens,
  openSession,
  publishedTerms,
  readyForToken,
  sessionBody,
} from '../support/signup';

/** Sign-up changes land in the events outbox (GET /v1/events), in the same transaction as the change. */
describe('sign-up events', () => {
  let t: TestApp;
  let m: { id: string; key: string };
  let termsId: string;
  const clock = new FakeClock(new Date('2026-03-01T09:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, clock });
    m = await createMerchant(t, 'Events');
    termsId = (await publishedTerms(t, m.key)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const events = async (type: string) =>
    (await t.request('GET', `/v1/events?type=${type}`, { key: m.key })).body.data as {
      type: string;
      data: any;
    }[];

  it('customer_token.created, then .suspended on refresh and .canceled on cancel', async () => {
    const ready = await readyForToken(t, m.key, termsId);
    const token = await t.request('POST', '/v1/customer-tokens', {
      key: m.key,
      body: { session_id: ready.session.id },
    });
    expect(token.status).toBe(201);
    const created = await events('customer_token.created');
    expect(created.map((e) => e.data.customer_token.id)).toEqual([token.body.id]);
    expect(JSON.stringify(created)).not.toContain(
      (await emulatorTokens(t, ready.session.klarna_session_id))[0].token_id,
    );

    const [klarnaToken] = await emulatorTokens(t, ready.session.klarna_session_id);
    await t.emulator!.request('POST', `/emulator/v1/tokens/${klarnaToken.token_id}/status`, {
      status: 'SUSPENDED',
    });
    const refreshed = await t.request('GET', `/v1/customer-tokens/${token.body.id}?refresh=true`, {
      key: m.key,
    });
    expect(refreshed.body.status).toBe('suspended');
    expect((await events('customer_token.suspended')).map((e) => e.data.customer_token.id)).toEqual([
      token.body.id,
    ]);

    await t.emulator!.request('POST', `/emulator/v1/tokens/${klarnaToken.token_id}/status`, {
      status: 'ACTIVE',
    });
    const canceled = await t.request('POST', `/v1/customer-tokens/${token.body.id}/cancel`, { key: m.key });
    expect(canceled.status).toBe(202);
    const cancelEvents = await events('customer_token.canceled');
    expect(cancelEvents.map((e) => e.data.customer_token)).toEqual([
      expect.objectContaining({ id: token.body.id, status: 'canceled' }),
    ]);
  });

  it('authorization.released for a manual release, a superseded and an abandoned authorization', async () => {
    const session = await openSession(t, m.key, sessionBody(termsId));
    const first = await authorizeAndRecord(t, m.key, session);
    const second = await authorizeAndRecord(t, m.key, session);
    const released = await t.request('POST', `/v1/authorizations/${second.authorization.id}/release`, {
      key: m.key,
    });
    expect(released.status).toBe(200);

    const other = await openSession(t, m.key, sessionBody(termsId));
    const abandoned = await authorizeAndRecord(t, m.key, other);
    clock.advance(31 * 60_000);
    expect(await t.app.get(AuthorizationReleaseJob).runOnce()).toBe(1);

    const reasons = Object.fromEntries(
      (await events('authorization.released')).map((e) => [e.data.authorization_id, e.data.reason]),
    );
    expect(reasons).toEqual({
      [first.authorization.id]: 'superseded',
      [second.authorization.id]: 'released',
      [abandoned.authorization.id]: 'abandoned',
    });
  });
});
