import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/**
 * Klarna's `redirect_url` sets a cookie and bounces the consumer to the merchant's confirmation URL. The emulator
 * hands out `<own origin>/emulator/v1/redirect/<id>`, which answers 302 to the confirmation URL (placeholders
 * `{session.id}` / `{order.id}` filled in) or, when none was given, a small page.
 */
@Injectable()
export class RedirectsService {
  private readonly targets = new Map<string, string>();

  create(
    origin: string,
    confirmation: string | undefined,
    sessionId: string | null,
    orderId: string | null,
  ): string {
    const id = orderId ?? randomUUID();
    if (confirmation !== undefined) {
      this.targets.set(
        id,
        confirmation.replaceAll('{session.id}', sessionId ?? '').replaceAll('{order.id}', orderId ?? ''),
      );
    }
    return `${origin}/emulator/v1/redirect/${id}`;
  }

  target(id: string): string | undefined {
    return this.targets.get(id);
  }

  reset(): void {
    this.targets.clear();
  }
}
