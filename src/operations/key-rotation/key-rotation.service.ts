import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { ENCRYPTED_COLUMN_LIST, type EncryptedColumn } from '../../common/crypto/encrypted-columns';
import { EnvelopeCrypto } from '../../common/crypto/envelope-crypto';
import { countStaleSecrets, lockStaleSecrets, writeSecret } from './key-rotation.queries';

export interface RotationReport {
  table: string;
  column: string;
  rotated: number;
  /** Locked by a running transaction during every pass; run the command again. */
  skipped: number;
  /** Could not be authenticated (altered, or bound to another row): left as they are. Keys joined by `/`. */
  failed: string[];
}

const BATCH = 500;

/**
 * Re-wraps every value of every encrypted column (the registry in common/crypto/encrypted-columns, which every
 * writer takes its associated data from) under the active master key, online: batches of 500 rows, each in its
 * own short transaction, claimed with SKIP LOCKED so live traffic is never blocked. Idempotent: rows already under
 * the active key are not selected. Afterwards no row needs the old key, which can then be removed.
 */
/** Where a rotation stands in one column: rows handled so far of those under an old key at its start. */
export interface RotationProgress {
  column: string;
  done: number;
  total: number;
}

@Injectable()
export class KeyRotationService {
  private readonly logger = new Logger(KeyRotationService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly crypto: EnvelopeCrypto,
  ) {}

  /** Rotates every registered column; `onProgress` hears of each column's start and of every batch written. */
  async rotateAll(onProgress?: (progress: RotationProgress) => void): Promise<RotationReport[]> {
    const reports: RotationReport[] = [];
    for (const secret of ENCRYPTED_COLUMN_LIST) reports.push(await this.rotateColumn(secret, onProgress));
    return reports;
  }

  async rotateColumn(
    secret: EncryptedColumn,
    onProgress?: (progress: RotationProgress) => void,
  ): Promise<RotationReport> {
    const report: RotationReport = {
      table: secret.table,
      column: secret.column,
      rotated: 0,
      skipped: 0,
      failed: [],
    };
    const activePrefix = `ev1.${this.crypto.activeKey}.`;
    const column = `${secret.table}.${secret.column}`;
    const total = onProgress ? await countStaleSecrets(this.em.fork(), secret, activePrefix) : 0;
    onProgress?.({ column, done: 0, total });
    let after: string[] = [];
    for (;;) {
      const em = this.em.fork();
      const batch = await em.transactional(async (tx) => {
        const rows = await lockStaleSecrets(tx, secret, activePrefix, after, BATCH);

        for (const row of rows) {
          try {
            const rotated = this.crypto.rotate(row.value, secret.aad(...row.key));
            await writeSecret(tx, secret, row.key, rotated);
            report.rotated += 1;
          } catch {
            report.failed.push(row.key.join('/'));
          }
        }
        return rows;
      });
      if (batch.length === 0) break;
      after = batch[batch.length - 1].key;
      onProgress?.({ column, done: report.rotated + report.failed.length, total });
    }
    const remaining = await countStaleSecrets(this.em.fork(), secret, activePrefix);

    report.skipped = remaining - report.failed.length;
    if (report.failed.length > 0) {
      this.logger.error({ event: 'key_rotation_failed_rows', table: secret.table, ids: report.failed });
    }
    return report;
  }
}
