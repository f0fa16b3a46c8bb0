import { Emulator, useEmulator } from '../support/emulator';
import { tokenizeSession, tokenOrderBody } from '../support/klarna-fixtures';

const TOKEN_ORDER_PATHS = ['^/customer-token/v1/tokens/[^/]+/order$'];

describe('Klarna emulator: fault injection', () => {
  const emu = useEmulator();

  const createSession = () =>
    emu.klarna('payments.createCreditSession', 'POST', '/payments/v1/sessions', tokenizeSession());

  it.each([
    [{ error_500_rate: 1 }, 500, 'INTERNAL_SERVER_ERROR'],
    [{ error_503_rate: 1 }, 503, 'SERVICE_UNAVAILABLE'],
  ])('%j answers %i %s without executing the request', async (faults, status, errorCode) => {
    expect((await emu.control('PUT', '/faults', faults)).status).toBe(200);
    const res = await createSession();
    expect(res.status).toBe(status);
    expect(res.body.error_code).toBe(errorCode);
    expect(res.body.correlation_id).toBe(res.headers.get('klarna-correlation-id'));
    // Controls are never faulted, and nothing was created.
    const log = await emu.control('GET', '/requests');
    expect(log.status).toBe(200);
    expect(log.body.requests.map((r: { status: number }) => r.status)).toEqual([status]);
    await emu.control('DELETE', '/faults');
    expect((await createSession()).status).toBe(200);
  });

  it('answers 429 with Retry-After and rate-limit headers', async () => {
    await emu.control('PUT', '/faults', { rate_limit_rate: 1, retry_after_seconds: 7 });
    const res = await createSession();
    expect(res.status).toBe(429);
    expect(res.body.error_code).toBe('TOO_MANY_REQUESTS');
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(res.headers.get('x-ratelimit-limit')).toBeTruthy();
  });

  it('adds latency', async () => {
    await emu.control('PUT', '/faults', { latency_ms: 250 });
    const started = Date.now();
    expect((await createSession()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('hangs a request for hang_ms, then answers', async () => {
    await emu.control('PUT', '/faults', { hang_rate: 1, hang_ms: 400 });
    const started = Date.now();
    expect((await createSession()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('loses the response of a token order that was executed; the same key then replays it', async () => {
    const { tokenId } = await emu.signUp();
    await emu.control('PUT', '/faults', { lost_response_rate: 1, paths: TOKEN_ORDER_PATHS });
    await expect(emu.tokenOrder(tokenId, tokenOrderBody(), 'lost-key')).rejects.toThrow();

    const { orders } = (await emu.control('GET', '/orders')).body;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ token_id: tokenId, idempotency_key: 'lost-key' });
    const { requests } = (await emu.control('GET', '/requests')).body;
    expect(requests.at(-1)).toMatchObject({ status: 200, idempotency_key: 'lost-key', lost_response: true });

    await emu.control('DELETE', '/faults');
    const retry = await emu.tokenOrder(tokenId, tokenOrderBody(), 'lost-key');
    expect(retry.status).toBe(200);
    expect(retry.body.order_id).toBe(orders[0].order_id);
    expect((await emu.control('GET', '/orders')).body.orders).toHaveLength(1);
  });

  it('applies faults only to paths matching the filter', async () => {
    const { tokenId } = await emu.signUp();
    await emu.control('PUT', '/faults', { error_503_rate: 1, paths: TOKEN_ORDER_PATHS });
    expect((await createSession()).status).toBe(200);
    expect((await emu.tokenOrder(tokenId)).status).toBe(503);
  });

  it('repeats the same fault sequence for the same seed', async () => {
    const run = async () => {
      await emu.control('PUT', '/faults', { error_500_rate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await createSession()).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  it('shows, validates and resets the configuration', async () => {
    const set = await emu.control('PUT', '/faults', { error_500_rate: 0.25, paths: ['^/payments/'] });
    expect(set.body).toMatchObject({ error_500_rate: 0.25, hang_ms: 30000, paths: ['^/payments/'] });
    expect((await emu.control('GET', '/faults')).body.error_500_rate).toBe(0.25);
    for (const bad of [
      { error_500_rate: 2 },
      { latency_ms: -1 },
      { paths: ['('] },
      { error_500_rate: 0.6, error_503_rate: 0.6 },
    ]) {
      expect((await emu.control('PUT', '/faults', bad)).status).toBe(400);
    }
    expect((await emu.control('DELETE', '/faults')).status).toBe(204);
    expect((await emu.control('GET', '/faults')).body).toMatchObject({ error_500_rate: 0, paths: [] });
  });

  it('does not let a hanging request delay shutdown', async () => {
    const other = await Emulator.start();
    await other.control('PUT', '/faults', { hang_rate: 1, hang_ms: 60_000 });
    const hanging = other
      .klarna('payments.createCreditSession', 'POST', '/payments/v1/sessions', tokenizeSession())
      .then(
        () => 'answered',
        () => 'dropped',
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hanging).toBe('dropped');
  });
});
