import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last link of a merchant's consent hash chain. Appending locks this row (`SELECT … FOR UPDATE`), which
 * serializes inserts per merchant so that two concurrent consents can never fork the chain.
 */
@Entity({ tableName: 'chain_heads' })
export class ChainHead {
  @PrimaryKey({ type: 'text' })
  merchantId!: string;

  /** Sequence number of the last record (0 before the first). */
  @Property({ type: 'integer' })
  seq!: number;

  /** Hash of the last record (the genesis hash before the first). */
  @Property({ type: 'text' })
  headHash!: string;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
