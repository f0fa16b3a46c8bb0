import { notFound } from '../errors/problem.exception';

/**
 * A merchant auditor's filter: always its own merchant; naming another merchant finds nothing (404), as a
 * merchant key's cross-merchant reads do.
 */
export function withinScope<T extends { merchant_id?: string }>(query: T, scope: string | null): T {
  if (!scope) return query;
  if (query.merchant_id !== undefined && query.merchant_id !== scope)
    throw notFound('Merchant', query.merchant_id);
  return { ...query, merchant_id: scope };
}
