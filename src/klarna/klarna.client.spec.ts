import {
  Injectable,
  Logger,
  Module,
  type LoggerService,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer,
  type Socket,
} from 'node:net';
import {
  fillPath,
  KLARNA_OPERATIONS,
  KLARNA_USER_AGENT,
  KlarnaClient,
  lastPathSegment,
} from './klarna.client';
import type { KlarnaCredentials } from './klarna-credentials';
import {
  KlarnaApiError,
  KlarnaCredentialsRejectedError,
  KlarnaUnavailableError,
  KlarnaUnknownOutcomeError,
} from './klarna.errors';
import { createKlarnaClient, KlarnaModule } from './klarna.module';
import type { KlarnaClientOptions } from './klarna.options';

/** A bare HTTP server standing in for Klarna where the emulator cannot misbehave in the needed way. */
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

class StubServer {
  readonly seen: Seen[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  constructor(private handler: Handler) {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        this.seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        this.handler(req, body, res);
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Klarna-Correlation-Id': 'corr-stub',
    ...headers,
  });
  res.end(JSON.stringify(body));
};

const fast: KlarnaClientOptions = {
  timeoutMs: 300,
  connectTimeoutMs: 200,
  retryBaseDelayMs: 5,
  retryMaxDelayMs: 20,
  breakerHalfOpenAfterMs: 60_000,
};
const makeClient = (options: KlarnaClientOptions = fast) => createKlarnaClient(options);
const creds = (baseUrl: string, merchantId = 'merchant-1'): KlarnaCredentials => ({
  merchantId,
  region: 'EU',
  environment: 'playground',
  baseUrl,
  username: 'PK_user',
  password: 'hunter2-secret',
});

/** A minimal order placed through the client, for tests about the transport rather than the order. */
const createSmallOrder = (client: KlarnaClient, baseUrl: string) =>
  client.createOrder(creds(baseUrl), 'auth', {
    purchase_country: 'US',
    purchase_currency: 'USD',
    order_amount: 1,
    order_lines: [],
  });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const logs: unknown[] = [];
const captureLogger: LoggerService = {
  log: (message: unknown) => logs.push(message),
  warn: (message: unknown) => logs.push(message),
  error: (message: unknown) => logs.push(message),
};

beforeAll(() => Logger.overrideLogger(captureLogger));
afterAll(() => Logger.overrideLogger(new Logger()));
beforeEach(() => (logs.length = 0));

describe('KLARNA_OPERATIONS', () => {
  it('retries exactly the operations that are safe to repeat', () => {
    const retryable = Object.entries(KLARNA_OPERATIONS)
      .filter(([, spec]) => spec.retryable)
      .map(([name]) => name)
      .sort();
    expect(retryable).toEqual([
      'cancelCustomerToken',
      'cancelOrder',
      'createCapture',
      'createRefund',
      'createTokenOrder',
      'readCapture',
      'readCustomerToken',
      'readOmOrder',
      'readRefund',
      'readSession',
      'releaseAuthorization',
      'releaseRemainingAuthorization',
    ]);
  });

  it("sends every Order Management call to the path of Klarna's spec", () => {
    const om = Object.fromEntries(
      Object.entries(KLARNA_OPERATIONS)
        .filter(([, spec]) => spec.path.startsWith('/ordermanagement/'))
        .map(([name, spec]) => [name, `${spec.method} ${spec.path}`]),
    );
    expect(om).toEqual({
      readOmOrder: 'GET /ordermanagement/v1/orders/{order_id}',
      createCapture: 'POST /ordermanagement/v1/orders/{order_id}/captures',
      readCapture: 'GET /ordermanagement/v1/orders/{order_id}/captures/{capture_id}',
      createRefund: 'POST /ordermanagement/v1/orders/{order_id}/refunds',
      readRefund: 'GET /ordermanagement/v1/orders/{order_id}/refunds/{refund_id}',
      cancelOrder: 'POST /ordermanagement/v1/orders/{order_id}/cancel',
      releaseRemainingAuthorization:
        'POST /ordermanagement/v1/orders/{order_id}/release-remaining-authorization',
    });
  });
});

