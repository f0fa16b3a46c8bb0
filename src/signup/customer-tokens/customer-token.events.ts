import type { CustomerToken } from './customer-token.entity';

/** The `data` of customer_token.* events: what the merchant sees of the token (never Klarna's id). */
export function tokenEventData(token: CustomerToken): Record<string, unknown> {
  return {
    customer_token: {
      id: token.id,
      status: token.status,
      merchant_customer_id: token.merchantCustomerId,
      session_id: token.session.id,
      consent_id: token.consent.id,
      intended_use: token.intendedUse,
    },
  };
}
