import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/**
 * Why a token can no longer be charged: the merchant (or Klarna, or the consumer in the Klarna app) canceled it,
 * the consumer withdrew the consent (which cancels the token), or Klarna suspended it (it may come back).
 */
export type TokenStopReason = 'token_canceled' | 'consent_withdrawn' | 'token_suspended';

/**
 * What another module does when a token stops or comes back (the subscriptions module stops and resumes the
 * token's subscriptions). Called inside the transaction that records the token's new status, after the token row
 * is written: write with `em`, never commit, never call Klarna.
 */
export interface TokenStopHook {
  tokenStopped(em: EntityManager, customerTokenId: string, reason: TokenStopReason): Promise<void>;
  tokenActiveAgain(em: EntityManager, customerTokenId: string): Promise<void>;
}

/**
 * The hooks registered by modules that depend on customer tokens, so that signup calls them without importing
 * them (subscriptions register on module init).
 */
@Injectable()
export class TokenStopHooks {
  private readonly hooks: TokenStopHook[] = [];

  register(hook: TokenStopHook): void {
    if (!this.hooks.includes(hook)) this.hooks.push(hook);
  }

  async stopped(em: EntityManager, customerTokenId: string, reason: TokenStopReason): Promise<void> {
    for (const hook of this.hooks) await hook.tokenStopped(em, customerTokenId, reason);
  }

  async activeAgain(em: EntityManager, customerTokenId: string): Promise<void> {
    for (const hook of this.hooks) await hook.tokenActiveAgain(em, customerTokenId);
  }
}
