import { ApiKey } from '../../merchants/api-keys/api-key.entity';
import { Authorization } from '../../signup/sessions/authorization.entity';
import { Consent, ConsentEvent } from '../../signup/consents/consent.entity';
import { CustomerToken } from '../../signup/customer-tokens/customer-token.entity';
import { Event } from '../../events/event.entity';
import { AuditEntry } from '../../evidence/audit/audit-entry.entity';
import { ChainHead } from '../../signup/consents/chain/chain-head.entity';
import { Merchant } from '../../merchants/merchant.entity';
import { Order } from '../../charging/orders/order.entity';
import { OrderOperation } from '../../charging/money/order-operation.entity';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.entity';
import { Session } from '../../signup/sessions/session.entity';
import {
  MerchantDunningPolicy,
  Subscription,
  SubscriptionCycle,
  SubscriptionEvent,
} from '../../charging/subscriptions/subscription.entity';
import { TestClock } from '../../charging/subscriptions/test-clock.entity';
import { Terms } from '../../signup/terms/terms.entity';
import { PortalSession, PortalSettings } from '../../portal/portal-session.entity';
import { WebhookDelivery, WebhookDeliveryAttempt } from '../../events/webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../../events/webhooks/webhook-endpoint.entity';

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
  OrderOperation,
  IdempotencyKey,
  Subscription,
  SubscriptionCycle,
  SubscriptionEvent,
  MerchantDunningPolicy,
  TestClock,
  PortalSession,
  PortalSettings,
];
