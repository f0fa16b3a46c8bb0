import { ApiKey } from '../api-keys/api-key.entity';
import { Authorization } from '../authorizations/authorization.entity';
import { Consent, ConsentEvent } from '../consents/consent.entity';
import { CustomerToken } from '../customer-tokens/customer-token.entity';
import { Event } from '../events/event.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ChainHead } from '../consents/chain/chain-head.entity';
import { Merchant } from '../merchants/merchant.entity';
import { IdempotencyKey, Order } from '../orders/order.entity';
import { Session } from '../sessions/session.entity';
import {
  MerchantDunningPolicy,
  Subscription,
  SubscriptionCycle,
  SubscriptionEvent,
} from '../subscriptions/subscription.entity';
import { Terms } from '../terms/terms.entity';
import { WebhookDelivery, WebhookDeliveryAttempt } from '../webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';

/** Every entity, listed explicitly so that discovery works the same from ts (jest) and compiled js. */
export const ENTITIES = [
  Merchant,
  ApiKey,
  Terms,
  Session,
  Consent,
  ConsentEvent,
  Authorization,
  CustomerToken,
  Event,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  AuditEntry,
  ChainHead,
  Order,
  IdempotencyKey,
  Subscription,
  SubscriptionCycle,
  SubscriptionEvent,
  MerchantDunningPolicy,
];
