import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The demo backend's cookie: which browser opened which sessions and created which tokens. */
export const DEMO_COOKIE = 'autopay_demo';
/** Browsers remembered at once (oldest forgotten first): the demo is local, this only bounds memory. */
const MAX_BROWSERS = 10_000;

interface BrowserSession {
  sessions: Set<string>;
  tokens: Set<string>;
}

/**
 * Binds what the demo backend does to the browser that asked: a Klarna session opened, and a customer token
 * created, on behalf of one browser session (an HttpOnly, SameSite=Strict cookie) can be used only by it. So
 * the public demo backend cannot be made to charge a token someone else signed up with. In memory: the demo
 * runs as one local process, and a restart only means signing up again.
 */
@Injectable()
export class DemoBrowserSessions {
  private readonly browsers = new Map<string, BrowserSession>();

  /** The caller's browser session, started (and its cookie set) when it has none or an unknown one. */
  current(request: FastifyRequest, reply: FastifyReply): BrowserSession {
    const id = this.cookieOf(request);
    const known = id ? this.browsers.get(id) : undefined;
    if (known) return known;
    const fresh = randomBytes(24).toString('base64url');
    const session: BrowserSession = { sessions: new Set(), tokens: new Set() };
    this.browsers.set(fresh, session);
    if (this.browsers.size > MAX_BROWSERS) this.browsers.delete(this.browsers.keys().next().value!);
    void reply.header('Set-Cookie', `${DEMO_COOKIE}=${fresh}; Path=/demo; HttpOnly; SameSite=Strict`);
    return session;
  }

  /** The caller's browser session if it has one; never starts one. */
  existing(request: FastifyRequest): BrowserSession | undefined {
    const id = this.cookieOf(request);
    return id ? this.browsers.get(id) : undefined;
  }

  private cookieOf(request: FastifyRequest): string | undefined {
    for (const part of (request.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === DEMO_COOKIE) return value.join('=');
    }
    return undefined;
  }
}
