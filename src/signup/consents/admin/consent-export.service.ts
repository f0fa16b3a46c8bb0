import { Readable } from 'node:stream';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock';
import {
  consentPage,
  type ConsentEventRecordRow,
  type ConsentRecordRow,
  eventsOf,
  toConsentDto,
} from './consents-admin.queries';
import type { ConsentExportQueryDto, ConsentFilterDto } from './dto/admin-consent.dto';

/**
 * Rows per database read, each batch handed to the response as one chunk. Small, so that little stays alive
 * across the awaits of sending: what does is promoted to V8's old space and only a full collection frees it.
 */
const BATCH = 250;

type CsvValue = string | number | boolean | null;
type Linked = ConsentEventRecordRow | undefined;

/**
 * CSV columns in order, each with what it holds: the record, its chain position, and what its events say.
 * Written straight from the row (no intermediate objects): an export of a million rows feels every allocation.
 */
const CSV: ReadonlyArray<
  readonly [string, (c: ConsentRecordRow, linked: Linked, withdrawn: Linked) => CsvValue]
> = [
  ['id', (c) => c.id],
  ['merchant_id', (c) => c.merchant_id],
  ['session_id', (c) => c.session_id],
  ['klarna_session_id', (c) => c.klarna_session_id],
  ['merchant_customer_id', (c) => c.merchant_customer_id],
  ['terms_id', (c) => c.terms_id],
  ['terms_version', (c) => c.terms_version],
  ['terms_locale', (c) => c.terms_locale],
  ['terms_content_sha256', (c) => c.terms_content_sha256],
  ['accepted', (c) => c.accepted],
  ['acceptance_text', (c) => c.acceptance_text],
  ['ip_address', (c) => c.ip_address],
  ['user_agent', (c) => c.user_agent],
  ['channel', (c) => c.channel],
  ['locale', (c) => c.locale],
  ['accepted_at', (c) => c.accepted_at],
  ['seq', (c) => c.seq],
  ['prev_hash', (c) => c.prev_hash],
  ['hash', (c) => c.hash],
  ['customer_token_id', (_, linked) => linked?.customer_token_id ?? null],
  ['authorization_id', (_, linked) => linked?.authorization_id ?? null],
  ['linked_at', (_, linked) => linked?.occurred_at ?? null],
  ['withdrawn_at', (_, __, withdrawn) => withdrawn?.occurred_at ?? null],
];

export const CSV_COLUMNS: readonly string[] = CSV.map(([name]) => name);

const NEEDS_QUOTES = /[",\r\n]/;
/** What makes a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled. A string that begins
 * with `=`, `+`, `-`, `@`, tab or carriage return (merchant_customer_id, acceptance_text and user_agent come
 * from the merchant) is neutralised as OWASP recommends: a `'` is put in front and the field is quoted, so that
 * a spreadsheet shows it as text instead of running it. Only the CSV does this; NDJSON and the API keep the
 * exact recorded values, which are what the hash chain and the receipts cover.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvLine(c: ConsentRecordRow, events: ConsentEventRecordRow[]): string {
  let linked: Linked;
  let withdrawn: Linked;
  for (const e of events) {
    if (e.type === 'linked_to_token') linked ??= e;
    else if (e.type === 'withdrawn') withdrawn ??= e;
  }
  let line = '';
  for (let i = 0; i < CSV.length; i++) line += (i > 0 ? ',' : '') + csvField(CSV[i][1](c, linked, withdrawn));
  return `${line}\r\n`;
}

export interface ConsentExport {
  stream: Readable;
  contentType: string;
  filename: string;
}

/**
 * Exports consent records in constant memory: keyset batches, one batch in memory at a time, and the next
 * batch is read only when the response has taken the previous one (the Readable pulls, Fastify pipes with
 * backpressure). Newest first, like the list.
 */
@Injectable()
export class ConsentExportService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  export(query: ConsentExportQueryDto): ConsentExport {
    const { format, ...filter } = query;
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    const chunks = format === 'csv' ? this.csv(filter) : this.ndjson(filter);
    return {
      // One chunk (a batch of lines) buffered ahead at most.
      stream: Readable.from(chunks, { objectMode: false, highWaterMark: 1 }),
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      filename: `consents-${stamp}.${format}`,
    };
  }

  private async *csv(filter: ConsentFilterDto): AsyncGenerator<string> {
    yield `${CSV_COLUMNS.join(',')}\r\n`;
    for await (const { rows, events } of this.batches(filter)) {
      let out = '';
      for (const row of rows) out += csvLine(row, events.get(row.id) ?? []);
      yield out;
    }
  }

  private async *ndjson(filter: ConsentFilterDto): AsyncGenerator<string> {
    for await (const { rows, events } of this.batches(filter)) {
      let out = '';
      for (const row of rows) out += `${JSON.stringify(toConsentDto(row, events.get(row.id) ?? []))}\n`;
      yield out;
    }
  }

  /**
   * Keyset batches, the next one read while the current one is serialized and sent (at most two in memory):
   * the database and the event loop work at the same time.
   */
  private async *batches(
    filter: ConsentFilterDto,
  ): AsyncGenerator<{ rows: ConsentRecordRow[]; events: Map<string, ConsentEventRecordRow[]> }> {
    // Its own EntityManager: the stream is read after the request handler has returned.
    const em = this.em.fork();
    const read = async (after: string | undefined) => {
      const rows = await consentPage(em, filter, after, BATCH);
      return {
        rows,
        events: await eventsOf(
          em,
          rows.map((r) => r.id),
        ),
      };
    };
    let next: ReturnType<typeof read> | null = read(undefined);
    while (next) {
      const batch: Awaited<ReturnType<typeof read>> = await next;
      next = batch.rows.length === BATCH ? read(batch.rows[batch.rows.length - 1].id) : null;
      // If the client goes away, nobody awaits the read ahead: keep its failure from going unhandled.
      next?.catch(() => undefined);
      if (batch.rows.length > 0) yield batch;
    }
  }
}
