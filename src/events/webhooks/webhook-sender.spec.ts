import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook } from './webhook-sender';
import type { Resolver } from './url-policy';

describe('sendWebhook', () => {
  let server: Server;
  let port: number;
  const received: { url: string; host: string | undefined; body: string }[] = [];
  let behaviour: 'ok' | 'redirect' | 'hang' | 'error' = 'ok';

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ url: req.url ?? '', host: req.headers.host, body });
        if (behaviour === 'hang') return;
        if (behaviour === 'redirect') res.writeHead(302, { location: `/elsewhere` }).end();
        else res.writeHead(behaviour === 'error' ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => {
    received.length = 0;
    behaviour = 'ok';
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const toLoopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];

  it('POSTs the body and reports a 2xx as success', async () => {
    const result = await sendWebhook(
      `http://127.0.0.1:${port}/hook`,
      '{"a":1}',
      {},
      {
        timeoutMs: 2000,
        allowLocal: true,
      },
    );
    expect(result).toMatchObject({ statusCode: 204, error: null });
    expect(received).toEqual([{ url: '/hook', host: `127.0.0.1:${port}`, body: '{"a":1}' }]);
  });

  it('connects to the address it resolved and checked, keeping the host name in the Host header', async () => {
    const result = await sendWebhook(
      `http://receiver.test:${port}/hook`,
      '{}',
      {},
      {
        timeoutMs: 2000,
        allowLocal: true,
        resolve: toLoopback,
      },
    );
    expect(result.statusCode).toBe(204);
    expect(received[0].host).toBe(`receiver.test:${port}`);
  });

  it('refuses, without connecting, a host that now resolves to a private address (DNS rebinding)', async () => {
    const result = await sendWebhook(
      `https://rebinding.test:${port}/hook`,
      '{}',
      {},
      {
        timeoutMs: 2000,
        allowLocal: false,
        resolve: toLoopback,
      },
    );
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/^blocked: url must not point to a loopback address/);
    expect(received).toHaveLength(0);
  });

  it('does not follow redirects', async () => {
    behaviour = 'redirect';
    const result = await sendWebhook(
      `http://127.0.0.1:${port}/hook`,
      '{}',
      {},
      {
        timeoutMs: 2000,
        allowLocal: true,
      },
    );
    expect(result).toMatchObject({ statusCode: 302, error: 'redirect not followed (HTTP 302)' });
    expect(received.map((r) => r.url)).toEqual(['/hook']);
  });

  it('reports a non-2xx answer, a refused connection and a timeout as failures', async () => {
    behaviour = 'error';
    expect(
      await sendWebhook(`http://127.0.0.1:${port}/hook`, '{}', {}, { timeoutMs: 2000, allowLocal: true }),
    ).toMatchObject({ statusCode: 503, error: 'HTTP 503' });

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(
      await sendWebhook(
        `http://127.0.0.1:${closedPort}/hook`,
        '{}',
        {},
        { timeoutMs: 2000, allowLocal: true },
      ),
    ).toMatchObject({ statusCode: null, error: 'ECONNREFUSED' });

    behaviour = 'hang';
    const hung = await sendWebhook(
      `http://127.0.0.1:${port}/hook`,
      '{}',
      {},
      {
        timeoutMs: 150,
        allowLocal: true,
      },
    );
    expect(hung).toMatchObject({ statusCode: null, error: 'timeout after 150 ms' });
    expect(hung.durationMs).toBeGreaterThanOrEqual(140);
  });
});
