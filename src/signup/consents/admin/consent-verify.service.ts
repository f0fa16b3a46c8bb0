import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { notFound } from '../../../common/errors/problem.exception';
import { Merchant } from '../../../merchants/merchant.entity';
import { ChainService } from '../chain/chain.service';
import { toChainRow } from '../chain/consent-chain-fields';
import { chainRowsAfter } from '../chain/chain.queries';
import { ChainVerifier, GENESIS_HASH, type VerifyResult } from '../chain/hash-chain';
import { merchantIdsAfter } from './consents-admin.queries';
import type { BrokenChainDto, VerifyReportDto } from './dto/admin-consent.dto';

const BATCH = 5000;
const MERCHANT_PAGE = 200;
/** Merchants checked at once: overlaps one chain's database reads with another's hashing. */
const CONCURRENCY = 4;
const MAX_BROKEN_LISTED = 100;
/** A merchant without a head row has no chain yet: any record found is one too many. */
const GENESIS_HEAD = { seq: 0, headHash: GENESIS_HASH };

/** Recomputes merchants' chains of consents and consent events, reading each in keyset batches. */
@Injectable()
export class ConsentVerifyService {
  constructor(
    private readonly em: EntityManager,
    private readonly chain: ChainService,
  ) {}

  async verify(merchantId?: string): Promise<VerifyReportDto> {
    const results: Array<{ merchantId: string; result: VerifyResult }> = [];
    if (merchantId !== undefined) {
      if (!(await this.em.fork().findOne(Merchant, { id: merchantId })))
        throw notFound('Merchant', merchantId);
      results.push({ merchantId, result: await this.verifyMerchant(merchantId) });
    } else {
      for await (const ids of this.merchantPages()) {
        let next = 0;
        const page = new Array<{ merchantId: string; result: VerifyResult }>(ids.length);
        const worker = async () => {
          while (next < ids.length) {
            const i = next++;
            page[i] = { merchantId: ids[i], result: await this.verifyMerchant(ids[i]) };
          }
        };
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
        results.push(...page);
      }
    }
    const broken: BrokenChainDto[] = results
      .filter((r) => !r.result.ok)
      .map((r) => ({
        merchant_id: r.merchantId,
        first_broken_id: r.result.first_broken_id,
        first_broken_seq: r.result.first_broken_seq,
        reason: r.result.reason!,
      }));
    const first = broken[0];
    return {
      ok: broken.length === 0,
      records_checked: results.reduce((n, r) => n + r.result.records_checked, 0),
      merchants_checked: results.length,
      first_broken_id: first?.first_broken_id ?? null,
      first_broken_seq: first?.first_broken_seq ?? null,
      merchant_id: first?.merchant_id ?? null,
      reason: first?.reason ?? null,
      broken: broken.slice(0, MAX_BROKEN_LISTED),
    };
  }

  /**
   * One merchant's chain up to its recorded head (records committed after the head was read are not looked
   * at). Without a head row, the chain must be empty: records without a head are reported.
   */
  async verifyMerchant(merchantId: string): Promise<VerifyResult> {
    const em = this.em.fork();
    const head = await this.chain.head(merchantId, em);
    const until = head?.seq ?? Number.MAX_SAFE_INTEGER;
    // The keyset batches of chainRowsInBatches, fed to the verifier a batch at a time rather than through an
    // async iterator: one promise per row is a real cost over millions of rows (async hooks are on).
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const rows = await chainRowsAfter(em, merchantId, after, BATCH);

      for (const row of rows) {
        if (row.seq > until || !verifier.push(toChainRow(row))) return verifier.result(head ?? GENESIS_HEAD);
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].seq;
    }
    return verifier.result(head ?? GENESIS_HEAD);
  }

  /** Merchant ids in pages (every merchant, with or without consents). */
  private async *merchantPages(): AsyncGenerator<string[]> {
    let after = '';
    for (;;) {
      const rows = await merchantIdsAfter(this.em, after, MERCHANT_PAGE);

      if (rows.length > 0) yield rows.map((r) => r.id);
      if (rows.length < MERCHANT_PAGE) return;
      after = rows[rows.length - 1].id;
    }
  }
}
