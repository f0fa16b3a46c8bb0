import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CustomerToken, type CustomerTokenStatus } from '../../signup/customer-tokens/customer-token.entity';
import { CustomerTokensService } from '../../signup/customer-tokens/customer-tokens.service';
import {
  type TokenStopHook,
  TokenStopHooks,
  type TokenStopReason,
} from '../../signup/customer-tokens/token-stop-hooks';
import { SubscriptionTransitions } from './subscription-transitions';

/**
 * Klarna sends no token webhooks: what Klarna says about a token is learnt by reading it (the reconciliation
 * job, the check before a charge, `GET /v1/customer-tokens/{id}?refresh=true`) or from a refused charge. Our token
 * record with its `customer_token.*` event is written by CustomerTokensService, which calls this class (a
 * TokenStopHook) in the same transaction: a canceled token (by the merchant, the consumer's withdrawal, Klarna)
 * cancels the token's subscriptions, a suspended one halts them, active again resumes what the suspension halted.
 */
@Injectable()
export class TokenReconciliation implements TokenStopHook, OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: CustomerTokensService,
    private readonly transitions: SubscriptionTransitions,
    private readonly stopHooks: TokenStopHooks,
  ) {}

  onModuleInit(): void {
    this.stopHooks.register(this);
  }

  async tokenStopped(em: EntityManager, customerTokenId: string, reason: TokenStopReason): Promise<void> {
    await this.transitions.stopForToken(em, customerTokenId, reason);
  }

  async tokenActiveAgain(em: EntityManager, customerTokenId: string): Promise<void> {
    await this.transitions.resumeForToken(em, customerTokenId);
  }

  /** Reads the token at Klarna (outside any transaction) and applies the answer; returns our status after. */
  async check(customerTokenId: string): Promise<CustomerTokenStatus> {
    const em = this.em.fork();
    const token = await em.findOneOrFail(
      CustomerToken,
      { id: customerTokenId },
      { populate: ['klarnaTokenEnc'] },
    );
    const read = await this.tokens.readAtKlarna(token, em);
    return this.apply(customerTokenId, read);
  }

  async apply(
    customerTokenId: string,
    read: { status: string; paymentMethodType?: string },
  ): Promise<CustomerTokenStatus> {
    return this.em.fork().transactional(async (em) => {
      const token = await em.findOneOrFail(
        CustomerToken,
        { id: customerTokenId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const { current } = await this.tokens.applyKlarnaStatus(token, read, em);
      if (current === 'suspended' || current === 'canceled') {
        // The hooks ran if the status changed; this covers a token recorded as stopped before they existed.
        await this.transitions.stopForToken(em, token.id, `token_${current}`);
      }
      await em.flush();
      return current;
    });
  }
}
