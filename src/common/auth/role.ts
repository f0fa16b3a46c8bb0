/**
 * Who an API key speaks for: a merchant's backend, a platform admin, an auditor (read-only, every merchant), or
 * a merchant auditor (read-only, bound to one merchant: its consents, receipts and audit records).
 */
export type Role = 'merchant' | 'admin' | 'auditor' | 'merchant_auditor';
export const ROLES: readonly Role[] = ['merchant', 'admin', 'auditor', 'merchant_auditor'];
/** The roles that read consent evidence; a `merchant_auditor` sees only its merchant's (see AuditScope). */
export const AUDIT_READERS: [Role, ...Role[]] = ['admin', 'auditor', 'merchant_auditor'];
