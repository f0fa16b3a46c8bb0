import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { isUniqueViolation } from '../../common/database/errors';
import {
  type FieldError,
  notFound,
  ProblemException,
  validationProblem,
} from '../../common/errors/problem.exception';
import { sha256OfCanonical } from '../../common/hashing/canonical-json';
import { newId } from '../../common/ids';
import { decodeCursor, type Page, pageLimit, toPage } from '../../common/pagination/pagination';
import { Merchant } from '../../merchants/merchant.entity';
import type { CreateTermsDto, TermsDto, TermsQueryDto, TermsScopeDto, UpdateTermsDto } from './dto/terms.dto';
import { type IntendedUse, Terms, type TermsScope } from './terms.entity';

const VERSION_ATTEMPTS = 3;

@Injectable()
export class TermsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async create(merchantId: string, input: CreateTermsDto): Promise<TermsDto> {
    const scope = checkScope(input.intended_use, input.scope);
    const key = input.key ?? 'default';
    // Two concurrent creates may pick the same next version; the unique constraint decides and we try again. Each
    // attempt is a transaction of its own, or a savepoint inside the caller's (an Idempotency-Key's, which commits
    // the answer with the terms), so a lost race rolls back only that attempt.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.em.transactional(async (em) => {
          const latest = await em.findOne(
            Terms,
            { merchant: merchantId, key, locale: input.locale },
            { orderBy: { version: 'desc' }, fields: ['version'] },
          );
          const now = this.clock.now();
          const terms = em.create(Terms, {
            id: newId('trm', this.clock.nowMs()),
            merchant: em.getReference(Merchant, merchantId),
            key,
            locale: input.locale,
            version: (latest?.version ?? 0) + 1,
            status: 'draft',
            title: input.title,
            body: input.body,
            intendedUse: input.intended_use,
            scope,
            autoCapture: input.auto_capture ?? null,
            contentSha256: '',
            createdAt: now,
            updatedAt: now,
          });
          terms.contentSha256 = contentHash(terms);
          await em.flush();
          return this.map(terms);
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= VERSION_ATTEMPTS) throw error;
      }
    }
  }

  async update(merchantId: string, id: string, input: UpdateTermsDto): Promise<TermsDto> {
    const terms = await this.load(merchantId, id);
    if (terms.status === 'published') {
      const fields = Object.keys(input).filter((field) => input[field as keyof UpdateTermsDto] !== undefined);
      throw new ProblemException({
        status: 409,
        code: 'TERMS_PUBLISHED',
        title: 'Conflict',
        detail:
          `Terms ${id} are published and never change` +
          (fields.length > 0 ? ` (${fields.join(', ')})` : '') +
          '; create a new version with POST /v1/terms.',
        errors: fields.map((field) => ({ field, message: 'cannot change once published' })),
      });
    }
    const intendedUse = input.intended_use ?? terms.intendedUse;
    terms.scope = checkScope(intendedUse, input.scope ?? terms.scope);
    terms.intendedUse = intendedUse;
    terms.title = input.title ?? terms.title;
    terms.body = input.body ?? terms.body;
    if (input.auto_capture !== undefined) terms.autoCapture = input.auto_capture;
    terms.contentSha256 = contentHash(terms);
    terms.updatedAt = this.clock.now();
    await this.em.flush();
    return this.map(terms);
  }

  async publish(merchantId: string, id: string): Promise<TermsDto> {
    const terms = await this.load(merchantId, id);
    if (terms.status !== 'published') {
      terms.status = 'published';
      terms.publishedAt = this.clock.now();
      terms.updatedAt = terms.publishedAt;
      await this.em.flush();
    }
    return this.map(terms);
  }

  async get(merchantId: string, id: string): Promise<TermsDto> {
    return this.map(await this.load(merchantId, id));
  }

  async list(merchantId: string, query: TermsQueryDto): Promise<Page<TermsDto>> {
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      Terms,
      {
        merchant: merchantId,
        ...(query.key ? { key: query.key } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    return toPage(rows, limit, (t) => this.map(t));
  }

  async load(merchantId: string, id: string, em: EntityManager = this.em): Promise<Terms> {
    const terms = await em.findOne(Terms, { id, merchant: merchantId });
    if (!terms) throw notFound('Terms', id);
    return terms;
  }

  /** A published version of this merchant, or null (unknown, draft or another merchant's). */
  async findPublished(merchantId: string, id: string, em: EntityManager = this.em): Promise<Terms | null> {
    return em.findOne(Terms, { id, merchant: merchantId, status: 'published' });
  }

  map(t: Terms): TermsDto {
    return {
      id: t.id,
      key: t.key,
      version: t.version,
      status: t.status,
      locale: t.locale,
      title: t.title,
      body: t.body,
      intended_use: t.intendedUse,
      scope: { ...t.scope },
      content_sha256: t.contentSha256,
      auto_capture: t.autoCapture ?? null,
      created_at: t.createdAt.toISOString(),
      published_at: t.publishedAt?.toISOString() ?? null,
    };
  }
}

/**
 * The hash covers exactly what the consumer sees and agrees to, nothing about our bookkeeping; so not the capture
 * policy (`auto_capture`), which decides only when the merchant collects an authorized charge.
 */
export function contentHash(t: Pick<Terms, 'title' | 'body' | 'locale' | 'intendedUse' | 'scope'>): string {
  return sha256OfCanonical({
    title: t.title,
    body: t.body,
    locale: t.locale,
    intended_use: t.intendedUse,
    scope: t.scope,
  });
}

function checkScope(intendedUse: IntendedUse, scope: TermsScopeDto | TermsScope): TermsScope {
  const errors: FieldError[] = [];
  if (intendedUse === 'SUBSCRIPTION' && !scope.interval) {
    errors.push({ field: 'scope.interval', message: 'is required for SUBSCRIPTION terms' });
  }
  if (intendedUse === 'ON_DEMAND' && (scope.interval || scope.interval_count)) {
    errors.push({
      field: scope.interval ? 'scope.interval' : 'scope.interval_count',
      message: 'is not allowed for ON_DEMAND terms',
    });
  }
  if (errors.length > 0) throw validationProblem(errors);
  return {
    currency: scope.currency,
    max_order_amount: scope.max_order_amount,
    ...(scope.interval ? { interval: scope.interval, interval_count: scope.interval_count ?? 1 } : {}),
  };
}
