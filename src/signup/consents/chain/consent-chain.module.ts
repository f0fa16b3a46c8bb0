import { Module } from '@nestjs/common';
import { ChainHeadsController } from './chain-heads.controller';
import { ChainHeadsLogJob } from './chain-heads.job';
import { ChainService } from './chain.service';

/** The per-merchant hash chain of consent records: appending, heads, and their periodic publication. */
@Module({
  controllers: [ChainHeadsController],
  providers: [ChainService, ChainHeadsLogJob],
  exports: [ChainService],
})
export class ConsentChainModule {}