describe('fillPath', () => {
  it('URI-encodes parameters so a token cannot change the path', () => {
    expect(fillPath('/customer-token/v1/tokens/{customerToken}/order', { customerToken: 'a/../b?c' })).toBe(
      '/customer-token/v1/tokens/a%2F..%2Fb%3Fc/order',
    );
  });

  it('refuses an empty parameter instead of calling another endpoint', () => {
    expect(() => fillPath('/payments/v1/sessions/{session_id}', { session_id: '' })).toThrow(TypeError);
  });
});

describe('createTokenOrder', () => {
  it('refuses to charge without an idempotency key, before any HTTP call', async () => {
    const client = makeClient();
    await expect(
      client.createTokenOrder(
        creds('http://127.0.0.1:9'),
        't',
        { purchase_currency: 'EUR', order_amount: 1, order_tax_amount: 0, order_lines: [] },
        ' ',
      ),
    ).rejects.toThrow('createTokenOrder needs an idempotency key');
    await client.onApplicationShutdown();
  });
});

describe('KlarnaClient over HTTP', () => {
  let stub: StubServer;
  let client: KlarnaClient;
  afterEach(async () => {
    await client?.onApplicationShutdown();
    await stub?.stop();
  });

  it('sends Basic auth, JSON, User-Agent and the idempotency key, and returns data with the correlation id', async () => {
    stub = new StubServer((_req, _body, res) =>
      json(res, 200, { order_id: 'o-1', fraud_status: 'ACCEPTED' }),
    );
    client = makeClient();
    const result = await client.createTokenOrder(
      creds(await stub.start()),
      'tok 1',
      { purchase_currency: 'EUR', order_amount: 100, order_tax_amount: 0, order_lines: [] },
      'idem-1',
    );
    expect(result).toEqual({
      data: { order_id: 'o-1', fraud_status: 'ACCEPTED' },
      correlationId: 'corr-stub',
    });
    const [request] = stub.seen;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/customer-token/v1/tokens/tok%201/order');
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from('PK_user:hunter2-secret').toString('base64')}`,
    );
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe(KLARNA_USER_AGENT);
    expect(KLARNA_USER_AGENT).toMatch(/^Autopay\/\d+\.\d+\.\d+/);
    expect(request.headers['klarna-idempotency-key']).toBe('idem-1');
    expect(JSON.parse(request.body)).toEqual({
      purchase_currency: 'EUR',
      order_amount: 100,
      order_tax_amount: 0,
      order_lines: [],
    });
  });

  it('logs the path template, status, duration, correlation id and attempt, never tokens or secrets', async () => {
    stub = new StubServer((_req, _body, res) =>
      json(res, 200, { status: 'ACTIVE', payment_method_type: 'INVOICE' }),
    );
    client = makeClient();
    await client.readCustomerToken(creds(await stub.start()), 'secret-token-123');
    expect(logs).toEqual([
      expect.objectContaining({
        event: 'klarna_call',
        method: 'GET',
        path: '/customer-token/v1/tokens/{customerToken}',
        status: 200,
        duration_ms: expect.any(Number),
        correlation_id: 'corr-stub',
        attempt: 1,
      }),
    ]);
    const text = JSON.stringify(logs);
    expect(text).not.toContain('secret-token-123');
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('PK_user');
  });

  it('accepts a 204 with a non-JSON content type on release', async () => {
    stub = new StubServer((_req, _body, res) => {
      res.writeHead(204, { 'Content-Type': 'application/octet-stream', 'Klarna-Correlation-Id': 'c-204' });
      res.end();
    });
    client = makeClient();
    await expect(client.releaseAuthorization(creds(await stub.start()), 'auth-1')).resolves.toEqual({
      data: undefined,
      correlationId: 'c-204',
    });
  });

  it('turns a 401 HTML page and a bodiless 403 into KlarnaCredentialsRejectedError, without retrying', async () => {
    let status = 401;
    stub = new StubServer((_req, _body, res) => {
      res.writeHead(status, { 'Content-Type': 'text/html' });
      res.end(status === 401 ? '<html>401 Authorization Required</html>' : '');
    });
    client = makeClient();
    const base = await stub.start();
    const first = await caught(client.readSession(creds(base), 's-1'));
    expect(first).toBeInstanceOf(KlarnaCredentialsRejectedError);
    expect((first as KlarnaCredentialsRejectedError).httpStatus).toBe(401);
    status = 403;
    const second = await caught(client.readSession(creds(base), 's-1'));
    expect(second).toBeInstanceOf(KlarnaCredentialsRejectedError);
    expect(stub.seen).toHaveLength(2);
  });

  it('keeps a 403 with an error body as a KlarnaApiError', async () => {
    stub = new StubServer((_req, _body, res) =>
      json(res, 403, {
        error_code: 'TOKEN_SUSPENDED',
        error_messages: ['Token suspended'],
        correlation_id: 'c9',
      }),
    );
    client = makeClient();
    const error = await caught(
      client.createTokenOrder(
        creds(await stub.start()),
        't',
        { purchase_currency: 'EUR', order_amount: 1, order_tax_amount: 0, order_lines: [] },
        'k',
      ),
    );
    expect(error).toBeInstanceOf(KlarnaApiError);
    expect((error as KlarnaApiError).errorCode).toBe('TOKEN_SUSPENDED');
    expect((error as KlarnaApiError).correlationId).toBe('c9');
  });

  it('reports a 200 with an unreadable body as an unknown outcome', async () => {
    stub = new StubServer((_req, _body, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"order_id": ');
    });
    client = makeClient();
    const error = await caught(createSmallOrder(client, await stub.start()));
    expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
    expect((error as KlarnaUnknownOutcomeError).failure).toBe('invalid_response');
  });

  it('enforces the total timeout on a response that trickles in (not just an idle timeout)', async () => {
    stub = new StubServer((_req, _body, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    client = makeClient({ ...fast, maxRetries: 0 });
    const started = Date.now();
    const error = await caught(client.readSession(creds(await stub.start()), 's-1'));
    expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
    expect((error as KlarnaUnknownOutcomeError).failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('maps a refused connection to KlarnaUnavailableError(unreachable) after retrying', async () => {
    stub = new StubServer(() => undefined);
    const base = await stub.start();
    await stub.stop();
    client = makeClient({ ...fast, maxRetries: 2 });
    const error = await caught(client.readSession(creds(base), 's-1'));
    expect(error).toBeInstanceOf(KlarnaUnavailableError);
    expect((error as KlarnaUnavailableError).reason).toBe('unreachable');
    expect(logs.filter((entry) => (entry as { failure?: string }).failure === 'connect')).toHaveLength(3);
  });

  it('sends no Content-Type and no body without a request body', async () => {
    stub = new StubServer((_req, _body, res) => json(res, 200, { status: 'ACTIVE' }));
    client = makeClient();
    await client.readCustomerToken(creds(await stub.start()), 'tok-1');
    const [request] = stub.seen;
    expect(request.method).toBe('GET');
    expect(request.headers['content-type']).toBeUndefined();
    expect(request.headers.accept).toBe('application/json');
    expect(request.body).toBe('');
  });

  it('does not follow redirects', async () => {
    stub = new StubServer((_req, _body, res) => {
      res.writeHead(302, { Location: '/elsewhere' });
      res.end();
    });
    client = makeClient();
    const error = await caught(client.readSession(creds(await stub.start()), 's-1'));
    expect(error).toBeInstanceOf(KlarnaApiError);
    expect((error as KlarnaApiError).httpStatus).toBe(302);
    expect(stub.seen.map((request) => request.url)).toEqual(['/payments/v1/sessions/s-1']);
  });

  it('reads repeated headers like node:http: the first Content-Type, correlation ids joined', async () => {
    stub = new StubServer((_req, _body, res) => {
      res.setHeader('Content-Type', ['application/json', 'text/plain']);
      res.setHeader('Klarna-Correlation-Id', ['c-1', 'c-2']);
      res.end('{"status":"ACTIVE"}');
    });
    client = makeClient();
    const result = await client.readCustomerToken(creds(await stub.start()), 'tok-1');
    expect(result).toEqual({ data: { status: 'ACTIVE' }, correlationId: 'c-1, c-2' });
  });

  it('reports a connection lost halfway through the answer as an unknown outcome, without retrying a create', async () => {
    stub = new StubServer((req, _body, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"order_id":');
      setTimeout(() => req.socket.destroy(), 20);
    });
    client = makeClient();
    const error = await caught(createSmallOrder(client, await stub.start()));
    expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
    expect((error as KlarnaUnknownOutcomeError).failure).toBe('connection_lost');
    expect(stub.seen).toHaveLength(1);
  });

  it('refuses an answer over 1 MiB as a lost connection, and the next call still gets through', async () => {
    let big = true;
    stub = new StubServer((_req, _body, res) => {
      if (!big) return json(res, 200, { status: 'ACTIVE' });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i < 20; i++) res.write(' '.repeat(64 * 1024));
      res.end('{}');
    });
    client = makeClient({ ...fast, maxRetries: 0 });
    const base = await stub.start();
    const error = await caught(client.readCustomerToken(creds(base), 'tok-1'));
    expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
    expect((error as KlarnaUnknownOutcomeError).failure).toBe('connection_lost');
    big = false;
    await expect(client.readCustomerToken(creds(base), 'tok-1')).resolves.toEqual({
      data: { status: 'ACTIVE' },
      correlationId: 'corr-stub',
    });
  });

  it('refuses calls once shut down, as never sent', async () => {
    stub = new StubServer((_req, _body, res) => json(res, 200, { status: 'ACTIVE' }));
    client = makeClient({ ...fast, maxRetries: 0 });
    const base = await stub.start();
    await client.readCustomerToken(creds(base), 'tok-1');
    await client.onApplicationShutdown();
    const error = await caught(client.readCustomerToken(creds(base), 'tok-1'));
    expect(error).toBeInstanceOf(KlarnaUnavailableError);
    expect((error as KlarnaUnavailableError).reason).toBe('unreachable');
    expect(stub.seen).toHaveLength(1);
  });
});

describe('connect timeout', () => {
  let tcp: TcpServer;
  const sockets: Socket[] = [];
  afterEach(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
  });

  it('gives up on a TLS handshake that never completes, as a connection that was never made', async () => {
    // The TCP handshake succeeds but the server never answers the TLS ClientHello.
    tcp = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const port = (tcp.address() as AddressInfo).port;
    const client = makeClient({ ...fast, connectTimeoutMs: 100, timeoutMs: 5000, maxRetries: 0 });
    const started = Date.now();
    const error = await caught(client.readSession(creds(`https://127.0.0.1:${port}`), 's-1'));
    await client.onApplicationShutdown();
    expect(error).toBeInstanceOf(KlarnaUnavailableError);
    expect((error as KlarnaUnavailableError).reason).toBe('unreachable');
    // On time: undici's own connect timeout would take a second here.
    expect(Date.now() - started).toBeLessThan(600);
  });
});

