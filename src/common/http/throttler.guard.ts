import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Rate limits per API key (per client IP on public routes). Counters are per instance, in memory. */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = req.principal as { keyId: string } | undefined;
    return principal ? `key:${principal.keyId}` : `ip:${String(req.ip)}`;
  }
}
