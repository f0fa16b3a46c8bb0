import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerToken, type CustomerTokenStatus } from '../../signup/customer-tokens/customer-token.entity';
import { CustomerTokensService } from '../../signup/customer-tokens/customer-tokens.service';
import { SubscriptionTransitions } from './subscription-transitions';

/**
 * Klarna sends no token webhooks: what Klarna says about a token is learnt by reading it (the reconciliation
 * job, the check before a charge) or from a refused charge. Either way it is applied here, in one transaction:
 * our token record with its `customer_token.*` event (CustomerTokensService), and the token's subscriptions halted (or resumed when a
 * suspended token is active again).
 */
@Injectable()
export class TokenReconciliation {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: CustomerTokensService,
    private readonly transitions: SubscriptionTransitions,
  ) {}

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
      const { previous, current } = await this.tokens.applyKlarnaStatus(token, read, em);
      if (current === 'suspended' || current === 'cancelled') {
        // Also when our record already said so (e.g. a refresh through the API): no subscription stays active.
        await this.transitions.haltForToken(em, token.id, `token_${current}`);
      } else if (current === 'active' && previous === 'suspended') {
        await this.transitions.resumeForToken(em, token.id);
      }
      await em.flush();
      return current;
    });
  }
}
