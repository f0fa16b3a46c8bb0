import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EmulatorClock } from '../core/clock';
import { EmulatorState, OrderRecord } from '../core/state';

export const REQUEST_LOG_CAPACITY = 50_000;

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  at: string;
  idempotency_key: string | null;
  correlation_id: string;
  body: unknown;
  /** True when a "lost response" fault dropped the connection after the request was executed. */
  lost_response: boolean;
}

/** Every order the emulator created (to prove "no duplicates") and the last Klarna API requests it received. */
@Injectable()
export class LedgerService {
  private readonly requests: (RequestLogEntry | undefined)[] = new Array<RequestLogEntry | undefined>(
    REQUEST_LOG_CAPACITY,
  );
  private nextSlot = 0;
  private requestCount = 0;

  constructor(
    private readonly state: EmulatorState,
    private readonly clock: EmulatorClock,
  ) {}

  recordOrder(order: Omit<OrderRecord, 'order_id' | 'created_at'>): OrderRecord {
    const record: OrderRecord = { order_id: randomUUID(), created_at: this.nowIso(), ...order };
    this.state.orders.push(record);
    return record;
  }

  orders(): OrderRecord[] {
    return this.state.orders;
  }

  recordRequest(entry: Omit<RequestLogEntry, 'at'>): void {
    this.requests[this.nextSlot] = { ...entry, at: this.nowIso() };
    this.nextSlot = (this.nextSlot + 1) % REQUEST_LOG_CAPACITY;
    this.requestCount = Math.min(this.requestCount + 1, REQUEST_LOG_CAPACITY);
  }

  /** Oldest first. */
  requestLog(): RequestLogEntry[] {
    const start = (this.nextSlot - this.requestCount + REQUEST_LOG_CAPACITY) % REQUEST_LOG_CAPACITY;
    const entries: RequestLogEntry[] = [];
    for (let i = 0; i < this.requestCount; i++)
      entries.push(this.requests[(start + i) % REQUEST_LOG_CAPACITY]!);
    return entries;
  }

  resetRequests(): void {
    this.requests.fill(undefined);
    this.nextSlot = 0;
    this.requestCount = 0;
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
