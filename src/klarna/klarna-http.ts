import type { HttpModuleOptions } from '@nestjs/axios';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import type { Socket } from 'node:net';
import { Agent, buildConnector, errors, request } from 'undici';
import type { ResolvedKlarnaClientOptions } from './klarna.options';

/** Klarna's answers are small JSON documents; anything larger is refused while it arrives. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** An axios adapter that sends through an undici Agent, and can close it when the application stops. */
export interface UndiciAxiosAdapter extends AxiosAdapter {
  close(): Promise<void>;
}

/**
 * The axios configuration `HttpModule.registerAsync` gives the Klarna client's `HttpService`: a pure transport.
 * Bodies go out as the client serialised them and come back as text (the client parses and classifies them),
 * every status resolves (the client decides what is an error), nothing is followed or decompressed.
 *
 * The requests themselves go through undici (issue #15, deviation measured in the README): its keep-alive pool
 * and a connect timeout that fires on time, under axios instead of axios's node:http adapter.
 */
export function klarnaHttpOptions(options: ResolvedKlarnaClientOptions): HttpModuleOptions {
  const agent = new Agent({
    connections: 64,
    connect: exactConnectTimeout(options.connectTimeoutMs),
    // Belt and braces: the client's abort timer is the real total timeout.
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    maxResponseSize: MAX_RESPONSE_BYTES,
  });
  const identity = (data: unknown) => data;
  return {
    adapter: undiciAxiosAdapter(agent),
    responseType: 'text',
    transformRequest: [identity],
    transformResponse: [identity],
    validateStatus: () => true,
    maxRedirects: 0,
  };
}

/** The adapter of an axios instance configured by {@link klarnaHttpOptions}, if that is what it has. */
export function undiciAdapterOf(adapter: unknown): UndiciAxiosAdapter | undefined {
  return typeof adapter === 'function' && typeof (adapter as Partial<UndiciAxiosAdapter>).close === 'function'
    ? (adapter as UndiciAxiosAdapter)
    : undefined;
}

export function undiciAxiosAdapter(agent: Agent): UndiciAxiosAdapter {
  const adapter = async (config: InternalAxiosRequestConfig): Promise<AxiosResponse<string>> => {
    // Refused before anything is sent (undici would refuse it too, as closed or as destroyed).
    if (agent.closed || agent.destroyed) throw new errors.ClientClosedError();
    if (!config.url) throw new TypeError('Klarna request without a URL');
    const response = await request(config.url, {
      dispatcher: agent,
      method: (config.method ?? 'get').toUpperCase() as 'GET',
      headers: config.headers.toJSON(true),
      body: typeof config.data === 'string' ? config.data : undefined,
      signal: config.signal,
    });
    let data: string;
    try {
      // Inside the client's total timeout: a body that trickles in is cut off like a missing answer.
      data = await response.body.text();
    } catch (error) {
      // An unread or half-read body would keep its connection busy.
      response.body.destroy();
      throw error;
    }
    return {
      data,
      status: response.statusCode,
      statusText: '',
      // undici's lowercase names; a repeated header is an array (axios keeps it so).
      headers: response.headers as AxiosResponse['headers'],
      config,
    };
  };
  return Object.assign(adapter, { close: () => agent.close() });
}

/**
 * undici's connector with a connect timeout (TCP, and the TLS handshake for https) that fires on time. undici's
 * own `connect.timeout` runs on its coarse timer clock: measured 1000 ms for a 100 ms timeout, 2500 ms for
 * 2000 ms. The error is undici's ConnectTimeoutError (UND_ERR_CONNECT_TIMEOUT). A reused keep-alive
 * connection is already connected and is not affected.
 */
function exactConnectTimeout(timeoutMs: number): buildConnector.connector {
  // Typed as returning nothing, but returns the socket it connects.
  const connect = buildConnector({ timeout: 0 }) as unknown as (
    options: buildConnector.Options,
    callback: buildConnector.Callback,
  ) => Socket;
  return (options, callback) => {
    const socket = connect(options, callback);
    const timer = setTimeout(() => {
      socket.destroy(new errors.ConnectTimeoutError(`Connect timeout after ${timeoutMs} ms`));
    }, timeoutMs);
    const clear = () => clearTimeout(timer);
    socket.once(options.protocol === 'https:' ? 'secureConnect' : 'connect', clear);
    socket.once('close', clear);
  };
}
