import type { Client } from 'pg';
import type { ChainedRecord } from '../../src/signup/consents/chain/consent-chain-fields';
import type { ChainFields } from '../../src/signup/consents/chain/hash-chain';

export interface SeedLib {
  chainFieldsOf(record: ChainedRecord): ChainFields;
  chainHash(prevHash: string, seq: number, fields: ChainFields): string;
  GENESIS_HASH: string;
  newId(prefix: string, nowMs?: number): string;
}

export interface SeedOptions {
  merchantId: string;
  session: { id: string; klarna_session_id: string };
  terms: { id: string; version: number; locale: string; content_sha256: string };
  count: number;
  startMs: number;
  stepMs?: number;
  customers?: number;
  batchSize?: number;
}

export function seedConsents(
  db: Client,
  lib: SeedLib,
  opts: SeedOptions,
): Promise<{ seq: number; headHash: string }>;