describe('KlarnaModule', () => {
  it('provides a KlarnaClient with validated options', async () => {
    @Module({ imports: [KlarnaModule.register({ timeoutMs: 1234 })] })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
      expect(app.get(KlarnaClient)).toBeInstanceOf(KlarnaClient);
    } finally {
      await app.close();
    }
    expect(() => KlarnaModule.register({ timeoutMs: 0 })).toThrow(
      'KlarnaClientOptions.timeoutMs must be an integer >= 1',
    );
  });

  it('still serves calls from the shutdown hooks of the modules using it (a job finishing its batch)', async () => {
    const stub = new StubServer((_req, _body, res) => json(res, 200, { status: 'ACTIVE' }));
    const base = await stub.start();
    const outcomes: unknown[] = [];
    @Injectable()
    class Job implements OnModuleDestroy, OnApplicationShutdown {
      constructor(private readonly klarna: KlarnaClient) {}
      private call = () =>
        this.klarna.readCustomerToken(creds(base), 'tok-1').then(
          (result) => result.data,
          (error: unknown) => error,
        );
      async onModuleDestroy() {
        outcomes.push(await this.call());
      }
      async onApplicationShutdown() {
        outcomes.push(await this.call());
      }
    }
    @Module({ imports: [KlarnaModule.register(fast)], providers: [Job] })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const klarna = app.get(KlarnaClient);
    await app.close();
    await stub.stop();
    expect(outcomes).toEqual([{ status: 'ACTIVE' }, { status: 'ACTIVE' }]);
    expect(await caught(klarna.readCustomerToken(creds(base), 'tok-1'))).toBeInstanceOf(
      KlarnaUnavailableError,
    );
  });
});

