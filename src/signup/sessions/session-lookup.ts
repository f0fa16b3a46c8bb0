import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, notFound } from '../../common/errors/problem.exception';
import { Session } from './session.entity';

/**
 * Session access for the modules around a session (consents, authorizations, customer tokens) without a Nest
 * module dependency on SessionsModule, which itself depends on authorizations.
 */
export async function loadOwnedSession(em: EntityManager, merchantId: string, id: string): Promise<Session> {
  const session = await em.findOne(Session, { id, merchant: merchantId }, { populate: ['clientTokenEnc'] });
  if (!session) throw notFound('Session', id);
  return session;
}

export function sessionStatus(session: Session, now: Date): 'open' | 'completed' | 'expired' {
  if (session.status === 'completed') return 'completed';
  return session.expiresAt <= now ? 'expired' : 'open';
}

/** 409 SESSION_COMPLETED or SESSION_EXPIRED unless the session can still change. */
export function requireOpenSession(session: Session, now: Date): void {
  const status = sessionStatus(session, now);
  if (status === 'completed') {
    throw conflict('SESSION_COMPLETED', `Session ${session.id} is completed: its customer token exists.`);
  }
  if (status === 'expired') {
    throw conflict('SESSION_EXPIRED', `Session ${session.id} expired at ${session.expiresAt.toISOString()}.`);
  }
}
