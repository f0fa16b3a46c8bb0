/**
 * Whether this instance is shutting down (SIGTERM). Once it drains, /health/ready answers 503 so the load
 * balancer sends nothing new, responses close their connections, and background jobs claim no more work; what is
 * in flight finishes (see main.ts for the order of the steps).
 */
export class Drain {
  private drainingSince: number | null = null;
  private readonly listeners: (() => void)[] = [];

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  begin(): void {
    if (this.drainingSince !== null) return;
    this.drainingSince = Date.now();
    for (const listener of this.listeners.splice(0)) listener();
  }

  /** Runs `listener` once when draining begins (at once if it already has). */
  onDrain(listener: () => void): void {
    if (this.draining) listener();
    else this.listeners.push(listener);
  }
}
