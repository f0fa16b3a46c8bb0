import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ConsentDto } from '../signup/consents/dto/consent.dto';
import type { CustomerTokenDto } from '../signup/customer-tokens/dto/customer-token.dto';
import type { SessionDto } from '../signup/sessions/dto/session.dto';
import type { TermsDto, TermsPageDto } from '../signup/terms/dto/terms.dto';
import { DemoContext } from './demo-context';
import type { DemoChargeDto, DemoSignUpDto } from './dto/demo.dto';
import { MerchantApiClient } from './merchant-api.client';

/** The demo merchant sells pay-as-you-go EV charging in Sweden: 25 % VAT, amounts in öre. */
const MARKET = { purchase_country: 'SE', purchase_currency: 'SEK', locale: 'en-SE' } as const;
const TERMS_KEY = 'demo-ev-charging';
const DEMO_TERMS = {
  key: TERMS_KEY,
  locale: MARKET.locale,
  title: 'Pay-as-you-go charging with Klarna',
  body:
    'Demo Merchant charges your Klarna account after each charging session for the energy you used, without ' +
    'asking you again each time. A single charge is never more than 100.00 SEK. Every charge shows up in the ' +
    'Klarna app. You can withdraw this consent at any time in the Klarna app or by writing to ' +
    'support@demo-merchant.example; charges made before that are not affected.',
  intended_use: 'ON_DEMAND',
  scope: { currency: MARKET.purchase_currency, max_order_amount: 10_000 },
} as const;

/** Signing up costs nothing: a tokenize session with one free line. */
const SIGNUP_LINE = {
  type: 'digital',
  reference: 'ev-signup',
  name: 'Pay-as-you-go sign-up',
  quantity: 1,
  unit_price: 0,
  tax_rate: 2500,
  total_amount: 0,
  total_tax_amount: 0,
};

/** The demo's one charge: 5.00 SEK including 1.00 SEK VAT. */
const CHARGE = {
  purchase_currency: MARKET.purchase_currency,
  order_amount: 500,
  order_tax_amount: 100,
  order_lines: [
    {
      type: 'digital',
      reference: 'ev-session',
      name: 'Charging session',
      quantity: 1,
      unit_price: 500,
      tax_rate: 2500,
      total_amount: 500,
      total_tax_amount: 100,
    },
  ],
  merchant_reference1: 'demo-charge',
};

export interface DemoOrder {
  id: string;
  customer_token_id: string;
  status: 'accepted' | 'pending' | 'declined' | 'unknown';
  klarna_order_id?: string | null;
  fraud_status?: string | null;
  order_amount: number;
  purchase_currency: string;
}

export interface DemoConfigView {
  merchant_name: string;
  klarna: 'emulator' | 'klarna';
  klarna_js_url: string;
  /**
   * Pre-fills the admin viewer; demo mode only (never in production). A `merchant_auditor` key: it reads the
   * demo merchant's consents, receipts and audit records and nothing of any other merchant.
   */
  auditor_api_key: string;
}

/**
 * The demo merchant's backend: what a merchant's server does around its sign-up page, through the public
 * merchant API with the demo merchant's key and nothing else.
 */
@Injectable()
export class DemoService {
  constructor(
    private readonly ctx: DemoContext,
    private readonly api: MerchantApiClient,
  ) {}

  config(): DemoConfigView {
    const setup = this.ctx.get();
    return {
      merchant_name: setup.merchantName,
      klarna: setup.emulatorUrl ? 'emulator' : 'klarna',
      klarna_js_url: this.ctx.klarnaJsUrl(),
      auditor_api_key: setup.auditorApiKey,
    };
  }

  /** A Klarna session for one visitor of the sign-up page, showing the current terms. */
  async openSession(): Promise<SessionDto> {
    const terms = await this.currentTerms();
    return this.api.call<SessionDto>('POST', '/v1/sessions', {
      body: {
        intent: 'tokenize',
        merchant_customer_id: `demo-${randomBytes(6).toString('hex')}`,
        terms_id: terms.id,
        ...MARKET,
        order_amount: 0,
        order_tax_amount: 0,
        order_lines: [SIGNUP_LINE],
        merchant_reference1: 'demo-signup',
      },
    });
  }

  /** Records the consent as the browser showed it, then the authorization, then exchanges it for a token. */
  async signUp(
    input: DemoSignUpDto,
    evidence: { ipAddress: string; userAgent: string },
  ): Promise<{ consent: ConsentDto; customer_token: CustomerTokenDto }> {
    const sessionPath = `/v1/sessions/${encodeURIComponent(input.session_id)}`;
    const consent = await this.api.call<ConsentDto>('POST', `${sessionPath}/consents`, {
      body: {
        terms_id: input.terms_id,
        accepted: true,
        acceptance_text: input.acceptance_text,
        ip_address: evidence.ipAddress,
        user_agent: evidence.userAgent,
        channel: 'web',
        locale: MARKET.locale,
      },
    });
    await this.api.call('POST', `${sessionPath}/authorizations`, {
      body: { authorization_token: input.authorization_token },
    });
    const token = await this.api.call<CustomerTokenDto>('POST', '/v1/customer-tokens', {
      body: { session_id: input.session_id, description: 'Demo Merchant pay-as-you-go charging' },
    });
    return { consent, customer_token: token };
  }

  charge(customerTokenId: string, input: DemoChargeDto): Promise<DemoOrder> {
    return this.api.call<DemoOrder>(
      'POST',
      `/v1/customer-tokens/${encodeURIComponent(customerTokenId)}/orders`,
      {
        body: CHARGE,
        headers: { 'idempotency-key': input.idempotency_key },
      },
    );
  }

  /** The newest published version of the demo terms, created and published on first use. */
  private async currentTerms(): Promise<TermsDto> {
    const page = await this.api.call<TermsPageDto>(
      'GET',
      `/v1/terms?key=${TERMS_KEY}&status=published&limit=1`,
    );
    if (page.data[0]) return page.data[0];
    const draft = await this.api.call<TermsDto>('POST', '/v1/terms', { body: DEMO_TERMS });
    return this.api.call<TermsDto>('POST', `/v1/terms/${draft.id}/publish`);
  }
}
