import { type FieldError, ProblemException } from '../../common/errors/problem.exception';
import type { IntendedUse, TermsScope } from '../../signup/terms/terms.entity';

/** Which part of the consumer's consent an order would break. */
export type ConsentLimit =
  'consent_withdrawn' | 'currency' | 'max_order_amount' | 'intended_use' | 'interval';

export interface ScopeViolation {
  limit: ConsentLimit;
  field: string;
  message: string;
}

export interface ScopedOrder {
  purchase_currency: string;
  order_amount: number;
  order_lines: { subscription?: { interval: string; interval_count: number } }[];
}

/**
 * What the consumer agreed to (the terms' scope copied onto the token) against one order: the one check of the
 * consented scope, for token orders and for subscriptions (whose order every cycle places) alike. Every violation
 * is returned so that the merchant sees them all at once.
 *
 * Currency: compared exactly. Every currency the API takes is an upper-case ISO 4217 code (CurrencyField, checked
 * at the edge with a 400 naming the field), the terms' scope included.
 *
 * Intended use: a SUBSCRIPTION consent covers recurring charges only, so at least one line must carry
 * `subscription` and every subscription line must repeat the consented rhythm (interval and interval_count,
 * when the terms name one). An ON_DEMAND consent covers one-off usage charges, so no line may carry
 * `subscription`.
 */
export function consentScopeViolations(
  order: ScopedOrder,
  scope: TermsScope,
  intendedUse: IntendedUse,
  withdrawn: boolean,
): ScopeViolation[] {
  const violations: ScopeViolation[] = [];
  if (withdrawn) {
    violations.push({
      limit: 'consent_withdrawn',
      field: 'customer_token_id',
      message: 'the consumer withdrew the consent this token relies on',
    });
  }
  if (order.purchase_currency !== scope.currency) {
    violations.push({
      limit: 'currency',
      field: 'purchase_currency',
      message: `must be ${scope.currency}, the currency the consumer consented to`,
    });
  }
  if (order.order_amount > scope.max_order_amount) {
    violations.push({
      limit: 'max_order_amount',
      field: 'order_amount',
      message: `must be at most ${scope.max_order_amount}, the maximum per order the consumer consented to`,
    });
  }
  const subscriptionLines = order.order_lines
    .map((line, index) => ({ index, subscription: line.subscription }))
    .filter((line) => line.subscription !== undefined);
  if (intendedUse === 'ON_DEMAND') {
    for (const { index } of subscriptionLines) {
      violations.push({
        limit: 'intended_use',
        field: `order_lines[${index}].subscription`,
        message: 'must be absent: the consent covers on-demand charges, not a subscription',
      });
    }
  } else if (subscriptionLines.length === 0) {
    violations.push({
      limit: 'intended_use',
      field: 'order_lines',
      message: 'must contain a line with `subscription`: the consent covers subscription charges only',
    });
  } else if (scope.interval !== undefined) {
    const count = scope.interval_count ?? 1;
    for (const { index, subscription } of subscriptionLines) {
      if (subscription!.interval !== scope.interval || subscription!.interval_count !== count) {
        violations.push({
          limit: 'interval',
          field: `order_lines[${index}].subscription`,
          message: `must be every ${count} ${scope.interval}, the rhythm the consumer consented to`,
        });
      }
    }
  }
  return violations;
}

export const violationErrors = (violations: ScopeViolation[]): FieldError[] =>
  violations.map(({ field, message }) => ({ field, message }));

/** The `detail` of a 422 CONSENT_SCOPE_EXCEEDED; `what` is what was asked for (an order, a subscription). */
export function describeViolations(violations: ScopeViolation[], what = 'order'): string {
  const limits = [...new Set(violations.map((v) => v.limit))];
  return (
    `The ${what} is outside the consumer's consent (limit${limits.length === 1 ? '' : 's'}: ` +
    `${limits.join(', ')}): ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}.`
  );
}

/** 422 CONSENT_SCOPE_EXCEEDED naming every violated limit and field: the one answer of both routes. */
export function consentScopeExceeded(violations: ScopeViolation[], what = 'order'): ProblemException {
  return new ProblemException({
    status: 422,
    code: 'CONSENT_SCOPE_EXCEEDED',
    title: 'Unprocessable Entity',
    detail: describeViolations(violations, what),
    errors: violationErrors(violations),
  });
}
