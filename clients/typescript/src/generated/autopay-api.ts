// Generated from openapi/openapi.json (API version 1.0.0) by clients/typescript/scripts/generate.mjs.
// Do not edit: run `npm run client:generate` at the repository root.

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What this service is and where its docs, spec and health checks are */
        get: operations["index_index"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys that verify consent receipts (JWKS)
         * @description Receipts are compact JWS; their `kid` names one of these keys.
         */
        get: operations["jwks_jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List platform keys (admin and auditor) */
        get: operations["adminApiKeys_list"];
        put?: never;
        /** Issue a platform key (admin or auditor); the secret is shown once */
        post: operations["adminApiKeys_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/api-keys/{api_key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (any role); it stops working at once */
        delete: operations["adminApiKeys_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who did or read what under /admin, newest first
         * @description Every admin and auditor request (reads, exports, verifications and writes, refused ones included) with its filter and outcome. Append-only. A `merchant_auditor` key sees the requests made with its own merchant's keys.
         */
        get: operations["auditLog_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search consent records, newest first
         * @description Filters combine (AND). Keyset pagination on (accepted_at, id).
         */
        get: operations["consentsAdmin_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/consents/{consent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A consent record with the exact terms text, its events and its chain position */
        get: operations["consentsAdmin_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/consents/{consent_id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A signed receipt of the consent (compact JWS)
         * @description Verifiable offline against `GET /.well-known/jwks.json`. Claims: `iss`, `sub` (consent id), `iat`, the consent, merchant and customer ids, the terms id/version/locale/content_sha256, accepted_at, the chain position (`chain_seq`, `chain_prev_hash`, `chain_hash`) and the customer token and authorization if linked.
         */
        get: operations["consentsAdmin_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/consents/chain-heads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each merchant's current consent chain head
         * @description Keep a copy: a later `GET /admin/v1/consents/verify` against it proves that no suffix was removed or rewritten.
         */
        get: operations["chainHeads_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/consents/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export consent records (streamed)
         * @description Same filters as the list, every matching record, newest first. `csv`: RFC 4180, a header row, one row per consent with its chain position and token link; a value that begins with `=`, `+`, `-`, `@`, tab or carriage return is written quoted with a leading `'` so that spreadsheets do not run it as a formula (OWASP CSV injection). `ndjson`: one object per line, shaped like a list item (with its events), values exactly as recorded.
         */
        get: operations["consentsAdmin_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/consents/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the hash chains of one merchant or of all
         * @description Checks every consent and consent event in chain order (sequence, links, hashes) up to the merchant's head, and names the first broken record.
         */
        get: operations["consentsAdmin_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List merchants, newest first */
        get: operations["adminMerchants_list"];
        put?: never;
        /** Create a merchant */
        post: operations["adminMerchants_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/merchants/{merchant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a merchant */
        get: operations["adminMerchants_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/merchants/{merchant_id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a merchant's API keys (never their secrets) */
        get: operations["adminMerchants_listKeys"];
        put?: never;
        /**
         * Issue an API key for a merchant (the secret is shown once)
         * @description A `merchant` key (default) or a read-only `merchant_auditor` key bound to this merchant.
         */
        post: operations["adminMerchants_issueKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/merchants/{merchant_id}/klarna-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the merchant's Klarna API credentials (stored encrypted) */
        put: operations["adminMerchants_setKlarnaCredentials"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/orders/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read any merchant’s order with its money, as an admin or auditor
         * @description The same view as the merchant’s `GET /v1/orders/{order_id}`: amounts, captures, refunds and cancels with their actors’ outcomes. Where an admin’s refund or cancel whose outcome is not known yet (202) points.
         */
        get: operations["adminMoney_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/orders/{order_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel (void) any merchant’s order nothing of which is captured, as an admin
         * @description Refused with 409 `CANCEL_NOT_ALLOWED` once anything is captured (refund instead). Checked against the order’s money before anything is recorded or sent to Klarna. Exactly once per Idempotency-Key: a replay gets the first answer byte for byte with `Idempotent-Replayed: true`, the key with another request 422 `IDEMPOTENCY_KEY_REUSED`, while the first is in flight or its outcome unknown 409 `REQUEST_IN_PROGRESS`. When Klarna does not answer in time: 202 with status `unknown`; the service finishes it in the background with the same Klarna idempotency key. An admin acts on any merchant’s order: the operation records actor `admin:<key id>`, and the audit log (`GET /admin/v1/audit-log`) an entry with the order, the request (amount) and the outcome (operation id, status, amount, or the refusal’s code). Admin Idempotency-Keys never meet a merchant’s.
         */
        post: operations["adminMoney_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/orders/{order_id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund (part of) any merchant’s captured order, as an admin
         * @description Refused with 422 `REFUND_EXCEEDS_CAPTURED` above captured minus refunded, 409 `REFUND_NOT_ALLOWED` when nothing is captured. Checked against the order’s money before anything is recorded or sent to Klarna. Exactly once per Idempotency-Key: a replay gets the first answer byte for byte with `Idempotent-Replayed: true`, the key with another request 422 `IDEMPOTENCY_KEY_REUSED`, while the first is in flight or its outcome unknown 409 `REQUEST_IN_PROGRESS`. When Klarna does not answer in time: 202 with status `unknown`; the service finishes it in the background with the same Klarna idempotency key. An admin acts on any merchant’s order: the operation records actor `admin:<key id>`, and the audit log (`GET /admin/v1/audit-log`) an entry with the order, the request (amount) and the outcome (operation id, status, amount, or the refusal’s code). Admin Idempotency-Keys never meet a merchant’s.
         */
        post: operations["adminMoney_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and the instance is not shutting down */
        get: operations["health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/authorizations/{authorization_id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release an authorization at Klarna (the consumer dropped out) */
        post: operations["authorizations_release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consents/{consent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a consent record with its events */
        get: operations["consents_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customer tokens, newest first */
        get: operations["customerTokens_list"];
        put?: never;
        /**
         * Exchange the session's authorization for a customer token
         * @description Idempotent per session: a repeat returns the same token. For buy_and_tokenize the first order is placed from the same authorization and returned as `initial_order`.
         */
        post: operations["customerTokens_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-tokens/{customer_token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a customer token (`refresh=true` reads its status from Klarna first) */
        get: operations["customerTokens_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-tokens/{customer_token_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the token at Klarna (irreversible) and record the consent withdrawal
         * @description Its subscriptions are canceled (status_reason token_canceled) in the same transaction.
         */
        post: operations["customerTokens_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-tokens/{customer_token_id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a customer token's orders, newest first */
        get: operations["orders_list"];
        put?: never;
        /**
         * Charge a customer token (exactly once per Idempotency-Key)
         * @description Validated with Klarna's token-order rules and checked against the consent before Klarna is called. The same Idempotency-Key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true` (for IDEMPOTENCY_RETENTION_HOURS, at least 24 h); with a different request 422 `IDEMPOTENCY_KEY_REUSED`; while the first is in flight or its outcome unknown 409 `REQUEST_IN_PROGRESS`. When Klarna does not answer in time the order is answered 202 with status `unknown`; the service finishes it in the background with the same Klarna idempotency key (webhook `order.succeeded` / `order.failed`), and a repeat of the request then gets the final answer.
         */
        post: operations["orders_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-tokens/{customer_token_id}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a subscription the service charges on schedule
         * @description Each cycle places one order from the token with the idempotency key `<sub id>:cycle:<n>`, so a cycle is never charged twice. A start_date of today or earlier charges the first cycle before answering. Must fit the consent: currency, max_order_amount, intended use SUBSCRIPTION and the consented interval.
         */
        post: operations["subscriptions_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{merchant_customer_id}/portal-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a consumer portal link for one of your customers
         * @description The link (`url`) opens a hosted page where that customer sees the automatic-payment agreements they have with you (the exact terms they accepted, the limits, subscriptions and last charges) and can stop them. It works once, for PORTAL_LINK_TTL_MINUTES (15 by default), and only for this customer at your merchant. Idempotency-Key is optional: a retry with the same key and body answers the same link with `Idempotent-Replayed: true`; with another body 422 `IDEMPOTENCY_KEY_REUSED`.
         */
        post: operations["portalApi_createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List events, newest first, with their webhook deliveries */
        get: operations["events_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{event_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an event with every delivery attempt */
        get: operations["events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{event_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event again (e.g. after its delivery failed)
         * @description Queues a new delivery to `endpoint_id`, or to every enabled endpoint subscribed to the event type. Receivers may get an event more than once and should deduplicate by its id.
         */
        post: operations["events_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merchant this API key belongs to */
        get: operations["merchantSelf_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant/dunning-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merchant's default retry delays for failed subscription charges */
        get: operations["subscriptions_dunningPolicy"];
        /**
         * Set the merchant's default retry delays
         * @description Applies to every subscription without its own retry_policy, from its next failure on.
         */
        put: operations["subscriptions_setDunningPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant/portal-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your consumer portal settings: on/off, name, logo, accent colour */
        get: operations["portalApi_getSettings"];
        /**
         * Set your consumer portal settings
         * @description Turning the portal off refuses new links (409 `PORTAL_DISABLED`) and every open portal page at once. Fields left out go back to their defaults (your merchant name, no logo, the default colour).
         */
        put: operations["portalApi_putSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the merchant's orders across tokens, newest first, with their money
         * @description Filters: `status`, `created_from` (inclusive), `created_to` (exclusive), `customer_token_id`, `subscription_id`. Cursor pagination with `next_cursor`.
         */
        get: operations["money_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an order, with its money as Klarna holds it
         * @description `money`: authorized, captured, refunded and remaining amounts, the captures (`cap_…`) and refunds (`ref_…`) with their statuses, and when an uncaptured authorization expires.
         */
        get: operations["money_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{order_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel (void) an order nothing of which is captured
         * @description Refused with 409 `CANCEL_NOT_ALLOWED` once anything is captured (refund instead). Checked against the order’s money before anything is recorded or sent to Klarna. Exactly once per Idempotency-Key: a replay gets the first answer byte for byte with `Idempotent-Replayed: true`, the key with another request 422 `IDEMPOTENCY_KEY_REUSED`, while the first is in flight or its outcome unknown 409 `REQUEST_IN_PROGRESS`. When Klarna does not answer in time: 202 with status `unknown`; the service finishes it in the background with the same Klarna idempotency key.
         */
        post: operations["money_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{order_id}/captures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Capture an order (the whole remaining amount by default, or an amount and lines)
         * @description Refused with 422 `CAPTURE_EXCEEDS_AUTHORIZATION` above the remaining authorized amount, 409 `CAPTURE_NOT_ALLOWED` when canceled, expired or captured in full. Checked against the order’s money before anything is recorded or sent to Klarna. Exactly once per Idempotency-Key: a replay gets the first answer byte for byte with `Idempotent-Replayed: true`, the key with another request 422 `IDEMPOTENCY_KEY_REUSED`, while the first is in flight or its outcome unknown 409 `REQUEST_IN_PROGRESS`. When Klarna does not answer in time: 202 with status `unknown`; the service finishes it in the background with the same Klarna idempotency key.
         */
        post: operations["money_capture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{order_id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund (part of) a captured order; several partial refunds are allowed
         * @description Refused with 422 `REFUND_EXCEEDS_CAPTURED` above captured minus refunded, 409 `REFUND_NOT_ALLOWED` when nothing is captured. Checked against the order’s money before anything is recorded or sent to Klarna. Exactly once per Idempotency-Key: a replay gets the first answer byte for byte with `Idempotent-Replayed: true`, the key with another request 422 `IDEMPOTENCY_KEY_REUSED`, while the first is in flight or its outcome unknown 409 `REQUEST_IN_PROGRESS`. When Klarna does not answer in time: 202 with status `unknown`; the service finishes it in the background with the same Klarna idempotency key.
         */
        post: operations["money_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a Klarna session for a sign-up
         * @description The order is checked locally with Klarna's rules first; every bad field is reported at once and Klarna is not called for an invalid order.
         */
        post: operations["sessions_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a session with its terms and current authorization */
        get: operations["sessions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the cart or consumer data (forwarded to Klarna)
         * @description An authorization recorded before the change becomes `stale` and is released at Klarna.
         */
        patch: operations["sessions_update"];
        trace?: never;
    };
    "/v1/sessions/{session_id}/authorizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the consumer's authorization (the result of Klarna.Payments.authorize())
         * @description Earlier live authorizations of the session are released at Klarna. Valid for 60 minutes.
         */
        post: operations["authorizations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{session_id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the consumer's consent to the session's terms
         * @description The server sets accepted_at and copies the terms version and content hash. Never changed.
         */
        post: operations["consents_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscriptions, newest first */
        get: operations["subscriptions_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a subscription with its latest cycle */
        get: operations["subscriptions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel (final; idempotent). A charge already in flight still completes. */
        post: operations["subscriptions_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription_id}/cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's cycles (one charge each), newest first */
        get: operations["subscriptions_cycles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's history: every status change and charge outcome, newest first */
        get: operations["subscriptions_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription_id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause: nothing is charged, and cycles dated in the pause are not owed */
        post: operations["subscriptions_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{subscription_id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused (or halted, once its token is active) subscription
         * @description The next charge is the first cycle dated today or later; one dated today is charged right away.
         */
        post: operations["subscriptions_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List terms versions, newest first */
        get: operations["terms_list"];
        put?: never;
        /** Create the next version of a terms document, as a draft */
        post: operations["terms_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/terms/{terms_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one terms version */
        get: operations["terms_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft (a published version answers 409 TERMS_PUBLISHED) */
        patch: operations["terms_update"];
        trace?: never;
    };
    "/v1/terms/{terms_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft; from then on it never changes (publishing again is a no-op) */
        post: operations["terms_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test-clocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List test clocks, newest first */
        get: operations["testClocks_list"];
        put?: never;
        /**
         * Create a test clock
         * @description Subscriptions created with `test_clock` live on its frozen time instead of the real one: their schedule, charges, retries, token checks and events. Only for merchants whose Klarna credentials are not live. With the Klarna emulator, Klarna's time is moved forward to the clock's (see docs/test-clocks.md).
         */
        post: operations["testClocks_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test-clocks/{test_clock_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a test clock (poll it after an advance until its status is ready) */
        get: operations["testClocks_get"];
        put?: never;
        post?: never;
        /** Delete a test clock; its subscriptions are canceled */
        delete: operations["testClocks_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/test-clocks/{test_clock_id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a test clock forward
         * @description Answers at once with status `advancing`; the renewals, retries and token checks that fall due up to the new time are then done in time order, each at its own moment, within seconds, and the status becomes `ready`. At most 730 days per advance.
         */
        post: operations["testClocks_advance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints, newest first */
        get: operations["webhookEndpoints_list"];
        put?: never;
        /**
         * Register a webhook endpoint (the signing secret is shown once)
         * @description Events are POSTed as `{id, type, created_at, data}` with `Autopay-Signature`, `Autopay-Event-Id` headers, retried with exponential backoff for up to 3 days until the endpoint answers 2xx. Delivery is at least once and unordered: deduplicate by event id.
         */
        post: operations["webhookEndpoints_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{webhook_endpoint_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a webhook endpoint (never its secret) */
        get: operations["webhookEndpoints_get"];
        put?: never;
        post?: never;
        /** Disable a webhook endpoint; its pending deliveries are canceled */
        delete: operations["webhookEndpoints_disable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{webhook_endpoint_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new signing secret (shown once)
         * @description During the rotation window (default 24 hours) every delivery carries two `v1` signatures: with the new and with the previous secret.
         */
        post: operations["webhookEndpoints_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptedTermsDto: {
            /** @description Exactly as the consumer was shown it. */
            body: string;
            /** @description Whether the recomputed hash equals the consent's terms_content_sha256. */
            content_matches_consent: boolean;
            /** @description Recomputed from the text above. */
            content_sha256: string;
            id: string;
            /** @enum {string} */
            intended_use: "SUBSCRIPTION" | "ON_DEMAND";
            key: string;
            locale: string;
            /** Format: date-time */
            published_at: string | null;
            scope: {
                [key: string]: unknown;
            };
            /** @description Exactly as the consumer was shown it. */
            title: string;
            version: number;
        };
        AddressDto: {
            attention?: string;
            city?: string;
            /** @example DE */
            country?: string;
            email?: string;
            family_name?: string;
            given_name?: string;
            organization_name?: string;
            phone?: string;
            postal_code?: string;
            region?: string;
            street_address?: string;
            street_address2?: string;
            title?: string;
        };
        AdminConsentDetailDto: {
            acceptance_text: string;
            /** @example true */
            accepted: boolean;
            /**
             * Format: date-time
             * @description Server time of receipt.
             */
            accepted_at: string;
            chain: components["schemas"]["ChainCheckDto"];
            /** @enum {string} */
            channel: "web" | "app" | "in_store" | "telesales";
            /** @description The customer token it is linked to, if any. */
            customer_token_id: string | null;
            /** @description In chain order. */
            events: components["schemas"]["AdminConsentEventDto"][];
            /** @example con_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            ip_address: string;
            /** @description Klarna's payment session id. */
            klarna_session_id: string;
            locale: string;
            merchant_customer_id: string | null;
            merchant_id: string;
            session_id: string;
            /** @description The terms version accepted, with its exact text. */
            terms: components["schemas"]["AcceptedTermsDto"];
            /** @description content_sha256 of the terms version accepted. */
            terms_content_sha256: string;
            terms_id: string;
            /** @example de-DE */
            terms_locale: string;
            /** @example 3 */
            terms_version: number;
            user_agent: string;
        };
        AdminConsentDto: {
            acceptance_text: string;
            /** @example true */
            accepted: boolean;
            /**
             * Format: date-time
             * @description Server time of receipt.
             */
            accepted_at: string;
            chain: components["schemas"]["ChainPositionDto"];
            /** @enum {string} */
            channel: "web" | "app" | "in_store" | "telesales";
            /** @description The customer token it is linked to, if any. */
            customer_token_id: string | null;
            /** @description In chain order. */
            events: components["schemas"]["AdminConsentEventDto"][];
            /** @example con_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            ip_address: string;
            /** @description Klarna's payment session id. */
            klarna_session_id: string;
            locale: string;
            merchant_customer_id: string | null;
            merchant_id: string;
            session_id: string;
            /** @description content_sha256 of the terms version accepted. */
            terms_content_sha256: string;
            terms_id: string;
            /** @example de-DE */
            terms_locale: string;
            /** @example 3 */
            terms_version: number;
            user_agent: string;
        };
        AdminConsentEventDto: {
            /** @description linked_to_token: the authorization exchanged. */
            authorization_id: string | null;
            /**
             * @description Where the consumer did it themselves: `portal` for a withdrawal in the consumer portal. Null for events the service recorded on its own (a merchant-side cancel, a cancellation seen at Klarna).
             * @enum {string|null}
             */
            channel: "portal" | null;
            customer_token_id: string | null;
            /**
             * @description sha256(prev_hash || JCS({seq, record})), hex.
             * @example 3b9f0c1e6a2d4b8e7f5a1c3d9e0b2a4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a
             */
            hash: string;
            /** @example cev_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @description The consumer's IP address (with `channel`). */
            ip_address: string | null;
            /** Format: date-time */
            occurred_at: string;
            /**
             * @description Hash of the record at seq - 1 (64 zeros for the first).
             * @example 5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592
             */
            prev_hash: string;
            /**
             * @description Position in the merchant's chain of consents and consent events.
             * @example 17
             */
            seq: number;
            /** @enum {string} */
            type: "granted" | "linked_to_token" | "withdrawn";
            /** @description The consumer's user agent (with `channel`). */
            user_agent: string | null;
        };
        AdminConsentPageDto: {
            data: components["schemas"]["AdminConsentDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        AdvanceTestClockDto: {
            /**
             * Format: date-time
             * @description Later than the clock's current frozen_time, and at most 2 years (730 days) after it.
             * @example 2027-02-01T00:00:00Z
             */
            frozen_time: string;
        };
        ApiKeyDto: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string | null;
            /** @example key_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** @example mer_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            merchant_id: string | null;
            name: string;
            /**
             * @description Public part of the key (`ak_<prefix>_…`), to recognise it.
             * @example k3j5m2n8p0q4
             */
            prefix: string;
            /** Format: date-time */
            revoked_at: string | null;
            /** @enum {string} */
            role: "merchant" | "admin" | "auditor" | "merchant_auditor";
        };
        ApiKeyListDto: {
            data: components["schemas"]["ApiKeyDto"][];
        };
        AttachmentDto: {
            /**
             * @description A JSON object encoded as a string.
             * @example {"customer_account_info":[{"unique_account_identifier":"cust-4711"}]}
             */
            body: string;
            /** @example application/vnd.klarna.internal.emd-v2+json */
            content_type: string;
        };
        AuditEntryDto: {
            /** @example consents.export */
            action: string;
            /** @description The API key that made the request; for a consumer, their portal session (`pts_…`). */
            actor_key_id: string;
            /** @enum {string} */
            actor_role: "merchant" | "admin" | "auditor" | "merchant_auditor" | "consumer";
            /** Format: date-time */
            at: string;
            /** @example aud_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @example GET */
            method: string;
            /** @description What was asked: `path` (route parameters), `query` (the filter) and, for writes, `body` with secrets redacted. */
            params: {
                [key: string]: unknown;
            };
            /** @description The X-Request-Id of the request (also in the service logs). */
            request_id: string;
            /**
             * @description The route pattern.
             * @example /admin/v1/merchants/:merchant_id
             */
            route: string;
            /**
             * @description The HTTP status the caller received.
             * @example 200
             */
            status: number;
            /** @description The resource the request was about. */
            target_id: string | null;
        };
        AuditEntryPageDto: {
            data: components["schemas"]["AuditEntryDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        AuthorizationDto: {
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description 60 minutes after receipt.
             */
            expires_at: string;
            /** @example aut_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** Format: date-time */
            released_at: string | null;
            /** @example ses_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            session_id: string;
            /**
             * @description `unverified`: recorded, usable, not yet checked with Klarna (Klarna checks an authorization token only when it is used: creating the customer token or the first order). `stale`: the session changed after the consumer authorized; a new authorization is required (the stale one is released at Klarna). `refused`: Klarna did not know the token when it was used (not issued to this merchant, or no longer held); the consumer must authorize again.
             * @enum {string}
             */
            status: "unverified" | "stale" | "released" | "consumed" | "expired" | "refused";
        };
        AuthorizedPaymentMethodDto: {
            /** @example 30 */
            number_of_days?: number;
            /** @example 12 */
            number_of_installments?: number;
            /** @example invoice */
            type: string;
        };
        BrokenChainDto: {
            /** @description Null when records are missing at the end. */
            first_broken_id: string | null;
            first_broken_seq: number | null;
            merchant_id: string;
            /** @enum {string} */
            reason: "sequence_gap" | "prev_hash_mismatch" | "hash_mismatch" | "head_mismatch";
        };
        ChainCheckDto: {
            /**
             * @description sha256(prev_hash || JCS({seq, record})), hex.
             * @example 3b9f0c1e6a2d4b8e7f5a1c3d9e0b2a4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a
             */
            hash: string;
            /** @description The stored hash is the hash of the stored record. */
            hash_valid: boolean;
            /** @description The record at seq + 1 names this hash (or this is the merchant's head). */
            next_link_valid: boolean;
            /**
             * @description Hash of the record at seq - 1 (64 zeros for the first).
             * @example 5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592
             */
            prev_hash: string;
            /** @description prev_hash is the hash of the record at seq - 1 (or the genesis hash). */
            prev_link_valid: boolean;
            /**
             * @description Position in the merchant's chain of consents and consent events.
             * @example 17
             */
            seq: number;
            /** @description All three hold. */
            verified: boolean;
        };
        ChainHeadDto: {
            /**
             * @description SHA-256 (hex) of the last record; 64 zeros before the first.
             * @example 3b9f0c1e6a2d4b8e7f5a1c3d9e0b2a4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a
             */
            head_hash: string;
            /** @example mer_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            merchant_id: string;
            /**
             * @description Sequence number of the last consent record (0: none yet).
             * @example 1042
             */
            seq: number;
            /** Format: date-time */
            updated_at: string;
        };
        ChainHeadPageDto: {
            data: components["schemas"]["ChainHeadDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        ChainPositionDto: {
            /**
             * @description sha256(prev_hash || JCS({seq, record})), hex.
             * @example 3b9f0c1e6a2d4b8e7f5a1c3d9e0b2a4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a
             */
            hash: string;
            /**
             * @description Hash of the record at seq - 1 (64 zeros for the first).
             * @example 5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592
             */
            prev_hash: string;
            /**
             * @description Position in the merchant's chain of consents and consent events.
             * @example 17
             */
            seq: number;
        };
        ConsentDto: {
            acceptance_text: string;
            /** @example true */
            accepted: boolean;
            /**
             * Format: date-time
             * @description Server time of receipt.
             */
            accepted_at: string;
            /** @enum {string} */
            channel: "web" | "app" | "in_store" | "telesales";
            /** Format: date-time */
            created_at: string;
            events: components["schemas"]["ConsentEventDto"][];
            /** @example con_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            ip_address: string;
            locale: string;
            merchant_customer_id: string | null;
            session_id: string;
            /** @description content_sha256 of the terms version accepted. */
            terms_content_sha256: string;
            terms_id: string;
            /** @example de-DE */
            terms_locale: string;
            /** @example 3 */
            terms_version: number;
            user_agent: string;
        };
        ConsentEventDto: {
            /**
             * @description linked_to_token: the authorization exchanged for the token.
             * @example aut_01JD3X9R0S4V8W2Y6Z1A3B5C7D
             */
            authorization_id: string | null;
            /** @example ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            customer_token_id: string | null;
            /** Format: date-time */
            occurred_at: string;
            /** @enum {string} */
            type: "granted" | "linked_to_token" | "withdrawn";
        };
        CreateAuthorizationDto: {
            /**
             * @description The `authorization_token` from `Klarna.Payments.authorize()`. Stored encrypted; never returned.
             * @example b4bd3423-24e3-4d4b-8d4f-6d3f1e8a0e8d
             */
            authorization_token: string;
        };
        CreateCaptureDto: {
            /**
             * Format: int64
             * @description Minor units; default the whole remaining authorized amount.
             * @example 1000
             */
            amount?: number;
            /**
             * @description Shown to the consumer.
             * @example March plan
             */
            description?: string;
            /** @description The lines captured (shown on the consumer’s statement). */
            order_lines?: components["schemas"]["OrderLineDto"][];
            /**
             * @description In settlement files.
             * @example cap-2026-03
             */
            reference?: string;
        };
        CreateConsentDto: {
            /**
             * @description The checkbox label exactly as the consumer saw it.
             * @example I agree that Citybikes charges my Klarna account for each ride.
             */
            acceptance_text: string;
            /**
             * @description Must be true: only an acceptance is evidence.
             * @example true
             */
            accepted: boolean;
            /** @enum {string} */
            channel: "web" | "app" | "in_store" | "telesales";
            /**
             * @description The consumer's IP as the merchant saw it.
             * @example 203.0.113.7
             */
            ip_address: string;
            /** @example de-DE */
            locale: string;
            /**
             * @description The session's terms.
             * @example trm_01JD3X9R0S4V8W2Y6Z1A3B5C7D
             */
            terms_id: string;
            /** @example Mozilla/5.0 (X11; Linux x86_64) */
            user_agent: string;
        };
        CreateCustomerTokenDto: {
            /**
             * @description Purpose shown at Klarna (default: the terms' title).
             * @example Citybikes rides
             */
            description?: string;
            /** @example ses_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            session_id: string;
        };
        CreatedApiKeyDto: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string | null;
            /** @example key_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /**
             * @description The secret key. Shown only in this response; store it now.
             * @example ak_k3j5m2n8p0q4_…
             */
            key: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** @example mer_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            merchant_id: string | null;
            name: string;
            /**
             * @description Public part of the key (`ak_<prefix>_…`), to recognise it.
             * @example k3j5m2n8p0q4
             */
            prefix: string;
            /** Format: date-time */
            revoked_at: string | null;
            /** @enum {string} */
            role: "merchant" | "admin" | "auditor" | "merchant_auditor";
        };
        CreateMerchantApiKeyDto: {
            /**
             * Format: date-time
             * @description When the key stops working (default: never); must be in the future.
             */
            expires_at?: string;
            /**
             * @description A label for people.
             * @example production backend
             */
            name?: string;
            /**
             * @description `merchant` (default): the merchant's backend. `merchant_auditor`: read-only, for the merchant's compliance staff: this merchant's consents, exports, chain verification and receipts, and the audit records of requests made with this merchant's keys, under `/admin/v1`; another merchant's records answer 404, every other route 403.
             * @enum {string}
             */
            role?: "merchant" | "merchant_auditor";
        };
        CreateMerchantDto: {
            /**
             * @description Display name.
             * @example Citybikes GmbH
             */
            name: string;
        };
        CreatePlatformApiKeyDto: {
            /**
             * Format: date-time
             * @description When the key stops working (default: never); must be in the future.
             */
            expires_at?: string;
            /**
             * @description A label for people.
             * @example production backend
             */
            name?: string;
            /**
             * @description Platform role: admin (read/write) or auditor (read-only).
             * @enum {string}
             */
            role: "admin" | "auditor";
        };
        CreatePortalSessionDto: {
            /**
             * @description The language of the pages (BCP 47; `en`, `sv` and `de` are offered, anything else falls back to English). Without it the browser's Accept-Language decides.
             * @example sv-SE
             */
            locale?: string;
            /**
             * @description Where the portal's "Back to <merchant>" link leads.
             * @example https://citybikes.example/account
             */
            return_url?: string;
        };
        CreateRefundDto: {
            /**
             * Format: int64
             * @description Minor units; at most captured minus refunded.
             * @example 300
             */
            amount: number;
            order_lines?: components["schemas"]["OrderLineDto"][];
            /**
             * @description Shown to the consumer.
             * @example Goodwill credit
             */
            reason?: string;
            /**
             * @description In settlement files.
             * @example refund-42
             */
            reference?: string;
        };
        CreateSessionDto: {
            /** @description Extra Merchant Data as Klarna takes it. Send this or `extra_merchant_data`, not both. */
            attachment?: components["schemas"]["AttachmentDto"];
            billing_address?: components["schemas"]["AddressDto"];
            customer?: components["schemas"]["CustomerDto"];
            /**
             * @description Extra Merchant Data as an object; the service sends it to Klarna as an attachment with content_type `application/vnd.klarna.internal.emd-v2+json` and the object as a JSON string.
             * @example {
             *       "customer_account_info": [
             *         {
             *           "unique_account_identifier": "cust-4711"
             *         }
             *       ]
             *     }
             */
            extra_merchant_data?: {
                [key: string]: unknown;
            };
            /**
             * @description `tokenize` (sign-up only; order_amount may be 0), `buy_and_tokenize` (first purchase + token), `buy`.
             * @enum {string}
             */
            intent: "tokenize" | "buy_and_tokenize" | "buy";
            /** @example de-DE */
            locale: string;
            /**
             * @description The merchant's own customer id; required for the tokenize intents. Values that look like an e-mail address or a phone number are refused: the id travels to logs and reports.
             * @example cust-4711
             */
            merchant_customer_id?: string;
            merchant_reference1?: string;
            merchant_reference2?: string;
            merchant_urls?: components["schemas"]["MerchantUrlsDto"];
            /**
             * Format: int64
             * @description Σ order_lines total_amount.
             * @example 0
             */
            order_amount: number;
            order_lines: components["schemas"]["OrderLineDto"][];
            /**
             * Format: int64
             * @description Σ line tax.
             * @example 0
             */
            order_tax_amount?: number;
            /** @example DE */
            purchase_country: string;
            /** @example EUR */
            purchase_currency: string;
            shipping_address?: components["schemas"]["AddressDto"];
            /**
             * @description A published terms version in the session locale; required for the tokenize intents.
             * @example trm_01JD3X9R0S4V8W2Y6Z1A3B5C7D
             */
            terms_id?: string;
        };
        CreateSubscriptionDto: {
            description?: string;
            /** @description Last date a cycle may fall on; after it the subscription ends. */
            end_date?: string;
            /** @enum {string} */
            interval: "DAY" | "WEEK" | "MONTH" | "YEAR";
            /**
             * Format: int64
             * @description Intervals per cycle (default 1).
             * @example 1
             */
            interval_count?: number;
            /**
             * @description Up to 20 string values, keys ≤ 40 and values ≤ 500 characters.
             * @example {
             *       "plan": "monthly-basic"
             *     }
             */
            metadata?: {
                [key: string]: string;
            };
            /** @description The order placed every cycle. */
            order: components["schemas"]["SubscriptionOrderDto"];
            /** @description Overrides the merchant's dunning policy (`PUT /v1/merchant/dunning-policy`). */
            retry_policy?: components["schemas"]["RetryPolicyDto"];
            /**
             * @description First billing date (UTC) and the anchor of every later one (Jan 31 → Feb 28 → Mar 31). Today or earlier charges the first cycle right away; it may lie in the past only while the second cycle is still in the future.
             * @example 2026-03-01
             */
            start_date: string;
            /** @description A test clock of the merchant (`POST /v1/test-clocks`): the subscription lives on its time instead of the real one, and is charged when the clock is advanced. Its "today" for start_date is the clock's. */
            test_clock?: string;
        };
        CreateTermsDto: {
            /**
             * @description Capture policy of orders under consents to this version: `true` captures at once, `false` leaves them authorized for `POST /v1/orders/{id}/captures`; `null` or left out: not set. An order's or its subscription's `auto_capture` wins over it; unset everywhere, orders are captured (docs/money.md). Not part of `content_sha256`: the consumer never sees it.
             * @example false
             */
            auto_capture?: boolean | null;
            /** @description The full text the consumer is shown. */
            body: string;
            /**
             * @description How the customer token will be used.
             * @enum {string}
             */
            intended_use: "SUBSCRIPTION" | "ON_DEMAND";
            /**
             * @description Which terms document this is a version of (default `default`). Each POST creates the next version of this key in this locale (1, 2, …) as a draft; publish it to use it in sessions.
             * @example ev-charging
             */
            key?: string;
            /** @example de-DE */
            locale: string;
            scope: components["schemas"]["TermsScopeDto"];
            /** @example Automatic payments for EV charging */
            title: string;
        };
        CreateTestClockDto: {
            /**
             * Format: date-time
             * @description The clock's time to start at (ISO 8601, between 2000 and 2100). Subscriptions created on the clock see this as "now" until it is advanced.
             * @example 2027-01-01T00:00:00Z
             */
            frozen_time: string;
            /** @example Annual plan renewals */
            name?: string;
        };
        CreateTokenOrderDto: {
            /** @description Capture at once (default: the consented terms version's `auto_capture`, else true; the capture policy in docs/money.md); false leaves the order authorized for `POST /v1/orders/{id}/captures` (it expires uncaptured after 28 days, `order.capture_expiring` before). */
            auto_capture?: boolean;
            /** @example invoice-2026-03 */
            merchant_reference1?: string;
            merchant_reference2?: string;
            /**
             * Format: int64
             * @description Σ order_lines total_amount.
             * @example 1000
             */
            order_amount: number;
            order_lines: components["schemas"]["OrderLineDto"][];
            /**
             * Format: int64
             * @description Σ line tax (0 if none).
             * @example 160
             */
            order_tax_amount: number;
            /**
             * @description Must be the consented currency (the token's scope).
             * @example EUR
             */
            purchase_currency: string;
        };
        CreateWebhookEndpointDto: {
            /** @description A note for people. */
            description?: string;
            /**
             * @description Event types to receive.
             * @example [
             *       "order.succeeded",
             *       "order.failed"
             *     ]
             */
            events: ("customer_token.created" | "customer_token.canceled" | "customer_token.suspended" | "consent.withdrawn" | "order.succeeded" | "order.failed" | "order.captured" | "order.refunded" | "order.canceled" | "order.capture_expiring" | "order.outcome_unknown" | "order.operation_outcome_unknown" | "subscription.created" | "subscription.charged" | "subscription.payment_failed" | "subscription.past_due" | "subscription.recovered" | "subscription.halted" | "subscription.paused" | "subscription.resumed" | "subscription.canceled" | "authorization.released")[];
            /**
             * @description Where events are POSTed. https, on a host that resolves to public addresses only (local and http URLs are accepted only where the service allows them, e.g. in development). Stored and returned normalised, as a WHATWG URL parser serialises it.
             * @example https://merchant.example/hooks/autopay
             */
            url: string;
        };
        CustomerDto: {
            /** @example 1990-01-31 */
            date_of_birth?: string;
            /** @enum {string} */
            gender?: "male" | "female";
            /** @example 1234 */
            last_four_ssn?: string;
            national_identification_number?: string;
            organization_entity_type?: string;
            organization_registration_id?: string;
            title?: string;
            /** @enum {string} */
            type?: "person" | "organization";
            vat_id?: string;
        };
        CustomerTokenDto: {
            /**
             * Format: date-time
             * @example null
             */
            canceled_at: string | null;
            consent_id: string;
            /** Format: date-time */
            created_at: string;
            description: string;
            /** @example ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @description buy_and_tokenize only. */
            initial_order?: components["schemas"]["InitialOrderDto"] | null;
            /**
             * @description From the consented terms.
             * @enum {string}
             */
            intended_use: "SUBSCRIPTION" | "ON_DEMAND";
            /** @example cust-4711 */
            merchant_customer_id: string;
            /** @example INVOICE */
            payment_method_type?: string | null;
            /** @example DE */
            purchase_country: string;
            /** @example EUR */
            purchase_currency: string;
            /**
             * @description Klarna's optional redirect_url from token creation: after sign-up, sending the consumer there sets Klarna's cookie and bounces to the session's confirmation URL (merchant_urls.confirmation). Null when Klarna gave none.
             * @example https://payments.klarna.com/redirect/0d3e4a1b
             */
            redirect_url: string | null;
            /** @description What later charges must stay within. */
            scope: components["schemas"]["TermsScopeViewDto"];
            session_id: string;
            /** @enum {string} */
            status: "active" | "suspended" | "canceled";
        };
        CustomerTokenPageDto: {
            data: components["schemas"]["CustomerTokenDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        DeletedTestClockDto: {
            /** @example true */
            deleted: boolean;
            /** @example clk_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /**
             * @description Subscriptions on the clock that were canceled with it.
             * @example 1
             */
            subscriptions_canceled: number;
        };
        DunningPolicyDto: {
            /**
             * @description Days after the first failed charge of a cycle at which it is tried again (strictly increasing, 1–60, at most 10). `[]` means no retries.
             * @example [
             *       1,
             *       3,
             *       7
             *     ]
             */
            delays_days: number[];
        };
        DunningPolicyViewDto: {
            /**
             * @example [
             *       1,
             *       3,
             *       7
             *     ]
             */
            delays_days: number[];
            /**
             * @description Whether the merchant set it or it is the default.
             * @enum {string}
             */
            source: "merchant" | "default";
        };
        EventDto: {
            /** Format: date-time */
            created_at: string;
            /** @description The object the event is about, as the API returns it. */
            data: {
                [key: string]: unknown;
            };
            /** @description One delivery per endpoint (and per redelivery). */
            deliveries: components["schemas"]["WebhookDeliveryDto"][];
            /** @example evt_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @enum {string} */
            type: "customer_token.created" | "customer_token.canceled" | "customer_token.suspended" | "consent.withdrawn" | "order.succeeded" | "order.failed" | "order.captured" | "order.refunded" | "order.canceled" | "order.capture_expiring" | "order.outcome_unknown" | "order.operation_outcome_unknown" | "subscription.created" | "subscription.charged" | "subscription.payment_failed" | "subscription.past_due" | "subscription.recovered" | "subscription.halted" | "subscription.paused" | "subscription.resumed" | "subscription.canceled" | "authorization.released";
        };
        EventPageDto: {
            data: components["schemas"]["EventDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @enum {string} */
        EventType: "customer_token.created" | "customer_token.canceled" | "customer_token.suspended" | "consent.withdrawn" | "order.succeeded" | "order.failed" | "order.captured" | "order.refunded" | "order.canceled" | "order.capture_expiring" | "order.outcome_unknown" | "order.operation_outcome_unknown" | "subscription.created" | "subscription.charged" | "subscription.payment_failed" | "subscription.past_due" | "subscription.recovered" | "subscription.halted" | "subscription.paused" | "subscription.resumed" | "subscription.canceled" | "authorization.released";
        FieldErrorDto: {
            /**
             * @description JSON path of the field.
             * @example order_lines[0].total_tax_amount
             */
            field: string;
            /** @example must be an integer number */
            message: string;
        };
        InitialOrderDto: {
            /** Format: date-time */
            created_at: string;
            /** @example ACCEPTED */
            fraud_status: string | null;
            /** @example ord_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @example f3d9a4a6-7d0c-4f4a-9d7e-2f8e1a0c2b11 */
            klarna_order_id: string;
            /** @example 1000 */
            order_amount: number;
            /** @example EUR */
            purchase_currency: string;
            /**
             * @description Klarna's optional redirect_url for the first order; null when Klarna gave none.
             * @example https://payments.klarna.com/redirect/0d3e4a1b
             */
            redirect_url: string | null;
        };
        JwkDto: {
            /** @enum {string} */
            alg: "EdDSA" | "ES256";
            /** @example Ed25519 */
            crv: string;
            /** @description RFC 7638 JWK thumbprint (SHA-256, base64url). */
            kid: string;
            /** @enum {string} */
            kty: "OKP" | "EC";
            /** @enum {string} */
            use: "sig";
            x: string;
            /** @description EC keys only. */
            y?: string;
        };
        JwksDto: {
            /** @description The current signing key first, then earlier ones. */
            keys: components["schemas"]["JwkDto"][];
        };
        KlarnaCredentialsDto: {
            /** @description Explicit Klarna base URL (a proxy or the emulator); overrides region × environment. */
            base_url?: string;
            /**
             * @description Klarna playground (test) or live.
             * @enum {string}
             */
            environment: "playground" | "live";
            /** @description Klarna API password. Stored encrypted; never returned. */
            password: string;
            /**
             * @description The Klarna region of the merchant's account.
             * @enum {string}
             */
            region: "EU" | "NA" | "OC";
            /**
             * @description Klarna API username (tied to the merchant id, MID).
             * @example PK12345_abcdef
             */
            username: string;
        };
        KlarnaSettingsDto: {
            /** @description Explicit base URL overriding region × environment. */
            base_url?: string | null;
            /** @description Whether Klarna credentials are configured. */
            configured: boolean;
            /** @enum {string|null} */
            environment: "playground" | "live" | null;
            /** @enum {string|null} */
            region: "EU" | "NA" | "OC" | null;
            /** @description Klarna API username (the password is never returned). */
            username: string | null;
        };
        MerchantDto: {
            /** Format: date-time */
            created_at: string;
            /** @example mer_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            klarna: components["schemas"]["KlarnaSettingsDto"];
            /** @example Citybikes GmbH */
            name: string;
        };
        MerchantPageDto: {
            data: components["schemas"]["MerchantDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        MerchantUrlsDto: {
            authorization?: string;
            /** @example https://shop.example/confirm/{session.id} */
            confirmation?: string;
            notification?: string;
            push?: string;
        };
        OperationDto: {
            /**
             * @description Minor units (0 for a cancellation).
             * @example 1000
             */
            amount: number;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** @example Goodwill credit */
            description: string | null;
            error_code: string | null;
            /**
             * @description `cap_…`, `ref_…` or `cnl_…`.
             * @example cap_01JD3X9R0S4V8W2Y6Z1A3B5C7D
             */
            id: string;
            /** @description Klarna's capture_id or refund_id. */
            klarna_id: string | null;
            /** @example ord_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            order_id: string;
            reference: string | null;
            /**
             * @description `klarna`: done outside Autopay (found by reconciliation).
             * @enum {string}
             */
            source: "api" | "klarna";
            /**
             * @description `succeeded`: Klarna executed it. `failed`: Klarna refused it. `unknown`: Klarna did not answer in time; the service finishes it with the same Klarna idempotency key.
             * @enum {string}
             */
            status: "unknown" | "succeeded" | "failed";
            /** @enum {string} */
            type: "capture" | "refund" | "cancel";
        };
        OrderDetailDto: {
            authorized_payment_method: components["schemas"]["AuthorizedPaymentMethodDto"] | null;
            /** Format: date-time */
            completed_at: string | null;
            /** @description The consent record this charge relied on. */
            consent_id: string;
            /** Format: date-time */
            created_at: string;
            /** @example ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            customer_token_id: string;
            /**
             * @description Klarna's error_code for declined and failed orders (`PAYMENT_METHOD_FAILED`), else null.
             * @example null
             */
            error_code: string | null;
            /** @example ACCEPTED */
            fraud_status: string | null;
            /** @example ord_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @example f3d9a4a6-7d0c-4f4a-9d7e-2f8e1a0c2b11 */
            klarna_order_id: string | null;
            /** @example invoice-2026-03 */
            merchant_reference1: string | null;
            merchant_reference2: string | null;
            /** @description Null until Klarna placed the order. */
            money: components["schemas"]["OrderMoneyDto"] | null;
            /** @example 1000 */
            order_amount: number;
            /** @example 160 */
            order_tax_amount: number;
            /** @example EUR */
            purchase_currency: string;
            /**
             * @description Klarna's optional redirect_url for this order: sending the consumer there sets Klarna's cookie and bounces to your confirmation URL. Null when Klarna gave none (or the order is not placed).
             * @example https://payments.klarna.com/redirect/0d3e4a1b
             */
            redirect_url: string | null;
            /**
             * @description `accepted` / `pending`: Klarna placed the order (its fraud_status). `declined`: Klarna declined the payment. `failed`: Klarna refused the order itself (token not active, forbidden, currency). `unknown`: in flight, or Klarna did not answer; the service finishes it with the same Klarna idempotency key.
             * @example accepted
             * @enum {string}
             */
            status: "accepted" | "pending" | "declined" | "failed" | "unknown";
            /** @description Set when a subscription placed the order. */
            subscription_id: string | null;
        };
        OrderDetailPageDto: {
            data: components["schemas"]["OrderDetailDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        OrderDto: {
            authorized_payment_method: components["schemas"]["AuthorizedPaymentMethodDto"] | null;
            /** Format: date-time */
            completed_at: string | null;
            /** @description The consent record this charge relied on. */
            consent_id: string;
            /** Format: date-time */
            created_at: string;
            /** @example ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            customer_token_id: string;
            /**
             * @description Klarna's error_code for declined and failed orders (`PAYMENT_METHOD_FAILED`), else null.
             * @example null
             */
            error_code: string | null;
            /** @example ACCEPTED */
            fraud_status: string | null;
            /** @example ord_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @example f3d9a4a6-7d0c-4f4a-9d7e-2f8e1a0c2b11 */
            klarna_order_id: string | null;
            /** @example invoice-2026-03 */
            merchant_reference1: string | null;
            merchant_reference2: string | null;
            /** @example 1000 */
            order_amount: number;
            /** @example 160 */
            order_tax_amount: number;
            /** @example EUR */
            purchase_currency: string;
            /**
             * @description Klarna's optional redirect_url for this order: sending the consumer there sets Klarna's cookie and bounces to your confirmation URL. Null when Klarna gave none (or the order is not placed).
             * @example https://payments.klarna.com/redirect/0d3e4a1b
             */
            redirect_url: string | null;
            /**
             * @description `accepted` / `pending`: Klarna placed the order (its fraud_status). `declined`: Klarna declined the payment. `failed`: Klarna refused the order itself (token not active, forbidden, currency). `unknown`: in flight, or Klarna did not answer; the service finishes it with the same Klarna idempotency key.
             * @example accepted
             * @enum {string}
             */
            status: "accepted" | "pending" | "declined" | "failed" | "unknown";
            /** @description Set when a subscription placed the order. */
            subscription_id: string | null;
        };
        OrderLineDto: {
            image_url?: string;
            merchant_data?: string;
            /** @example Monthly plan */
            name: string;
            product_identifiers?: components["schemas"]["ProductIdentifiersDto"];
            product_url?: string;
            /**
             * Format: int64
             * @example 1
             */
            quantity: number;
            /** @example pcs */
            quantity_unit?: string;
            reference?: string;
            subscription?: components["schemas"]["SubscriptionDto"];
            /**
             * Format: int64
             * @description 1900 = 19 %.
             * @example 1900
             */
            tax_rate?: number;
            /**
             * Format: int64
             * @description quantity × unit_price − total_discount_amount.
             * @example 1000
             */
            total_amount: number;
            /** Format: int64 */
            total_discount_amount?: number;
            /**
             * Format: int64
             * @example 160
             */
            total_tax_amount?: number;
            /**
             * @description Default physical.
             * @example digital
             * @enum {string}
             */
            type?: "physical" | "discount" | "shipping_fee" | "sales_tax" | "digital" | "gift_card" | "store_credit" | "surcharge";
            /**
             * Format: int64
             * @description Incl. tax, minor units.
             * @example 1000
             */
            unit_price: number;
        };
        OrderMoneyDto: {
            /**
             * Format: date-time
             * @description When the uncaptured remainder expires (null when nothing remains to capture).
             */
            authorization_expires_at: string | null;
            /** @example 1000 */
            authorized_amount: number;
            cancellation: components["schemas"]["OperationDto"] | null;
            /** @example 1000 */
            captured_amount: number;
            captures: components["schemas"]["OperationDto"][];
            /** @example 300 */
            refunded_amount: number;
            refunds: components["schemas"]["OperationDto"][];
            /**
             * @description Authorized and not yet captured (0 once canceled or expired).
             * @example 0
             */
            remaining_authorized_amount: number;
            /**
             * @description The order's money at Klarna's Order Management, as Autopay recorded and last reconciled it (Klarna's AUTHORIZED, PART_CAPTURED, … in Autopay's lower-case spelling).
             * @enum {string}
             */
            status: "authorized" | "part_captured" | "captured" | "canceled" | "expired" | "closed";
        };
        OrderPageDto: {
            data: components["schemas"]["OrderDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        PaymentMethodCategoryDto: {
            asset_urls?: {
                [key: string]: string;
            };
            /** @example klarna */
            identifier?: string;
            /** @example Pay with Klarna */
            name?: string;
        };
        PortalSessionDto: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
            /** @example pts_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @enum {string|null} */
            locale: "en" | "sv" | "de" | null;
            /** @example cust-4711 */
            merchant_customer_id: string;
            return_url: string | null;
            /**
             * @description The link to hand to the consumer (e.g. behind a "Manage automatic payments" button). It works once, until `expires_at`; opening it starts a browser session for that customer at your merchant only.
             * @example https://autopay.example.com/portal/open?token=pts_01JD3X9R0S4V8W2Y6Z1A3B5C7D.Yk3…
             */
            url: string;
        };
        PortalSettingsDto: {
            /** @example #0b6e4f */
            accent_color: string | null;
            display_name: string | null;
            enabled: boolean;
            logo_url: string | null;
            /**
             * Format: date-time
             * @description Null: never set.
             */
            updated_at: string | null;
        };
        ProblemDto: {
            /**
             * @description Stable, machine-readable, UPPER_SNAKE.
             * @example VALIDATION_FAILED
             */
            code: string;
            /** @example 1 field failed validation. */
            detail: string;
            /** @description Every bad field, when the request was invalid. */
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @example req_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            request_id: string;
            /** @example 400 */
            status: number;
            /** @example Bad Request */
            title: string;
            /**
             * @description URI reference identifying the problem type.
             * @example /problems/validation-failed
             */
            type: string;
            /** @description Present when Klarna refused the request. */
            upstream?: components["schemas"]["UpstreamErrorDto"];
        };
        ProductIdentifiersDto: {
            brand?: string;
            category_path?: string;
            color?: string;
            global_trade_item_number?: string;
            manufacturer_part_number?: string;
            size?: string;
        };
        ReceiptDto: {
            /** @description Compact JWS (EdDSA or ES256, `typ` autopay-receipt+jwt, `kid` in `/.well-known/jwks.json`) over the proof of the consent. */
            receipt: string;
        };
        RedeliverEventDto: {
            /**
             * @description Send to this endpoint only. Default: every enabled endpoint subscribed to the event type.
             * @example whe_01JD3X9R0S4V8W2Y6Z1A3B5C7D
             */
            endpoint_id?: string;
        };
        RetryPolicyDto: {
            /**
             * @description Days after the first failed charge of a cycle at which it is tried again (strictly increasing, 1–60, at most 10). `[]` means no retries.
             * @example [
             *       1,
             *       3,
             *       7
             *     ]
             */
            delays_days: number[];
        };
        SessionDto: {
            /** @description The current authorization, if any. */
            authorization: components["schemas"]["AuthorizationDto"] | null;
            billing_address?: components["schemas"]["AddressDto"];
            /** @description Pass to Klarna's JS SDK `init()` on the checkout page; never log it. */
            client_token: string;
            /** Format: date-time */
            created_at: string;
            customer?: components["schemas"]["CustomerDto"];
            /**
             * Format: date-time
             * @description 48 hours after creation.
             */
            expires_at: string;
            /** @example ses_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @enum {string} */
            intent: "tokenize" | "buy_and_tokenize" | "buy";
            /** @example 0b1d9815-165e-42e2-8867-35bc03789e00 */
            klarna_session_id: string;
            /** @example de-DE */
            locale: string;
            merchant_customer_id: string | null;
            merchant_reference1?: string;
            merchant_reference2?: string;
            merchant_urls?: components["schemas"]["MerchantUrlsDto"];
            /** @example 0 */
            order_amount: number;
            order_lines: components["schemas"]["OrderLineDto"][];
            /** @example 0 */
            order_tax_amount: number;
            payment_method_categories: components["schemas"]["PaymentMethodCategoryDto"][];
            /** @example DE */
            purchase_country: string;
            /** @example EUR */
            purchase_currency: string;
            shipping_address?: components["schemas"]["AddressDto"];
            /** @enum {string} */
            status: "open" | "completed" | "expired";
            /** @description The terms shown in this session. */
            terms: components["schemas"]["TermsDto"] | null;
            terms_id: string | null;
        };
        SubscriptionCycleDto: {
            /**
             * @description Charges tried so far.
             * @example 1
             */
            attempts: number;
            /**
             * @description 1-based; the idempotency key of its order is `<sub id>:cycle:<n>`.
             * @example 3
             */
            cycle: number;
            /** Format: date-time */
            due_at: string;
            /**
             * @description Why the last try failed (Klarna's `PAYMENT_METHOD_FAILED`, …); null once it succeeded.
             * @example null
             */
            last_error: string | null;
            /**
             * Format: date-time
             * @description Next try, while scheduled.
             * @example null
             */
            next_attempt_at: string | null;
            /** @example ord_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            order_id: string | null;
            /** Format: date-time */
            settled_at: string | null;
            /**
             * @example succeeded
             * @enum {string}
             */
            status: "scheduled" | "charging" | "succeeded" | "failed" | "skipped";
        };
        SubscriptionCyclePageDto: {
            data: components["schemas"]["SubscriptionCycleDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        SubscriptionDto: {
            /**
             * @example MONTH
             * @enum {string}
             */
            interval: "DAY" | "WEEK" | "MONTH" | "YEAR";
            /**
             * Format: int64
             * @example 1
             */
            interval_count: number;
            /** @example Monthly plan */
            name: string;
        };
        SubscriptionEventDto: {
            /** Format: date-time */
            created_at: string;
            cycle: number | null;
            data: {
                [key: string]: unknown;
            } | null;
            from_status: string | null;
            /** @example sev_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            to_status: string | null;
            /**
             * @description created, charged, payment_failed, past_due, recovered, halted, paused, resumed, canceled, cycle_skipped
             * @example charged
             */
            type: string;
        };
        SubscriptionEventPageDto: {
            data: components["schemas"]["SubscriptionEventDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        SubscriptionOrderDto: {
            /** @description Capture each cycle at once (default: the consented terms version's `auto_capture`, else true; see the capture policy in docs/money.md); false leaves each cycle authorized for `POST /v1/orders/{id}/captures`. */
            auto_capture?: boolean;
            /** @description Shown to the consumer as the order number. */
            merchant_reference1?: string;
            /** @description Default `<subscription id>:cycle:<n>`. */
            merchant_reference2?: string;
            /**
             * Format: int64
             * @description Σ order_lines total_amount.
             * @example 1000
             */
            order_amount: number;
            /** @description Each line carries Klarna's `subscription` object; when a line has none, the service adds `{name: <line name>, interval, interval_count}`. */
            order_lines: components["schemas"]["OrderLineDto"][];
            /**
             * Format: int64
             * @description Σ line tax.
             * @example 160
             */
            order_tax_amount: number;
            /**
             * @description Must be the consented currency (the token's scope).
             * @example EUR
             */
            purchase_currency: string;
        };
        SubscriptionOrderViewDto: {
            /** @description Capture each cycle at once (default: the consented terms version's `auto_capture`, else true; see the capture policy in docs/money.md); false leaves each cycle authorized for `POST /v1/orders/{id}/captures`. */
            auto_capture?: boolean;
            /** @description Shown to the consumer as the order number. */
            merchant_reference1?: string;
            /** @description Default `<subscription id>:cycle:<n>`. */
            merchant_reference2?: string;
            /**
             * Format: int64
             * @description Σ order_lines total_amount.
             * @example 1000
             */
            order_amount: number;
            /** @description Each line carries Klarna's `subscription` object; when a line has none, the service adds `{name: <line name>, interval, interval_count}`. */
            order_lines: components["schemas"]["OrderLineDto"][];
            /**
             * Format: int64
             * @description Σ line tax.
             * @example 160
             */
            order_tax_amount: number;
            /**
             * @description Must be the consented currency (the token's scope).
             * @example EUR
             */
            purchase_currency: string;
        };
        SubscriptionPageDto: {
            data: components["schemas"]["SubscriptionResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        SubscriptionResponseDto: {
            /**
             * Format: date-time
             * @example null
             */
            canceled_at: string | null;
            /** Format: date-time */
            created_at: string;
            /**
             * @description The newest cycle so far (0 before the first).
             * @example 3
             */
            current_cycle: number;
            /** @example ctok_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            customer_token_id: string;
            /** @example Citybikes monthly plan */
            description: string | null;
            /** @example null */
            end_date: string | null;
            /** @example sub_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /**
             * @example MONTH
             * @enum {string}
             */
            interval: "DAY" | "WEEK" | "MONTH" | "YEAR";
            /** @example 1 */
            interval_count: number;
            /** Format: date-time */
            last_charged_at: string | null;
            latest_cycle: components["schemas"]["SubscriptionCycleDto"] | null;
            /**
             * @example {
             *       "plan": "monthly-basic"
             *     }
             */
            metadata: {
                [key: string]: string;
            } | null;
            /**
             * Format: date-time
             * @description When the next cycle is due (00:00 UTC of its date); null when paused, halted, canceled or ended.
             */
            next_charge_at: string | null;
            order: components["schemas"]["SubscriptionOrderViewDto"];
            /** @description The subscription's own policy. */
            retry_policy: components["schemas"]["RetryPolicyDto"] | null;
            /** @example 2026-03-01 */
            start_date: string;
            /**
             * @example active
             * @enum {string}
             */
            status: "active" | "paused" | "past_due" | "halted" | "canceled";
            /**
             * @description Why halted or canceled: token_suspended (halted), token_canceled or consent_withdrawn (canceled with the token), consent_exceeded, outcome_unknown (a charge whose outcome at Klarna never came: reconcile it, then resume), merchant, ended, test_clock_deleted.
             * @example null
             */
            status_reason: string | null;
            /**
             * @description The test clock it lives on; null on the real time.
             * @example null
             */
            test_clock: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        TermsDto: {
            /** @description Capture policy of orders under consents to this version (null: not set, the default applies). Not in `content_sha256`. */
            auto_capture: boolean | null;
            body: string;
            /**
             * @description SHA-256 (hex) of the canonical JSON of {title, body, locale, intended_use, scope}.
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            content_sha256: string;
            /** Format: date-time */
            created_at: string;
            /** @example trm_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** @enum {string} */
            intended_use: "SUBSCRIPTION" | "ON_DEMAND";
            /** @example ev-charging */
            key: string;
            /** @example de-DE */
            locale: string;
            /** Format: date-time */
            published_at: string | null;
            scope: components["schemas"]["TermsScopeViewDto"];
            /** @enum {string} */
            status: "draft" | "published";
            title: string;
            /**
             * @description Version number within (key, locale).
             * @example 1
             */
            version: number;
        };
        TermsPageDto: {
            data: components["schemas"]["TermsDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        TermsScopeDto: {
            /**
             * @description Currency every charge under these terms uses.
             * @example EUR
             */
            currency: string;
            /**
             * @description Billing interval; required for SUBSCRIPTION, not allowed for ON_DEMAND.
             * @example MONTH
             * @enum {string}
             */
            interval?: "DAY" | "WEEK" | "MONTH" | "YEAR";
            /**
             * Format: int64
             * @description Intervals per charge (default 1).
             * @example 1
             */
            interval_count?: number;
            /**
             * Format: int64
             * @description Largest amount of one order, in minor units (5000 = 50.00).
             * @example 5000
             */
            max_order_amount: number;
        };
        TermsScopeViewDto: {
            /** @example EUR */
            currency: string;
            /**
             * @example MONTH
             * @enum {string}
             */
            interval?: "DAY" | "WEEK" | "MONTH" | "YEAR";
            /** @example 1 */
            interval_count?: number;
            /** @example 5000 */
            max_order_amount: number;
        };
        TestClockDto: {
            /**
             * Format: date-time
             * @description Real time of creation.
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2027-01-01T00:00:00.000Z
             */
            frozen_time: string;
            /** @example clk_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /**
             * Format: date-time
             * @description Klarna's time after the last move: with the Klarna emulator it moves with the clock (forward only, for the whole emulator); null with Klarna's playground, whose time stays real.
             */
            klarna_time: string | null;
            /** @example Annual plan renewals */
            name: string | null;
            /**
             * @description `advancing` while the renewals, retries and token checks that came due are being done (seconds), then `ready`. `internal_failure`: they could not all be done; advancing again retries.
             * @enum {string}
             */
            status: "ready" | "advancing" | "internal_failure";
        };
        TestClockPageDto: {
            data: components["schemas"]["TestClockDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        UpdatePortalSettingsDto: {
            /**
             * @description Accent colour of buttons and links, `#rrggbb`.
             * @example #0b6e4f
             */
            accent_color?: string;
            /**
             * @description The name the portal shows (default: your merchant name).
             * @example Citybikes
             */
            display_name?: string;
            /** @description Whether your customers can open portal links (existing sessions stop at once). */
            enabled: boolean;
            /** @description Your logo (https), shown at the top of every portal page. */
            logo_url?: string;
        };
        UpdateSessionDto: {
            billing_address?: components["schemas"]["AddressDto"];
            customer?: components["schemas"]["CustomerDto"];
            /** @example de-DE */
            locale?: string;
            merchant_reference1?: string;
            merchant_reference2?: string;
            merchant_urls?: components["schemas"]["MerchantUrlsDto"];
            /**
             * Format: int64
             * @description Σ order_lines total_amount.
             * @example 0
             */
            order_amount?: number;
            order_lines?: components["schemas"]["OrderLineDto"][];
            /**
             * Format: int64
             * @description Σ line tax.
             * @example 0
             */
            order_tax_amount?: number;
            /** @example DE */
            purchase_country?: string;
            /** @example EUR */
            purchase_currency?: string;
            shipping_address?: components["schemas"]["AddressDto"];
        };
        UpdateTermsDto: {
            /** @description The capture policy of this draft; `null` unsets it. */
            auto_capture?: boolean | null;
            body?: string;
            /** @enum {string} */
            intended_use?: "SUBSCRIPTION" | "ON_DEMAND";
            scope?: components["schemas"]["TermsScopeDto"];
            title?: string;
        };
        UpstreamErrorDto: {
            /**
             * @description Klarna's correlation id.
             * @example 6a9b1cb1-73a3-4936-a030-481ba4bb203b
             */
            correlation_id?: string;
            /**
             * @description Klarna's error_code.
             * @example BAD_VALUE
             */
            error_code: string;
        };
        VerifyReportDto: {
            /** @description Every broken chain (up to 100), in merchant order. */
            broken: components["schemas"]["BrokenChainDto"][];
            /** @description The first broken record (first broken merchant). */
            first_broken_id: string | null;
            first_broken_seq: number | null;
            /** @description Merchant of the first broken chain. */
            merchant_id: string | null;
            merchants_checked: number;
            ok: boolean;
            /** @enum {string|null} */
            reason: "sequence_gap" | "prev_hash_mismatch" | "hash_mismatch" | "head_mismatch" | null;
            /** @description Consents and consent events checked. */
            records_checked: number;
        };
        WebhookDeliveryAttemptDto: {
            /** Format: date-time */
            attempted_at: string;
            /** @description How long the attempt took. */
            duration_ms: number;
            /** @example ECONNREFUSED */
            error: string | null;
            /** @description HTTP status answered; null when none came. */
            status_code: number | null;
        };
        WebhookDeliveryDto: {
            /** @description Every attempt, oldest first (only when reading one event). */
            attempt_log?: components["schemas"]["WebhookDeliveryAttemptDto"][];
            /** @description Attempts made so far. */
            attempts: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            delivered_at: string | null;
            /** @example whe_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            endpoint_id: string;
            /** @example whd_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /** Format: date-time */
            last_attempt_at: string | null;
            last_error: string | null;
            last_status_code: number | null;
            /** Format: date-time */
            next_attempt_at: string | null;
            /**
             * @description `pending`: queued or retrying; `succeeded`: the endpoint answered 2xx; `failed`: retried for 3 days without success; `canceled`: the endpoint was disabled first.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed" | "canceled";
        };
        WebhookEndpointDto: {
            /** Format: date-time */
            created_at: string;
            description: string | null;
            /** Format: date-time */
            disabled_at: string | null;
            events: components["schemas"]["EventType"][];
            /** @example whe_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /**
             * Format: date-time
             * @description Until then, deliveries also carry a signature made with the secret before the last rotation.
             */
            previous_secret_expires_at: string | null;
            /** @enum {string} */
            status: "enabled" | "disabled";
            /** @example https://merchant.example/hooks/autopay */
            url: string;
        };
        WebhookEndpointPageDto: {
            data: components["schemas"]["WebhookEndpointDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        WebhookEndpointWithSecretDto: {
            /** Format: date-time */
            created_at: string;
            description: string | null;
            /** Format: date-time */
            disabled_at: string | null;
            events: components["schemas"]["EventType"][];
            /** @example whe_01JD3X9R0S4V8W2Y6Z1A3B5C7D */
            id: string;
            /**
             * Format: date-time
             * @description Until then, deliveries also carry a signature made with the secret before the last rotation.
             */
            previous_secret_expires_at: string | null;
            /**
             * @description Signing secret (`whsec_…`). Shown only in this response; store it now. The `Autopay-Signature` header holds `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with this secret>`.
             * @example whsec_6yZ…
             */
            secret: string;
            /** @enum {string} */
            status: "enabled" | "disabled";
            /** @example https://merchant.example/hooks/autopay */
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    index_index: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The index. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Rate limit for this IP address exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    jwks_jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwksDto"];
                };
            };
            /** @description Rate limit for this IP address exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminApiKeys_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminApiKeys_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: 1 to 255 characters, unique per API key; send it to make a retry safe. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlatformApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminApiKeys_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                api_key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    auditLog_list: {
        parameters: {
            query?: {
                /** @description Only this action, e.g. `consents.export` or `merchant.create`. */
                action?: string;
                /** @description Only requests made with this API key id (or in this consumer portal session, `pts_…`). */
                actor_key_id?: string;
                /** @description Only requests made with keys of this role (`consumer`: actions in the consumer portal). */
                actor_role?: "merchant" | "admin" | "auditor" | "merchant_auditor" | "consumer";
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description From this time (inclusive). */
                from?: string;
                /** @description Page size. */
                limit?: number;
                /** @description Only requests about this resource id. */
                target_id?: string;
                /** @description Until this time (exclusive). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor, merchant_auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    consentsAdmin_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only the consent linked to this customer token. */
                customer_token_id?: string;
                /** @description Only consents with an event of this type (e.g. `withdrawn`). */
                event_type?: "granted" | "linked_to_token" | "withdrawn";
                /** @description Accepted at or after this time. */
                from?: string;
                /** @description Page size. */
                limit?: number;
                /** @description Only this merchant's customer id. */
                merchant_customer_id?: string;
                /** @description Only this merchant. */
                merchant_id?: string;
                /** @description Only consents to this terms version (id). */
                terms_id?: string;
                /** @description Only consents to terms with this version number. */
                terms_version?: number;
                /** @description Accepted before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminConsentPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor, merchant_auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    consentsAdmin_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                consent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminConsentDetailDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor, merchant_auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    consentsAdmin_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                consent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor, merchant_auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `CONSENT_CHAIN_BROKEN`: the record does not verify. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CONSENT_CHAIN_BROKEN",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/consent-chain-broken"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    chainHeads_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
                /** @description Only this merchant. */
                merchant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainHeadPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor, merchant_auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    consentsAdmin_export: {
        parameters: {
            query: {
                /** @description Only the consent linked to this customer token. */
                customer_token_id?: string;
                /** @description Only consents with an event of this type (e.g. `withdrawn`). */
                event_type?: "granted" | "linked_to_token" | "withdrawn";
                /** @description `csv` (one row per consent) or `ndjson` (one JSON object per line). */
                format: "csv" | "ndjson";
                /** @description Accepted at or after this time. */
                from?: string;
                /** @description Only this merchant's customer id. */
                merchant_customer_id?: string;
                /** @description Only this merchant. */
                merchant_id?: string;
                /** @description Only consents to this terms version (id). */
                terms_id?: string;
                /** @description Only consents to terms with this version number. */
                terms_version?: number;
                /** @description Accepted before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export, as an attachment (`Content-Disposition`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor, merchant_auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    consentsAdmin_verify: {
        parameters: {
            query?: {
                /** @description Only this merchant; all merchants without it. */
                merchant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyReportDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor, merchant_auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown merchant_id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminMerchants_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminMerchants_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: 1 to 255 characters, unique per merchant; send it to make a retry safe. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMerchantDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminMerchants_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminMerchants_listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminMerchants_issueKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: 1 to 255 characters, unique per API key; send it to make a retry safe. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key"?: string;
            };
            path: {
                merchant_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMerchantApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminMerchants_setKlarnaCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KlarnaCredentialsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminMoney_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDetailDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin, auditor. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminMoney_cancel: {
        parameters: {
            query?: never;
            header: {
                /** @description Required (this request can charge the consumer): 1 to 255 characters, unique per cancellation. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key": string;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Klarna canceled the order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description Outcome unknown; finished in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (also a missing Idempotency-Key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such order (for a merchant key: of this merchant). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `CANCEL_NOT_ALLOWED`, `ORDER_NOT_PLACED`, `REQUEST_IN_PROGRESS`, `OUTCOME_UNKNOWN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CANCEL_NOT_ALLOWED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/cancel-not-allowed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "IDEMPOTENCY_KEY_REUSED",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/idempotency-key-reused"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_CREDENTIALS_REJECTED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_CREDENTIALS_REJECTED",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-credentials-rejected"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_UNAVAILABLE`, `KLARNA_RATE_LIMITED`: nothing was sent; retry with the same key. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_UNAVAILABLE",
                     *       "detail": "A dependency is down.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 503,
                     *       "title": "Service Unavailable",
                     *       "type": "/problems/klarna-unavailable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    adminMoney_refund: {
        parameters: {
            query?: never;
            header: {
                /** @description Required (this request can charge the consumer): 1 to 255 characters, unique per refund. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key": string;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRefundDto"];
            };
        };
        responses: {
            /** @description Klarna refunded it. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description Outcome unknown; finished in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (also a missing Idempotency-Key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such order (for a merchant key: of this merchant). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `REFUND_NOT_ALLOWED`, `ORDER_NOT_PLACED`, `REQUEST_IN_PROGRESS`, `OUTCOME_UNKNOWN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "REFUND_NOT_ALLOWED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/refund-not-allowed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `REFUND_EXCEEDS_CAPTURED`, `IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "REFUND_EXCEEDS_CAPTURED",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/refund-exceeds-captured"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_CREDENTIALS_REJECTED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_CREDENTIALS_REJECTED",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-credentials-rejected"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_UNAVAILABLE`, `KLARNA_RATE_LIMITED`: nothing was sent; retry with the same key. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_UNAVAILABLE",
                     *       "detail": "A dependency is down.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 503,
                     *       "title": "Service Unavailable",
                     *       "type": "/problems/klarna-unavailable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Rate limit for this IP address exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example ok */
                        status?: string;
                    };
                };
            };
            /** @description Rate limit for this IP address exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description The Health Check is not successful
             *
             *     `NOT_READY`: the database does not answer, or the instance is shutting down (the detail names which).
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_READY",
                     *       "detail": "A dependency is down.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 503,
                     *       "title": "Service Unavailable",
                     *       "type": "/problems/not-ready"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    authorizations_release: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                authorization_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `AUTHORIZATION_CONSUMED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "AUTHORIZATION_CONSUMED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/authorization-consumed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    consents_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                consent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    customerTokens_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
                merchant_customer_id?: string;
                status?: "active" | "suspended" | "canceled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerTokenPageDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    customerTokens_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: 1 to 255 characters, unique per customer token; send it to make a retry safe. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCustomerTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerTokenDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `AUTHORIZATION_REQUIRED`, `REAUTHORIZATION_REQUIRED`, `AUTHORIZATION_EXPIRED`, `AUTHORIZATION_UNKNOWN_TO_KLARNA` (Klarna refused the recorded token within its 60 minutes), `CONSENT_REQUIRED`, `SESSION_EXPIRED`, `INTENT_NOT_TOKENIZABLE`, `TOKEN_CREATION_IN_PROGRESS`, `TOKEN_OUTCOME_UNKNOWN`, `TOKEN_CREATION_FAILED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "AUTHORIZATION_REQUIRED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/authorization-required"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_ERROR` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_ERROR",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-error"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_OUTCOME_UNKNOWN` */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_OUTCOME_UNKNOWN",
                     *       "detail": "Klarna did not answer in time.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 504,
                     *       "title": "Gateway Timeout",
                     *       "type": "/problems/klarna-outcome-unknown"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    customerTokens_get: {
        parameters: {
            query?: {
                /** @description Read the current status from Klarna first. */
                refresh?: boolean;
            };
            header?: never;
            path: {
                customer_token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerTokenDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_ERROR",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-error"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    customerTokens_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerTokenDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_ERROR",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-error"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    orders_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path: {
                customer_token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPageDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    orders_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required (this request can charge the consumer): 1 to 255 characters, unique per order. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key": string;
            };
            path: {
                customer_token_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenOrderDto"];
            };
        };
        responses: {
            /** @description Klarna placed the order (`accepted` or `pending`). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Outcome unknown (Klarna timed out); the order (status `unknown`) is finished in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (also a missing Idempotency-Key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `PAYMENT_DECLINED` (with `upstream.error_code`) */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "PAYMENT_DECLINED",
                     *       "detail": "The request failed.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 402,
                     *       "title": "Error",
                     *       "type": "/problems/payment-declined"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `TOKEN_NOT_ACTIVE`, `REQUEST_IN_PROGRESS` (with Retry-After), `KLARNA_NOT_CONFIGURED`, `OUTCOME_UNKNOWN` (a repeat after the service stopped asking Klarna about an unknown outcome, 20 h on: reconcile by hand) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "TOKEN_NOT_ACTIVE",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/token-not-active"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `CONSENT_SCOPE_EXCEEDED`, `IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CONSENT_SCOPE_EXCEEDED",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/consent-scope-exceeded"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_CREDENTIALS_REJECTED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_CREDENTIALS_REJECTED",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-credentials-rejected"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_UNAVAILABLE`, `KLARNA_RATE_LIMITED`: nothing was sent; retry with the same key. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_UNAVAILABLE",
                     *       "detail": "A dependency is down.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 503,
                     *       "title": "Service Unavailable",
                     *       "type": "/problems/klarna-unavailable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required (this request can charge the consumer): 1 to 255 characters, unique per subscription. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key": string;
            };
            path: {
                customer_token_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubscriptionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `TOKEN_NOT_ACTIVE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "TOKEN_NOT_ACTIVE",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/token-not-active"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `CONSENT_SCOPE_EXCEEDED`, naming the limit */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CONSENT_SCOPE_EXCEEDED",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/consent-scope-exceeded"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    portalApi_createSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 255 characters; scoped to the merchant. */
                "Idempotency-Key"?: string;
            };
            path: {
                merchant_customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePortalSessionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSessionDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `PORTAL_DISABLED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "PORTAL_DISABLED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/portal-disabled"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "IDEMPOTENCY_KEY_REUSED",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/idempotency-key-reused"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    events_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
                /** @description Only events of this type. */
                type?: components["schemas"]["EventType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    events_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    events_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeliverEventDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The endpoint is disabled, or there is none. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CONFLICT",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    merchantSelf_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_dunningPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningPolicyViewDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_setDunningPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DunningPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DunningPolicyViewDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    portalApi_getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSettingsDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    portalApi_putSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePortalSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSettingsDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    money_list: {
        parameters: {
            query?: {
                /** @description Created at or after. */
                created_from?: string;
                /** @description Created before. */
                created_to?: string;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                customer_token_id?: string;
                /** @description Page size. */
                limit?: number;
                status?: "accepted" | "pending" | "declined" | "failed" | "unknown";
                subscription_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDetailPageDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    money_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDetailDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    money_cancel: {
        parameters: {
            query?: never;
            header: {
                /** @description Required (this request can charge the consumer): 1 to 255 characters, unique per cancellation. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key": string;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Klarna canceled the order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description Outcome unknown; finished in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (also a missing Idempotency-Key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such order (for a merchant key: of this merchant). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `CANCEL_NOT_ALLOWED`, `ORDER_NOT_PLACED`, `REQUEST_IN_PROGRESS`, `OUTCOME_UNKNOWN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CANCEL_NOT_ALLOWED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/cancel-not-allowed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "IDEMPOTENCY_KEY_REUSED",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/idempotency-key-reused"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_CREDENTIALS_REJECTED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_CREDENTIALS_REJECTED",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-credentials-rejected"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_UNAVAILABLE`, `KLARNA_RATE_LIMITED`: nothing was sent; retry with the same key. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_UNAVAILABLE",
                     *       "detail": "A dependency is down.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 503,
                     *       "title": "Service Unavailable",
                     *       "type": "/problems/klarna-unavailable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    money_capture: {
        parameters: {
            query?: never;
            header: {
                /** @description Required (this request can charge the consumer): 1 to 255 characters, unique per capture. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key": string;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaptureDto"];
            };
        };
        responses: {
            /** @description Klarna captured it. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description Outcome unknown; finished in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (also a missing Idempotency-Key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such order (for a merchant key: of this merchant). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `CAPTURE_NOT_ALLOWED`, `ORDER_NOT_PLACED`, `REQUEST_IN_PROGRESS`, `OUTCOME_UNKNOWN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CAPTURE_NOT_ALLOWED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/capture-not-allowed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `CAPTURE_EXCEEDS_AUTHORIZATION`, `IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CAPTURE_EXCEEDS_AUTHORIZATION",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/capture-exceeds-authorization"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_CREDENTIALS_REJECTED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_CREDENTIALS_REJECTED",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-credentials-rejected"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_UNAVAILABLE`, `KLARNA_RATE_LIMITED`: nothing was sent; retry with the same key. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_UNAVAILABLE",
                     *       "detail": "A dependency is down.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 503,
                     *       "title": "Service Unavailable",
                     *       "type": "/problems/klarna-unavailable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    money_refund: {
        parameters: {
            query?: never;
            header: {
                /** @description Required (this request can charge the consumer): 1 to 255 characters, unique per refund. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key": string;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRefundDto"];
            };
        };
        responses: {
            /** @description Klarna refunded it. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description Outcome unknown; finished in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (also a missing Idempotency-Key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such order (for a merchant key: of this merchant). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `REFUND_NOT_ALLOWED`, `ORDER_NOT_PLACED`, `REQUEST_IN_PROGRESS`, `OUTCOME_UNKNOWN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "REFUND_NOT_ALLOWED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/refund-not-allowed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `REFUND_EXCEEDS_CAPTURED`, `IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "REFUND_EXCEEDS_CAPTURED",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/refund-exceeds-captured"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_CREDENTIALS_REJECTED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_CREDENTIALS_REJECTED",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-credentials-rejected"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_UNAVAILABLE`, `KLARNA_RATE_LIMITED`: nothing was sent; retry with the same key. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_UNAVAILABLE",
                     *       "detail": "A dependency is down.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 503,
                     *       "title": "Service Unavailable",
                     *       "type": "/problems/klarna-unavailable"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    sessions_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: 1 to 255 characters, unique per session; send it to make a retry safe. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSessionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description `VALIDATION_FAILED` with every bad field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_NOT_CONFIGURED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_NOT_CONFIGURED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/klarna-not-configured"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_REJECTED`: Klarna refused the data. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_REJECTED",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/klarna-rejected"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_ERROR`, `KLARNA_CREDENTIALS_REJECTED`. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_ERROR",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-error"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    sessions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    sessions_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSessionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `SESSION_COMPLETED`, `SESSION_EXPIRED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "SESSION_COMPLETED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/session-completed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_REJECTED`: Klarna refused the data. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_REJECTED",
                     *       "detail": "The request cannot be carried out.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 422,
                     *       "title": "Unprocessable Entity",
                     *       "type": "/problems/klarna-rejected"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `KLARNA_ERROR`, `KLARNA_CREDENTIALS_REJECTED`. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "KLARNA_ERROR",
                     *       "detail": "Klarna answered with an error.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 502,
                     *       "title": "Bad Gateway",
                     *       "type": "/problems/klarna-error"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    authorizations_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAuthorizationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `SESSION_COMPLETED`, `SESSION_EXPIRED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "SESSION_COMPLETED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/session-completed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    consents_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConsentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `SESSION_COMPLETED`, `SESSION_EXPIRED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "SESSION_COMPLETED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/session-completed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                customer_token_id?: string;
                /** @description Page size. */
                limit?: number;
                status?: "active" | "paused" | "past_due" | "halted" | "canceled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPageDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_cycles: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionCyclePageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_events: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionEventPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `SUBSCRIPTION_NOT_ACTIVE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "SUBSCRIPTION_NOT_ACTIVE",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/subscription-not-active"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    subscriptions_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `SUBSCRIPTION_CANCELED`, `TOKEN_NOT_ACTIVE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "SUBSCRIPTION_CANCELED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/subscription-canceled"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    terms_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only versions of this key. */
                key?: string;
                /** @description Page size. */
                limit?: number;
                status?: "draft" | "published";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TermsPageDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    terms_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: 1 to 255 characters, unique per terms version; send it to make a retry safe. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTermsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TermsDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    terms_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terms_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TermsDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    terms_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terms_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTermsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TermsDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `TERMS_PUBLISHED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "TERMS_PUBLISHED",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/terms-published"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    terms_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terms_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TermsDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    testClocks_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestClockPageDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    testClocks_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: 1 to 255 characters, unique per test clock; send it to make a retry safe. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTestClockDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestClockDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `TEST_CLOCK_LIVE_CREDENTIALS` (live Klarna credentials), `KLARNA_NOT_CONFIGURED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "TEST_CLOCK_LIVE_CREDENTIALS",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/test-clock-live-credentials"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    testClocks_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                test_clock_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestClockDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    testClocks_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                test_clock_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedTestClockDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `TEST_CLOCK_ADVANCING` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "TEST_CLOCK_ADVANCING",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/test-clock-advancing"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    testClocks_advance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: 1 to 255 characters, unique per advance; send it to make a retry safe. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key"?: string;
            };
            path: {
                test_clock_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvanceTestClockDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestClockDto"];
                };
            };
            /** @description Not later than the current time, or too far. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description `TEST_CLOCK_ADVANCING`, `TEST_CLOCK_LIVE_CREDENTIALS` (live Klarna credentials), `KLARNA_NOT_CONFIGURED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "TEST_CLOCK_ADVANCING",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/test-clock-advancing"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    webhookEndpoints_list: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    webhookEndpoints_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: 1 to 255 characters, unique per webhook endpoint; send it to make a retry safe. Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookEndpointDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecretDto"];
                };
            };
            /** @description Invalid body, or a URL the service may not call. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "1 field failed validation.",
                     *       "errors": [
                     *         {
                     *           "field": "order_lines[0].total_tax_amount",
                     *           "message": "must be an integer number"
                     *         }
                     *       ],
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 400,
                     *       "title": "Bad Request",
                     *       "type": "/problems/validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many enabled endpoints. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CONFLICT",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    webhookEndpoints_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    webhookEndpoints_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    webhookEndpoints_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecretDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "Missing, unknown, expired or revoked API key.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 401,
                     *       "title": "Unauthorized",
                     *       "type": "/problems/unauthenticated"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Allowed roles: merchant. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "FORBIDDEN",
                     *       "detail": "This API key may not call this route.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 403,
                     *       "title": "Forbidden",
                     *       "type": "/problems/forbidden"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "NOT_FOUND",
                     *       "detail": "The resource was not found.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 404,
                     *       "title": "Not Found",
                     *       "type": "/problems/not-found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The endpoint is disabled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "CONFLICT",
                     *       "detail": "The resource is not in a state that allows this.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 409,
                     *       "title": "Conflict",
                     *       "type": "/problems/conflict"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Rate limit for this API key exceeded. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "RATE_LIMITED",
                     *       "detail": "Rate limit exceeded; retry after the Retry-After seconds.",
                     *       "request_id": "req_01JD3X9R0S4V8W2Y6Z1A3B5C7D",
                     *       "status": 429,
                     *       "title": "Too Many Requests",
                     *       "type": "/problems/rate-limited"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}

/** The POSTs that honour an Idempotency-Key: the client sends one (its own unless given) and may retry them. */
export const idempotentPosts = [
  '/admin/v1/api-keys',
  '/admin/v1/merchants',
  '/admin/v1/merchants/{merchant_id}/api-keys',
  '/admin/v1/orders/{order_id}/cancel',
  '/admin/v1/orders/{order_id}/refunds',
  '/v1/customer-tokens',
  '/v1/customer-tokens/{customer_token_id}/orders',
  '/v1/customer-tokens/{customer_token_id}/subscriptions',
  '/v1/customers/{merchant_customer_id}/portal-sessions',
  '/v1/orders/{order_id}/cancel',
  '/v1/orders/{order_id}/captures',
  '/v1/orders/{order_id}/refunds',
  '/v1/sessions',
  '/v1/terms',
  '/v1/test-clocks',
  '/v1/test-clocks/{test_clock_id}/advance',
  '/v1/webhook-endpoints'
] as const;
