import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { deliveryJob, emit, fake, registerEndpoint, startReceiver } from './support';

/** What an operator reads when a merchant's endpoint fails: one warn line per failed attempt, no secrets. */
describe('webhook delivery logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  beforeAll(async () => {
    t = await startTestApp({
      env: { LOG_LEVEL: 'info' },
      logStream: { write: (line) => void lines.push(line) },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs each failed attempt at warn with the endpoint id and the attempt number, never the secret or payload', async () => {
    const receiver = await startReceiver();
    try {
      receiver.status = 500;
      const merchant = await createMerchant(t, 'Log Reader');
      const endpoint = await registerEndpoint(t, merchant.key, receiver.url);
      const eventId = await emit(t, merchant.id, 'order.succeeded', {
        id: 'ord_log',
        email: 'private.person@example.com',
      });

      expect(await deliveryJob(t).runOnce()).toBe(1);
      fake(t).advance(10 * 60_000);
      expect(await deliveryJob(t).runOnce()).toBe(1);
      expect(receiver.requests).toHaveLength(2);

      const failures = logged().filter((l) => l.msg === 'webhook delivery failed; retrying');
      expect(failures).toEqual([
        expect.objectContaining({
          level: 40,
          endpoint_id: endpoint.id,
          event_id: eventId,
          attempt: 1,
          http_status: 500,
        }),
        expect.objectContaining({
          level: 40,
          endpoint_id: endpoint.id,
          event_id: eventId,
          attempt: 2,
          http_status: 500,
        }),
      ]);
      expect(typeof failures[0].next_attempt_at).toBe('string');
      // ISO timestamps on every line.
      expect(failures[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const all = lines.join('\n');
      expect(all).not.toContain(endpoint.secret);
      expect(all).not.toContain('private.person@example.com');
      expect(all).not.toContain('v1=');
    } finally {
      await receiver.close();
    }
  });
});
