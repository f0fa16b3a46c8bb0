import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock';
import { decodeCursor, encodeCursor, type Page, pageLimit } from '../../../common/pagination/pagination';
import { appendToChain, type ChainLink } from './append-to-chain';
import { ChainHead } from './chain-head.entity';
import type { ChainHeadDto, ChainHeadQueryDto } from './dto/chain-head.dto';
import type { ChainFields, ChainHeadRef } from './hash-chain';

@Injectable()
export class ChainService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** {@link appendToChain} with the service clock; call it inside the transaction that inserts the record. */
  append(em: EntityManager, merchantId: string, fields: ChainFields): Promise<ChainLink> {
    return appendToChain(em, merchantId, fields, this.clock.now());
  }

  /** The current head of one merchant (seq 0 and the genesis hash when it has no record yet), for verify. */
  async head(merchantId: string, em: EntityManager = this.em): Promise<ChainHeadRef | null> {
    const head = await em.findOne(ChainHead, { merchantId });
    return head ? { seq: head.seq, headHash: head.headHash } : null;
  }

  async list(query: ChainHeadQueryDto): Promise<Page<ChainHeadDto>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor);
    const where =
      query.merchant_id !== undefined
        ? { merchantId: query.merchant_id }
        : after
          ? { merchantId: { $gt: after } }
          : {};
    const rows = await this.em.find(ChainHead, where, { orderBy: { merchantId: 'asc' }, limit: limit + 1 });
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return {
      data: page.map((h) => this.map(h)),
      next_cursor: more ? encodeCursor(page[page.length - 1].merchantId) : null,
    };
  }

  /** Every head, in merchant order, read in batches (constant memory whatever the number of merchants). */
  async *allHeads(em: EntityManager, batchSize = 500): AsyncGenerator<ChainHeadDto> {
    let after = '';
    for (;;) {
      const rows = await em.find(
        ChainHead,
        { merchantId: { $gt: after } },
        { orderBy: { merchantId: 'asc' }, limit: batchSize },
      );
      for (const row of rows) yield this.map(row);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].merchantId;
      em.clear();
    }
  }

  private map(h: ChainHead): ChainHeadDto {
    return {
      merchant_id: h.merchantId,
      seq: h.seq,
      head_hash: h.headHash,
      updated_at: h.updatedAt.toISOString(),
    };
  }
}
