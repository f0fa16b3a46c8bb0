import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { MerchantsService } from '../merchants/merchants.service';
import type { PortalSettingsDto, UpdatePortalSettingsDto } from './dto/portal.dto';
import { PortalSettings } from './portal-session.entity';

/** What a portal page shows of the merchant. */
export interface PortalBranding {
  name: string;
  logoUrl: string | null;
  accentColor: string | null;
}

/** A merchant's portal switch and branding. Without a row the portal is on, under the merchant's own name. */
@Injectable()
export class PortalSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly merchants: MerchantsService,
  ) {}

  async get(merchantId: string): Promise<PortalSettingsDto> {
    const row = await this.em.fork().findOne(PortalSettings, { merchant: merchantId });
    return {
      enabled: row?.enabled ?? true,
      display_name: row?.displayName ?? null,
      logo_url: row?.logoUrl ?? null,
      accent_color: row?.accentColor ?? null,
      updated_at: row?.updatedAt.toISOString() ?? null,
    };
  }

  /** Replaces the settings (fields left out fall back to their defaults). */
  async put(merchantId: string, input: UpdatePortalSettingsDto): Promise<PortalSettingsDto> {
    await this.em.upsert(
      PortalSettings,
      {
        merchant: merchantId,
        enabled: input.enabled,
        displayName: input.display_name ?? null,
        logoUrl: input.logo_url ?? null,
        accentColor: input.accent_color?.toLowerCase() ?? null,
        updatedAt: this.clock.now(),
      },
      { onConflictFields: ['merchant'], onConflictAction: 'merge' },
    );
    return this.get(merchantId);
  }

  async isEnabled(merchantId: string): Promise<boolean> {
    return (await this.get(merchantId)).enabled;
  }

  async branding(merchantId: string): Promise<PortalBranding> {
    const [settings, merchant] = await Promise.all([this.get(merchantId), this.merchants.get(merchantId)]);
    return {
      name: settings.display_name ?? merchant.name,
      logoUrl: settings.logo_url,
      accentColor: settings.accent_color,
    };
  }
}
