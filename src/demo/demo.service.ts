import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AutopayClient, AutopayConnectionError, AutopayProblemError, type Schema } from '@autopay/client';
import { ProblemException } from '../common/errors/problem.exception';
import { DemoContext } from './demo-context';
import type { DemoChargeDto, DemoSignUpDto } from './dto/demo.dto';

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
} satisfies Schema<'CreateTermsDto'>;

/** Signing up costs nothing: a tokenize session with one free line. */
const SIGNUP_LINE: Schema<'OrderLineDto'> = {
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
const CHARGE: Schema<'CreateTokenOrderDto'> = {
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

/** Long enough for a customer-token exchange that retries Klarna a few times; the browser waits that long too. */
const TIMEOUT_MS = 30_000;

export type DemoOrder = Schema<'OrderDto'>;

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
 * merchant API with the demo merchant's key and nothing else, using the client partners install
 * (`@autopay/client`, clients/typescript). An error answer is passed on to the browser as the same problem details.
 */
@Injectable()
export class DemoService {
  private client?: { key: string; url: string; api: AutopayClient };

  constructor(private readonly ctx: DemoContext) {}

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
  async openSession(): Promise<Schema<'SessionDto'>> {
    const terms = await this.currentTerms();
    return this.call((api) =>
      api.post('/v1/sessions', {
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
      }),
    );
  }

  /** Records the consent as the browser showed it, then the authorization, then exchanges it for a token. */
  async signUp(
    input: DemoSignUpDto,
    evidence: { ipAddress: string; userAgent: string },
  ): Promise<{ consent: Schema<'ConsentDto'>; customer_token: Schema<'CustomerTokenDto'> }> {
    return this.call(async (api) => {
      const path = { session_id: input.session_id };
      const consent = await api.post('/v1/sessions/{session_id}/consents', {
        params: { path },
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
      await api.post('/v1/sessions/{session_id}/authorizations', {
        params: { path },
        body: { authorization_token: input.authorization_token },
      });
      const token = await api.post('/v1/customer-tokens', {
        body: { session_id: input.session_id, description: 'Demo Merchant pay-as-you-go charging' },
      });
      return { consent, customer_token: token };
    });
  }

  charge(customerTokenId: string, input: DemoChargeDto): Promise<DemoOrder> {
    return this.call((api) =>
      api.post('/v1/customer-tokens/{customer_token_id}/orders', {
        params: {
          path: { customer_token_id: customerTokenId },
          header: { 'Idempotency-Key': input.idempotency_key },
        },
        body: CHARGE,
      }),
    );
  }

  /** The newest published version of the demo terms, created and published on first use. */
  private async currentTerms(): Promise<Schema<'TermsDto'>> {
    return this.call(async (api) => {
      const page = await api.get('/v1/terms', {
        params: { query: { key: TERMS_KEY, status: 'published', limit: 1 } },
      });
      if (page.data[0]) return page.data[0];
      const draft = await api.post('/v1/terms', { body: DEMO_TERMS });
      return api.post('/v1/terms/{terms_id}/publish', { params: { path: { terms_id: draft.id } } });
    });
  }

  /** Runs calls of the merchant API; its problems reach the browser as the same problem details. */
  private async call<T>(calls: (api: AutopayClient) => Promise<T>): Promise<T> {
    try {
      return await calls(this.api());
    } catch (error) {
      if (error instanceof AutopayProblemError) {
        throw new ProblemException({
          status: error.status,
          code: error.code,
          title: error.title,
          detail: error.detail,
          errors: error.errors,
          upstream: error.upstream,
        });
      }
      if (error instanceof AutopayConnectionError) {
        throw new ProblemException({
          status: 502,
          code: 'MERCHANT_API_UNREACHABLE',
          title: 'Bad Gateway',
          detail: `The demo backend could not reach the merchant API: ${error.message}`,
        });
      }
      throw error;
    }
  }

  /** One client per key and URL (the demo merchant's key is handed over when the service is seeded). */
  private api(): AutopayClient {
    const { apiUrl, merchantApiKey } = this.ctx.get();
    if (this.client?.key !== merchantApiKey || this.client.url !== apiUrl) {
      const api = new AutopayClient({
        baseUrl: apiUrl,
        apiKey: merchantApiKey,
        timeoutMs: TIMEOUT_MS,
        userAgent: 'autopay-demo',
      });
      this.client = { key: merchantApiKey, url: apiUrl, api };
    }
    return this.client.api;
  }
}