describe('lastPathSegment', () => {
  it('reads the id from an absolute or relative Location, decoded', () => {
    expect(lastPathSegment('https://api.klarna.com/ordermanagement/v1/orders/o-1/captures/cap%201')).toBe(
      'cap 1',
    );
    expect(lastPathSegment('/ordermanagement/v1/orders/o-1/refunds/r-9/')).toBe('r-9');
    expect(lastPathSegment(undefined)).toBeUndefined();
    expect(lastPathSegment('/')).toBeUndefined();
    expect(lastPathSegment('/orders/%E0%A4%A')).toBeUndefined();
  });
});

describe('Order Management', () => {
  let stub: StubServer;
  let client: KlarnaClient;
  afterEach(async () => {
    await client?.onApplicationShutdown();
    await stub?.stop();
  });

  const created = (res: ServerResponse, headers: Record<string, string>) => {
    res.writeHead(201, { 'Klarna-Correlation-Id': 'corr-201', ...headers });
    res.end();
  };

  it('refuses every POST without an idempotency key, before any HTTP call', async () => {
    stub = new StubServer((_req, _body, res) => created(res, { 'Capture-Id': 'c' }));
    client = makeClient();
    const c = creds(await stub.start());
    await expect(client.createCapture(c, 'o-1', { captured_amount: 1 }, '')).rejects.toThrow(
      'createCapture needs an idempotency key',
    );
    await expect(client.createRefund(c, 'o-1', { refunded_amount: 1 }, '  ')).rejects.toThrow(
      'createRefund needs an idempotency key',
    );
    await expect(client.cancelOrder(c, 'o-1', '')).rejects.toThrow('cancelOrder needs an idempotency key');
    await expect(client.releaseRemainingAuthorization(c, 'o-1', '\t')).rejects.toThrow(
      'releaseRemainingAuthorization needs an idempotency key',
    );
    expect(stub.seen).toHaveLength(0);
  });

  it('captures with the idempotency key and returns the Capture-Id header', async () => {
    stub = new StubServer((_req, _body, res) =>
      created(res, { 'Capture-Id': 'cap-1', Location: '/ordermanagement/v1/orders/o%201/captures/other' }),
    );
    client = makeClient();
    const body = { captured_amount: 500, description: 'Shipped', reference: 'ref-1' };
    const result = await client.createCapture(creds(await stub.start()), 'o 1', body, 'key-1');
    expect(result).toEqual({ data: { capture_id: 'cap-1' }, correlationId: 'corr-201' });
    const [request] = stub.seen;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/ordermanagement/v1/orders/o%201/captures');
    expect(request.headers['klarna-idempotency-key']).toBe('key-1');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it('falls back to the Location header for the created id', async () => {
    stub = new StubServer((req, _body, res) =>
      created(
        res,
        req.url?.endsWith('/refunds')
          ? { Location: 'https://api.klarna.com/ordermanagement/v1/orders/o-1/refunds/ref-7' }
          : { Location: '/ordermanagement/v1/orders/o-1/captures/cap-7' },
      ),
    );
    client = makeClient();
    const base = await stub.start();
    await expect(client.createCapture(creds(base), 'o-1', { captured_amount: 1 }, 'k1')).resolves.toEqual({
      data: { capture_id: 'cap-7' },
      correlationId: 'corr-201',
    });
    await expect(client.createRefund(creds(base), 'o-1', { refunded_amount: 1 }, 'k2')).resolves.toEqual({
      data: { refund_id: 'ref-7' },
      correlationId: 'corr-201',
    });
  });

  it('refunds with the Refund-Id header', async () => {
    stub = new StubServer((_req, _body, res) => created(res, { 'Refund-Id': 'ref-1' }));
    client = makeClient();
    const result = await client.createRefund(
      creds(await stub.start()),
      'o-1',
      { refunded_amount: 200, description: 'Returned' },
      'key-r',
    );
    expect(result.data).toEqual({ refund_id: 'ref-1' });
    expect(stub.seen[0].url).toBe('/ordermanagement/v1/orders/o-1/refunds');
    expect(stub.seen[0].headers['klarna-idempotency-key']).toBe('key-r');
  });

  it('reports a 201 that names no id as an unknown outcome', async () => {
    stub = new StubServer((_req, _body, res) => created(res, {}));
    client = makeClient();
    const error = await caught(
      client.createCapture(creds(await stub.start()), 'o-1', { captured_amount: 1 }, 'k'),
    );
    expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
    expect((error as KlarnaUnknownOutcomeError).failure).toBe('invalid_response');
    expect((error as KlarnaUnknownOutcomeError).operation).toBe('createCapture');
  });

  it('retries a capture after a 503 with the same key, since Klarna executes a key once', async () => {
    let calls = 0;
    stub = new StubServer((_req, _body, res) => {
      calls += 1;
      if (calls === 1) return json(res, 503, { error_code: 'SERVICE_UNAVAILABLE', error_messages: [] });
      created(res, { 'Capture-Id': 'cap-2' });
    });
    client = makeClient();
    const result = await client.createCapture(
      creds(await stub.start()),
      'o-1',
      { captured_amount: 1 },
      'k-2',
    );
    expect(result.data).toEqual({ capture_id: 'cap-2' });
    expect(stub.seen.map((seen) => seen.headers['klarna-idempotency-key'])).toEqual(['k-2', 'k-2']);
    expect(stub.seen[0].body).toBe(stub.seen[1].body);
  });

  it("turns a refusal into a KlarnaApiError with Klarna's code, without retrying", async () => {
    stub = new StubServer((_req, _body, res) =>
      json(res, 403, {
        error_code: 'REFUND_NOT_ALLOWED',
        error_messages: ['Refunded amount exceeds captured amount'],
        correlation_id: 'c-403',
      }),
    );
    client = makeClient();
    const error = await caught(
      client.createRefund(creds(await stub.start()), 'o-1', { refunded_amount: 10_000 }, 'k'),
    );
    expect(error).toBeInstanceOf(KlarnaApiError);
    expect((error as KlarnaApiError).errorCode).toBe('REFUND_NOT_ALLOWED');
    expect((error as KlarnaApiError).httpStatus).toBe(403);
    expect((error as KlarnaApiError).operation).toBe('createRefund');
    expect(stub.seen).toHaveLength(1);
  });

  it('cancels and releases with a bodiless POST carrying the key', async () => {
    stub = new StubServer((_req, _body, res) => {
      res.writeHead(204, { 'Klarna-Correlation-Id': 'c-204' });
      res.end();
    });
    client = makeClient();
    const base = await stub.start();
    await expect(client.cancelOrder(creds(base), 'o-1', 'k-cancel')).resolves.toEqual({
      data: undefined,
      correlationId: 'c-204',
    });
    await expect(client.releaseRemainingAuthorization(creds(base), 'o-2', 'k-rel')).resolves.toEqual({
      data: undefined,
      correlationId: 'c-204',
    });
    expect(
      stub.seen.map((seen) => [
        seen.method,
        seen.url,
        seen.headers['klarna-idempotency-key'],
        seen.headers['content-type'],
        seen.body,
      ]),
    ).toEqual([
      ['POST', '/ordermanagement/v1/orders/o-1/cancel', 'k-cancel', undefined, ''],
      ['POST', '/ordermanagement/v1/orders/o-2/release-remaining-authorization', 'k-rel', undefined, ''],
    ]);
  });

  it('reads the order, a capture and a refund', async () => {
    stub = new StubServer((req, _body, res) => json(res, 200, { url: req.url }));
    client = makeClient();
    const base = await stub.start();
    expect((await client.readOmOrder(creds(base), 'o/1')).data).toEqual({
      url: '/ordermanagement/v1/orders/o%2F1',
    });
    expect((await client.readCapture(creds(base), 'o-1', 'cap-1')).data).toEqual({
      url: '/ordermanagement/v1/orders/o-1/captures/cap-1',
    });
    expect((await client.readRefund(creds(base), 'o-1', 'ref-1')).data).toEqual({
      url: '/ordermanagement/v1/orders/o-1/refunds/ref-1',
    });
    expect(
      stub.seen.every(
        (seen) => seen.method === 'GET' && seen.headers['klarna-idempotency-key'] === undefined,
      ),
    ).toBe(true);
  });

  it('maps NO_SUCH_ORDER on a read to a KlarnaApiError', async () => {
    stub = new StubServer((_req, _body, res) =>
      json(res, 404, {
        error_code: 'NO_SUCH_ORDER',
        error_messages: ['No such order'],
        correlation_id: 'c4',
      }),
    );
    client = makeClient();
    const error = await caught(client.readOmOrder(creds(await stub.start()), 'missing'));
    expect(error).toBeInstanceOf(KlarnaApiError);
    expect((error as KlarnaApiError).errorCode).toBe('NO_SUCH_ORDER');
  });
});
