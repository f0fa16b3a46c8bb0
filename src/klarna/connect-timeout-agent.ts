import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { Duplex } from 'node:stream';

/** Destroys a socket that has not connected (TCP, and TLS for https) within `timeoutMs`. */
function armConnectTimer<T extends Duplex | null | undefined>(
  socket: T,
  timeoutMs: number,
  readyEvent: string,
): T {
  if (!(socket instanceof net.Socket) || !socket.connecting) return socket;
  const timer = setTimeout(() => {
    const error = Object.assign(new Error(`Connect timeout after ${timeoutMs} ms`), {
      code: 'KLARNA_CONNECT_TIMEOUT',
    });
    socket.destroy(error);
  }, timeoutMs);
  const clear = () => clearTimeout(timer);
  socket.once(readyEvent, clear);
  socket.once('close', clear);
  return socket;
}

/**
 * axios' `timeout` is an idle timer on an established socket, not a connect timeout; these agents add one.
 * Reused keep-alive sockets are already connected and are not affected.
 */
export class ConnectTimeoutHttpAgent extends http.Agent {
  constructor(
    private readonly connectTimeoutMs: number,
    options?: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(
    options: http.ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    return armConnectTimer(super.createConnection(options, callback), this.connectTimeoutMs, 'connect');
  }
}

export class ConnectTimeoutHttpsAgent extends https.Agent {
  constructor(
    private readonly connectTimeoutMs: number,
    options?: https.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    return armConnectTimer(super.createConnection(options, callback), this.connectTimeoutMs, 'secureConnect');
  }
}
