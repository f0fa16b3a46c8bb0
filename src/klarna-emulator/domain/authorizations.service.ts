import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EmulatorClock } from '../core/clock';
import { KlarnaError } from '../core/klarna-error';
import { AuthorizationRecord, EmulatorState, TokenRecord } from '../core/state';
import { validateCreateOrder, validateCustomerTokenCreation } from '../validation/klarna-rules';
import { isObject, Json } from '../validation/primitives';
import { OrderManagementService } from './order-management.service';
import { paymentMethodOf } from './payment-methods';
import { RedirectsService } from './redirects.service';
import { SessionsService } from './sessions.service';
import { canonical, effectiveCountry, upper, validated } from './validated';

function invalidOperation(message: string): KlarnaError {
  return new KlarnaError(403, 'INVALID_OPERATION', [message]);
}

function notMatching(fields: string[]): KlarnaError {
  return new KlarnaError(409, 'BAD_VALUE', [`Not matching fields: [${fields.join(', ')}]`]);
}

/** Address fields the request states that differ from what was authorized. */
function addressMismatches(request: Json, snapshot: Json, key: string): string[] {
  const sent = request[key];
  const authorized = snapshot[key];
  if (!isObject(sent) || !isObject(authorized)) return [];
  return Object.keys(sent)
    .filter(
      (field) => authorized[field] !== undefined && canonical(sent[field]) !== canonical(authorized[field]),
    )
    .map((field) => `${key}.${field}`);
}

@Injectable()
export class AuthorizationsService {
  constructor(
    private readonly state: EmulatorState,
    private readonly clock: EmulatorClock,
    private readonly sessions: SessionsService,
    private readonly orders: OrderManagementService,
    private readonly redirects: RedirectsService,
  ) {}

  cancel(mid: string, token: string): void {
    this.live(mid, token);
    this.state.authorizations.delete(token);
  }

  createOrder(mid: string, token: string, input: unknown, origin: string) {
    const auth = this.live(mid, token);
    const { body } = validated(input, validateCreateOrder);
    if (auth.intent === 'tokenize') {
      throw invalidOperation('Orders cannot be placed from an authorization of a tokenize session');
    }
    if (auth.orderId) throw invalidOperation('An order was already placed with this authorization');
    const snap = auth.snapshot;
    const mismatches = [
      ...(effectiveCountry(body) !== effectiveCountry(snap) ? ['purchase_country'] : []),
      ...(upper(body.purchase_currency) !== upper(snap.purchase_currency) ? ['purchase_currency'] : []),
      ...(body.order_amount !== snap.order_amount ? ['order_amount'] : []),
      ...((body.order_tax_amount ?? 0) !== (snap.order_tax_amount ?? 0) ? ['order_tax_amount'] : []),
      ...(canonical(body.order_lines) !== canonical(snap.order_lines) ? ['order_lines'] : []),
      ...addressMismatches(body, snap, 'billing_address'),
      ...addressMismatches(body, snap, 'shipping_address'),
    ];
    if (mismatches.length > 0) throw notMatching(mismatches);

    const method = paymentMethodOf(auth.paymentMethodCategory);
    const order = this.orders.place(
      {
        token_id: null,
        authorization_token: token,
        idempotency_key: null,
        username: mid,
        order_amount: body.order_amount as number,
        purchase_currency: upper(body.purchase_currency),
        merchant_reference1: (body.merchant_reference1 as string | undefined) ?? null,
        merchant_reference2: (body.merchant_reference2 as string | undefined) ?? null,
      },
      {
        body: { ...body, billing_address: body.billing_address ?? snap.billing_address },
        purchaseCountry: effectiveCountry(body),
        fraudStatus: 'ACCEPTED',
        paymentMethodType: method.tokenType,
      },
    );
    auth.orderId = order.order_id;
    this.sessions.complete(auth.sessionId);
    const confirmation = this.confirmationUrl(body) ?? this.confirmationUrl(snap);
    return {
      order_id: order.order_id,
      ...(confirmation
        ? { redirect_url: this.redirects.create(origin, confirmation, auth.sessionId, order.order_id) }
        : {}),
      fraud_status: 'ACCEPTED',
      authorized_payment_method: method.order,
    };
  }

  createCustomerToken(mid: string, token: string, input: unknown, origin: string) {
    const auth = this.live(mid, token);
    const { body } = validated(input, validateCustomerTokenCreation);
    if (auth.intent === 'buy') {
      throw invalidOperation('Customer tokens cannot be created from an authorization of a buy session');
    }
    // Klarna does not let one session produce a second customer token (REFERENCE §6.1).
    if (auth.customerTokenId || this.state.tokensBySession.has(auth.sessionId)) {
      throw invalidOperation('A customer token was already created for this session');
    }
    const snap = auth.snapshot;
    if (effectiveCountry(body) !== effectiveCountry(snap)) throw KlarnaError.badValue('purchase_country');
    const mismatches = [
      ...(upper(body.purchase_currency) !== upper(snap.purchase_currency) ? ['purchase_currency'] : []),
      ...addressMismatches(body, snap, 'billing_address'),
    ];
    if (mismatches.length > 0) throw notMatching(mismatches);

    const record: TokenRecord = {
      tokenId: randomUUID(),
      mid,
      sessionId: auth.sessionId,
      purchaseCurrency: upper(snap.purchase_currency),
      purchaseCountry: effectiveCountry(snap),
      paymentMethodType: paymentMethodOf(auth.paymentMethodCategory).tokenType,
      status: 'ACTIVE',
      createdAt: this.clock.now(),
      forcedOutcomes: [],
    };
    this.state.tokens.set(record.tokenId, record);
    this.state.tokensBySession.set(auth.sessionId, [record]);
    auth.customerTokenId = record.tokenId;

    const billing = isObject(snap.billing_address) ? snap.billing_address : body.billing_address;
    const customer = isObject(snap.customer) ? snap.customer : {};
    const customerRead = {
      ...(customer.date_of_birth !== undefined ? { date_of_birth: customer.date_of_birth } : {}),
      ...(customer.gender !== undefined ? { gender: customer.gender } : {}),
    };
    const confirmation = this.confirmationUrl(snap);
    return {
      token_id: record.tokenId,
      ...(confirmation
        ? { redirect_url: this.redirects.create(origin, confirmation, auth.sessionId, null) }
        : {}),
      ...(billing !== undefined ? { billing_address: billing } : {}),
      ...(Object.keys(customerRead).length > 0 ? { customer: customerRead } : {}),
      payment_method_reference: randomUUID(),
    };
  }

  /** A live authorization of this MID; expired (60 min), released and foreign ones do not exist. */
  private live(mid: string, token: string): AuthorizationRecord {
    const auth = this.state.authorizations.get(token);
    if (!auth || auth.mid !== mid || this.clock.now() >= auth.expiresAt) {
      throw KlarnaError.notFound('Invalid authorization token');
    }
    return auth;
  }

  private confirmationUrl(o: Json): string | undefined {
    const urls = isObject(o.merchant_urls) ? o.merchant_urls : {};
    return typeof urls.confirmation === 'string' && urls.confirmation !== '' ? urls.confirmation : undefined;
  }
}
