import { createServer, type Server, type Socket, connect } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a real server (PostgreSQL in the tests), so that a test can take the
 * network away from the app and give it back, as an outage does. `cut('reset')` drops every open connection
 * and resets each new one (the server is reachable but goes away: ECONNRESET, "Connection terminated");
 * `cut('refuse')` drops them and closes the port (nothing listens: ECONNREFUSED). `restore()` listens again on
 * the same port and forwards as before.
 */
export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  cut(mode?: 'reset' | 'refuse'): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let cut = false;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
  };
  const handle = (client: Socket) => {
    track(client);
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect({ host: targetHost, port: targetPort });
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server: Server = createServer(handle);
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const dropAll = () => {
    for (const socket of open) socket.resetAndDestroy();
    open.clear();
  };
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));

  return {
    port,
    rewrite: (url) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut: async (mode = 'reset') => {
      cut = true;
      dropAll();
      if (mode === 'refuse' && server.listening) await closeServer();
    },
    restore: async () => {
      cut = false;
      if (!server.listening) {
        server = createServer(handle);
        await listen(port);
      }
    },
    close: async () => {
      dropAll();
      if (server.listening) await closeServer();
    },
  };
}
