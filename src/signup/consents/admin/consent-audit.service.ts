import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '../../../common/errors/problem.exception';
import { decodeCursor, type Page, pageLimit, toPage } from '../../../common/pagination/pagination';
import { ReceiptService } from '../../../evidence/receipts/receipt.service';
import { contentHash } from '../../terms/terms.service';
import { Terms } from '../../terms/terms.entity';
import { ChainService } from '../chain/chain.service';
import { chainFieldsOf } from '../chain/consent-chain-fields';
import { chainHash, GENESIS_HASH } from '../chain/hash-chain';
import {
  chainNeighbours,
  consentById,
  consentPage,
  type ConsentRecordRow,
  eventsOf,
  toConsentDto,
} from './consents-admin.queries';
import type {
  AcceptedTermsDto,
  AdminConsentDetailDto,
  AdminConsentDto,
  ChainCheckDto,
  ConsentListQueryDto,
  ReceiptDto,
} from './dto/admin-consent.dto';

/** Issuer (`iss`) of consent receipts. */
export const RECEIPT_ISSUER = 'autopay';

/** Search, read and receipts of consent records for admins and auditors. */
@Injectable()
export class ConsentAuditService {
  constructor(
    private readonly em: EntityManager,
    private readonly chain: ChainService,
    private readonly receipts: ReceiptService,
  ) {}

  async list(query: ConsentListQueryDto): Promise<Page<AdminConsentDto>> {
    const limit = pageLimit(query);
    const rows = await consentPage(this.em, query, decodeCursor(query.cursor), limit + 1);
    const events = await eventsOf(
      this.em,
      rows.slice(0, limit).map((r) => r.id),
    );
    return toPage(rows, limit, (row) => toConsentDto(row, events.get(row.id) ?? []));
  }

  /** The record, the exact terms text it names (checked against its hash), its events and its chain position. */
  async get(id: string, merchantScope: string | null = null): Promise<AdminConsentDetailDto> {
    const row = await consentById(this.em, id);
    if (!row || (merchantScope !== null && row.merchant_id !== merchantScope)) throw notFound('Consent', id);
    const [events, terms, chain] = await Promise.all([
      eventsOf(this.em, [id]),
      this.em.fork().findOneOrFail(Terms, { id: row.terms_id }),
      this.checkLinks(row),
    ]);
    return {
      ...toConsentDto(row, events.get(id) ?? []),
      chain,
      terms: this.mapTerms(terms, row.terms_content_sha256),
    };
  }

  /**
   * A signed receipt of the consent's proof. Refused for a record whose chain links do not hold: the service
   * never vouches for evidence that verify would call broken.
   */
  async receipt(id: string, merchantScope: string | null = null): Promise<ReceiptDto> {
    const consent = await this.get(id, merchantScope);
    if (!consent.chain.verified || !consent.terms.content_matches_consent) {
      throw conflict(
        'CONSENT_CHAIN_BROKEN',
        `Consent ${id} does not verify against its chain or its terms; run GET /admin/v1/consents/verify?merchant_id=${consent.merchant_id}.`,
      );
    }
    const linked = consent.events.find((e) => e.type === 'linked_to_token');
    const withdrawn = consent.events.find((e) => e.type === 'withdrawn');
    const receipt = await this.receipts.sign({
      iss: RECEIPT_ISSUER,
      sub: consent.id,
      consent_id: consent.id,
      merchant_id: consent.merchant_id,
      merchant_customer_id: consent.merchant_customer_id,
      session_id: consent.session_id,
      klarna_session_id: consent.klarna_session_id,
      terms_id: consent.terms_id,
      terms_version: consent.terms_version,
      terms_locale: consent.terms_locale,
      terms_content_sha256: consent.terms_content_sha256,
      acceptance_text: consent.acceptance_text,
      channel: consent.channel,
      accepted_at: consent.accepted_at,
      chain_seq: consent.chain.seq,
      chain_prev_hash: consent.chain.prev_hash,
      chain_hash: consent.chain.hash,
      customer_token_id: linked?.customer_token_id ?? null,
      authorization_id: linked?.authorization_id ?? null,
      linked_at: linked?.occurred_at ?? null,
      withdrawn_at: withdrawn?.occurred_at ?? null,
    });
    return { receipt };
  }

  /** Recomputes the record's hash and checks both of its links (to seq - 1 and from seq + 1, or the head). */
  private async checkLinks(row: ConsentRecordRow): Promise<ChainCheckDto> {
    const hashValid =
      chainHash(row.prev_hash, row.seq, chainFieldsOf({ record_type: 'consent', ...row })) === row.hash;
    const neighbours = await chainNeighbours(this.em, row.merchant_id, row.seq);

    const before = neighbours.filter((n) => n.seq === row.seq - 1);
    const after = neighbours.filter((n) => n.seq === row.seq + 1);
    const prevLinkValid =
      row.seq === 1
        ? row.prev_hash === GENESIS_HASH && before.length === 0
        : before.length === 1 && before[0].hash === row.prev_hash;
    let nextLinkValid: boolean;
    if (after.length > 0) {
      nextLinkValid = after.length === 1 && after[0].prev_hash === row.hash;
    } else {
      const head = await this.chain.head(row.merchant_id, this.em.fork());
      nextLinkValid = head !== null && head.seq === row.seq && head.headHash === row.hash;
    }
    return {
      seq: row.seq,
      prev_hash: row.prev_hash,
      hash: row.hash,
      hash_valid: hashValid,
      prev_link_valid: prevLinkValid,
      next_link_valid: nextLinkValid,
      verified: hashValid && prevLinkValid && nextLinkValid,
    };
  }

  private mapTerms(t: Terms, acceptedSha256: string): AcceptedTermsDto {
    const recomputed = contentHash(t);
    return {
      id: t.id,
      key: t.key,
      version: t.version,
      locale: t.locale,
      title: t.title,
      body: t.body,
      intended_use: t.intendedUse,
      scope: { ...t.scope },
      content_sha256: recomputed,
      content_matches_consent: recomputed === acceptedSha256 && t.contentSha256 === acceptedSha256,
      published_at: t.publishedAt?.toISOString() ?? null,
    };
  }
}
