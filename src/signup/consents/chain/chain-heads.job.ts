import { ConfigService } from '@nestjs/config';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PeriodicJob } from '../../../common/jobs/periodic-job';
import type { AppConfig } from '../../../config/app-config';
import { ChainService } from './chain.service';

/**
 * Writes every merchant's chain head to the log at a fixed interval. Logs are shipped outside the database, so
 * a head recorded there proves later that no suffix of the chain was removed or rewritten (verify compares the
 * chain with the head it is given). Every instance logs; duplicate lines are harmless.
 */
@Injectable()
export class ChainHeadsLogJob extends PeriodicJob {
  readonly name = 'consent-chain-heads-log';
  readonly intervalMs: number;

  constructor(
    scheduler: SchedulerRegistry,
    config: ConfigService<AppConfig, true>,
    private readonly em: EntityManager,
    private readonly chain: ChainService,
  ) {
    super(scheduler, config.getOrThrow('jobs', { infer: true }).enabled);
    this.intervalMs = config.getOrThrow('consents', { infer: true }).chainHeadLogIntervalMs;
  }

  async runOnce(): Promise<number> {
    let logged = 0;
    for await (const head of this.chain.allHeads(this.em.fork())) {
      this.logger.log({ event: 'consent_chain_head', ...head }, 'consent chain head');
      logged++;
    }
    return logged;
  }
}
