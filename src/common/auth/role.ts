/** Who an API key speaks for: a merchant's backend, a platform admin, or an auditor (read-only). */
export type Role = 'merchant' | 'admin' | 'auditor';
export const ROLES: readonly Role[] = ['merchant', 'admin', 'auditor'];
