import { Readable } from 'node:stream';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import {
  consentPage,
  type ConsentEventRecordRow,
  type ConsentRecordRow,
  eventsOf,
  toConsentDto,
} from './consent-records';
import type { ConsentExportQueryDto, ConsentFilterDto } from './dto/admin-consent.dto';

/** Rows per database read, and per chunk handed to the response (smaller, so little is buffered ahead). */
const BATCH = 1000;
const CHUNK = 250;

/** CSV columns, in order: the record, its chain position, and what its events say. */
export const CSV_COLUMNS = [
  'id',
  'merchant_id',
  'session_id',
  'klarna_session_id',
  'merchant_customer_id',
  'terms_id',
  'terms_version',
  'terms_locale',
  'terms_content_sha256',
  'accepted',
  'acceptance_text',
  'ip_address',
  'user_agent',
  'channel',
  'locale',
  'accepted_at',
  'seq',
  'prev_hash',
  'hash',
  'customer_token_id',
  'authorization_id',
  'linked_at',
  'withdrawn_at',
] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled. Values are exported
 * exactly as recorded (no spreadsheet-formula defusing): this is evidence, and it must match its hash.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(c: ConsentRecordRow, events: ConsentEventRecordRow[]): string {
  const dto = toConsentDto(c, events);
  const linked = dto.events.find((e) => e.type === 'linked_to_token');
  const withdrawn = dto.events.find((e) => e.type === 'withdrawn');
  const flat: Record<string, string | number | boolean | null> = {
    ...dto,
    ...dto.chain,
    authorization_id: linked?.authorization_id ?? null,
    linked_at: linked?.occurred_at ?? null,
    withdrawn_at: withdrawn?.occurred_at ?? null,
  } as unknown as Record<string, string | number | boolean | null>;
  return `${CSV_COLUMNS.map((k) => csvField(flat[k])).join(',')}\r\n`;
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
      for (let i = 0; i < rows.length; i += CHUNK) {
        let out = '';
        for (const row of rows.slice(i, i + CHUNK)) out += csvLine(row, events.get(row.id) ?? []);
        yield out;
      }
    }
  }

  private async *ndjson(filter: ConsentFilterDto): AsyncGenerator<string> {
    for await (const { rows, events } of this.batches(filter)) {
      for (let i = 0; i < rows.length; i += CHUNK) {
        let out = '';
        for (const row of rows.slice(i, i + CHUNK)) {
          out += `${JSON.stringify(toConsentDto(row, events.get(row.id) ?? []))}\n`;
        }
        yield out;
      }
    }
  }

  private async *batches(
    filter: ConsentFilterDto,
  ): AsyncGenerator<{ rows: ConsentRecordRow[]; events: Map<string, ConsentEventRecordRow[]> }> {
    // Its own EntityManager: the stream is read after the request handler has returned.
    const em = this.em.fork();
    let after: string | undefined;
    for (;;) {
      const rows = await consentPage(em, filter, after, BATCH);
      if (rows.length === 0) return;
      const events = await eventsOf(
        em,
        rows.map((r) => r.id),
      );
      yield { rows, events };
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1].id;
    }
  }
}
