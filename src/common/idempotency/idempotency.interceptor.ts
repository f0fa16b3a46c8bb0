import { EntityManager } from '@mikro-orm/postgresql';
import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, defer, from, lastValueFrom, mergeMap, type Observable, of } from 'rxjs';
import { Clock } from '../clock/clock';
import { EnvelopeCrypto } from '../crypto/envelope-crypto';
import { ENCRYPTED_COLUMNS } from '../crypto/encrypted-columns';
import { sha256OfCanonical } from '../hashing/canonical-json';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyProblem,
  idempotencyKeyReused,
  requestInProgress,
} from './idempotency.problems';
import { claimKey, readKey, recordAnswer, releaseKey } from './idempotency.queries';
import type { HeldKey } from './idempotent-work';

export const IDEMPOTENT_METADATA = 'autopay:idempotent';

export interface IdempotentOptions {
  /** Required where the request can charge (400 naming the header without it); else optional. */
  required: boolean;
  /**
   * The route's work is writes to our own database only (no Klarna call, no charge): it runs in one transaction
   * with its recorded answer, so a crash between the two leaves neither, and a retry after the lease does the
   * work once. Routes that call out commit their own steps and cannot be wrapped.
   */
  atomic?: boolean;
}

/** What Fastify sends for a handler's object (its default serializer is JSON.stringify). */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The associated data a stored answer is bound to: its row (scope and key; neither holds control characters). */
const idempotentAnswerAad = ENCRYPTED_COLUMNS.idempotentAnswer.aad;

/**
 * How long a request holds its key before another request with the same key and body may take over: only after a
 * crash does a holder never answer. Longer than any request (Klarna timeouts and retries included).
 */
const LEASE_MS = 5 * 60_000;

/**
 * The Idempotency-Key semantics of token orders for every other creating POST (routes marked @Idempotent):
 *
 * - the first request with a key claims it (committed before the handler runs, so a second instance sees it);
 * - when the handler succeeds, its answer (status, content type, the exact body bytes) is stored, and a repeat of
 *   the same request gets those bytes with `Idempotent-Replayed: true`;
 * - the same key with another route, resource or body answers 422 `IDEMPOTENCY_KEY_REUSED`;
 * - while the first request runs, a repeat answers 409 `REQUEST_IN_PROGRESS` with Retry-After;
 * - when the handler fails, the key is given back (the routes create nothing on failure), so the caller may
 *   correct the request and send it again with the same key;
 * - `atomic` routes (their work is writes to our database only) run in one transaction with the recorded answer:
 *   a crash between work and answer cannot leave the work done and the key without its answer, which after the
 *   lease would let a retry do the work a second time.
 *
 * Keys share one namespace per caller with token orders (table idempotency_keys) and are kept as long
 * (IDEMPOTENCY_RETENTION_HOURS).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly retentionMs: number;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
    private readonly crypto: EnvelopeCrypto,
    config: ConfigService,
  ) {
    this.retentionMs = config.getOrThrow<number>('orders.idempotencyRetentionMs');
  }

  intercept(context: ExecutionContext, next: CallHandler<unknown>): Observable<unknown> {
    const options = this.reflector.get<IdempotentOptions | undefined>(
      IDEMPOTENT_METADATA,
      context.getHandler(),
    );
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    const key = Array.isArray(header) ? header.join(',') : header;
    if (!options || (key === undefined && !options.required)) return next.handle();
    const problem = idempotencyKeyProblem(key);
    if (problem) throw problem;
    const principal = request.principal;
    if (!principal) throw new Error('@Idempotent used on a route without @Auth');
    const scope = principal.merchantId ?? `platform:${principal.keyId}`;
    const requestHash = sha256OfCanonical({
      method: request.method,
      route: request.routeOptions.url,
      params: request.params ?? {},
      body: request.body ?? null,
    });
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    // Its own entity manager: the key is committed at once, outside any transaction the route opens.
    const em = this.em.fork();
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    return from(this.claim(em, scope, key!, requestHash)).pipe(
      mergeMap((claimed): Observable<unknown> => {
        if ('replay' in claimed) {
          const { replay } = claimed;
          void reply
            .status(replay.status)
            .header('Content-Type', replay.contentType)
            .header('Idempotent-Replayed', 'true');
          return of(replay.body);
        }
        const remember = async (target: EntityManager, result: unknown): Promise<unknown> => {
          const body = this.crypto.encrypt(JSON.stringify(result), idempotentAnswerAad(scope, key!));
          await recordAnswer(target, [scope, key!, status, JSON_CONTENT_TYPE, body]);
          return result;
        };
        // The key is given back only when nothing was created (the handler, or the atomic transaction, failed).
        const release = async (error: unknown): Promise<never> => {
          await releaseKey(em, scope, key!);
          throw error;
        };
        if (options.atomic) {
          return defer(() =>
            // The handler's services resolve the injected EntityManager to this transaction (next.handle() binds
            // the handler to the current async context), so their writes commit with the answer or not at all.
            this.em.transactional(async (tx) =>
              remember(tx, await lastValueFrom(next.handle(), { defaultValue: undefined })),
            ),
          ).pipe(catchError(release));
        }
        // The work commits on its own. If its answer cannot be recorded, the key stays held (a retry gets 409
        // until the lease ends) rather than being given back for a second run of committed work; the retry that
        // takes the key over then learns what was created (@HeldIdempotencyKey).
        const held: HeldKey = { scope, key: key!, earlier: claimed.earlier };
        request.heldIdempotencyKey = held;
        return next.handle().pipe(
          catchError(release),
          mergeMap((result) => remember(em, result)),
        );
      }),
    );
  }

  /**
   * `earlier` when this request now holds the key (what a crashed earlier holder created, or null); the stored
   * answer for a replay; else throws 409 or 422.
   */
  private async claim(
    em: EntityManager,
    scope: string,
    key: string,
    requestHash: string,
  ): Promise<{ earlier: string | null } | { replay: { status: number; contentType: string; body: string } }> {
    // A key released between our claim and our read is claimed again; a few rounds are plenty.
    for (let round = 0; round < 3; round++) {
      const now = this.clock.now();
      const claimed = await claimKey(em, [
        scope,
        key,
        requestHash,
        now,
        new Date(now.getTime() + this.retentionMs),
        new Date(now.getTime() + LEASE_MS),
      ]);
      if (claimed) return { earlier: claimed.resource_id };
      const row = await readKey(em, scope, key);
      if (!row) continue;
      if (row.request_hash !== requestHash) throw idempotencyKeyReused();
      if (row.response_status !== null && row.response_body_enc !== null) {
        return {
          replay: {
            status: row.response_status,
            contentType: row.response_content_type!,
            body: this.crypto.decrypt(row.response_body_enc, idempotentAnswerAad(scope, key)),
          },
        };
      }
      const until = row.locked_until ? new Date(row.locked_until).getTime() : now.getTime() + 1000;
      throw requestInProgress(Math.min(60, Math.max(1, Math.ceil((until - now.getTime()) / 1000))));
    }
    throw requestInProgress(1);
  }
}
