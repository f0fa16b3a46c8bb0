/**
 * Klarna wire types, snake_case as on the wire, following Klarna's OpenAPI (Payments v1 and Customer Token v1,
 * see test/contract/klarna-openapi). Amounts are integers in minor units. Read-only response fields are kept
 * out of the request types so a request never echoes them back.
 */

export interface KlarnaResult<T> {
  data: T;
  /** The `Klarna-Correlation-Id` response header; quote it to Klarna support. */
  correlationId?: string;
}

export type KlarnaIntent = 'buy' | 'tokenize' | 'buy_and_tokenize';
export type KlarnaAcquiringChannel = 'ECOMMERCE' | 'IN_STORE' | 'TELESALES';
export type KlarnaOrderLineType =
  | 'physical'
  | 'discount'
  | 'shipping_fee'
  | 'sales_tax'
  | 'digital'
  | 'gift_card'
  | 'store_credit'
  | 'surcharge';
export type KlarnaSubscriptionInterval = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
export type KlarnaFraudStatus = 'ACCEPTED' | 'PENDING' | 'REJECTED';
export type KlarnaTokenStatus = 'ACTIVE' | 'SUSPENDED' | 'CANCELLED';

export interface KlarnaAddress {
  attention?: string;
  city?: string;
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
}

export type KlarnaOrganizationEntityType =
  | 'LIMITED_COMPANY'
  | 'PUBLIC_LIMITED_COMPANY'
  | 'ENTREPRENEURIAL_COMPANY'
  | 'LIMITED_PARTNERSHIP_LIMITED_COMPANY'
  | 'LIMITED_PARTNERSHIP'
  | 'GENERAL_PARTNERSHIP'
  | 'REGISTERED_SOLE_TRADER'
  | 'SOLE_TRADER'
  | 'CIVIL_LAW_PARTNERSHIP'
  | 'PUBLIC_INSTITUTION'
  | 'OTHER';

export interface KlarnaCustomer {
  date_of_birth?: string;
  gender?: string;
  last_four_ssn?: string;
  national_identification_number?: string;
  organization_entity_type?: KlarnaOrganizationEntityType;
  organization_registration_id?: string;
  title?: string;
  type?: 'person' | 'organization';
  vat_id?: string;
}

/** What a session read returns about the customer (no national id / SSN). */
export interface KlarnaCustomerRead {
  date_of_birth?: string;
  gender?: string;
  organization_entity_type?: KlarnaOrganizationEntityType;
  organization_registration_id?: string;
  title?: string;
  type?: string;
  vat_id?: string;
}

export interface KlarnaProductIdentifiers {
  brand?: string;
  category_path?: string;
  global_trade_item_number?: string;
  manufacturer_part_number?: string;
  color?: string;
  size?: string;
}

export interface KlarnaSubscription {
  name: string;
  interval: KlarnaSubscriptionInterval;
  interval_count: number;
}

export interface KlarnaOrderLine {
  type?: KlarnaOrderLineType;
  reference?: string;
  name: string;
  quantity: number;
  quantity_unit?: string;
  unit_price: number;
  tax_rate?: number;
  total_amount: number;
  total_discount_amount?: number;
  total_tax_amount?: number;
  merchant_data?: string;
  image_url?: string;
  product_url?: string;
  product_identifiers?: KlarnaProductIdentifiers;
  subscription?: KlarnaSubscription;
}

export interface KlarnaMerchantUrls {
  confirmation?: string;
  notification?: string;
  push?: string;
  authorization?: string;
}

export interface KlarnaAttachment {
  content_type: string;
  /** JSON serialised to a string (Extra Merchant Data). */
  body: string;
}

export interface KlarnaOptions {
  color_border?: string;
  color_border_selected?: string;
  color_details?: string;
  color_text?: string;
  radius_border?: string;
}

export interface KlarnaPaymentMethodCategory {
  identifier?: string;
  name?: string;
  asset_urls?: { descriptive?: string; standard?: string };
}

export interface KlarnaAuthorizedPaymentMethod {
  type: string;
  number_of_days?: number;
  number_of_installments?: number;
}

// ---- Payments: sessions -----------------------------------------------------------------------------------

/** `session` in the OpenAPI: the writable session fields; every field is optional on update. */
export interface KlarnaSessionUpdateRequest {
  acquiring_channel?: KlarnaAcquiringChannel;
  attachment?: KlarnaAttachment;
  billing_address?: KlarnaAddress;
  custom_payment_method_ids?: string[];
  customer?: KlarnaCustomer;
  design?: string;
  intent?: KlarnaIntent;
  locale?: string;
  merchant_data?: string;
  merchant_reference1?: string;
  merchant_reference2?: string;
  merchant_urls?: KlarnaMerchantUrls;
  options?: KlarnaOptions;
  order_amount?: number;
  order_lines?: KlarnaOrderLine[];
  order_tax_amount?: number;
  purchase_country?: string;
  purchase_currency?: string;
  shipping_address?: KlarnaAddress;
}

/** `session_create`: POST /payments/v1/sessions. */
export interface KlarnaSessionCreateRequest extends KlarnaSessionUpdateRequest {
  order_amount: number;
  order_lines: KlarnaOrderLine[];
  purchase_country: string;
  purchase_currency: string;
}

/** `merchant_session`: the create-session response. */
export interface KlarnaMerchantSession {
  session_id: string;
  client_token: string;
  payment_method_categories?: KlarnaPaymentMethodCategory[];
}

/** `session_read`: GET /payments/v1/sessions/{session_id}. */
export interface KlarnaSessionRead extends Omit<KlarnaSessionUpdateRequest, 'customer'> {
  customer?: KlarnaCustomerRead;
  authorization_token?: string;
  client_token?: string;
  expires_at?: string;
  payment_method_categories?: KlarnaPaymentMethodCategory[];
  status?: 'complete' | 'incomplete';
}

// ---- Payments: orders and customer tokens from an authorization ---------------------------------------------

/** `create_order_request`: POST /payments/v1/authorizations/{authorizationToken}/order. */
export interface KlarnaCreateOrderRequest {
  auto_capture?: boolean;
  billing_address?: KlarnaAddress;
  custom_payment_method_ids?: string[];
  customer?: KlarnaCustomer;
  locale?: string;
  merchant_data?: string;
  merchant_reference1?: string;
  merchant_reference2?: string;
  merchant_urls?: KlarnaMerchantUrls;
  order_amount: number;
  order_lines: KlarnaOrderLine[];
  order_tax_amount?: number;
  purchase_country: string;
  purchase_currency: string;
  shipping_address?: KlarnaAddress;
}

/** `order`: the response of both create-order operations. */
export interface KlarnaOrder {
  order_id: string;
  /** Usually a {@link KlarnaFraudStatus}; kept open because Klarna may add values. */
  fraud_status?: string;
  redirect_url?: string;
  authorized_payment_method?: KlarnaAuthorizedPaymentMethod;
}

/** `customer_token_creation_request`: POST /payments/v1/authorizations/{authorizationToken}/customer-token. */
export interface KlarnaCustomerTokenCreationRequest {
  purchase_country: string;
  purchase_currency: string;
  locale: string;
  description: string;
  intended_use: 'SUBSCRIPTION';
  billing_address?: KlarnaAddress;
  customer?: KlarnaCustomer;
}

/** `customer_token_creation_response`. */
export interface KlarnaCustomerTokenCreationResponse {
  token_id: string;
  redirect_url?: string;
  billing_address?: KlarnaAddress;
  customer?: { date_of_birth?: string; gender?: string };
  payment_method_reference?: string;
}

// ---- Customer Token API ------------------------------------------------------------------------------------

/** `customer_token`: GET /customer-token/v1/tokens/{customerToken}. */
export interface KlarnaCustomerToken {
  /** Usually a {@link KlarnaTokenStatus}; Klarna's spec text also spells them in lower case. */
  status: string;
  payment_method_type: string;
  card?: { brand: string; expiry_date: string; masked_number: string };
  direct_debit?: { masked_number: string };
}

/** `customer_token_order`: POST /customer-token/v1/tokens/{customerToken}/order. */
export interface KlarnaTokenOrderRequest {
  purchase_currency: string;
  order_amount: number;
  order_tax_amount: number;
  order_lines: KlarnaOrderLine[];
  auto_capture?: boolean;
  merchant_reference1?: string;
  merchant_reference2?: string;
  merchant_data?: string;
  merchant_urls?: { confirmation: string; push?: string };
  shipping_address?: KlarnaAddress;
  attachment?: KlarnaAttachment;
}

// ---- Errors ------------------------------------------------------------------------------------------------

/** `ErrorV2`, plus the singular `error_message` some Klarna services send instead of `error_messages`. */
export interface KlarnaErrorBody {
  error_code?: string;
  error_messages?: string[];
  error_message?: string;
  correlation_id?: string;
  service_version?: string;
  reason?: string;
  fraud_status?: string;
  authorized_payment_method?: KlarnaAuthorizedPaymentMethod;
}

// ---- Order Management API v1 (test/contract/klarna-openapi/order-management-v1.yml) ------------------------

export type KlarnaOmOrderStatus =
  'AUTHORIZED' | 'PART_CAPTURED' | 'CAPTURED' | 'CANCELLED' | 'EXPIRED' | 'CLOSED';

/** `order_line` of Order Management: the same line, plus the `return_fee` type. */
export interface KlarnaOmOrderLine extends Omit<KlarnaOrderLine, 'type'> {
  type?: KlarnaOrderLineType | 'return_fee';
}

/** `shipping_info` of a capture. */
export interface KlarnaShippingInfo {
  shipping_company?: string;
  shipping_method?: string;
  tracking_number?: string;
  tracking_uri?: string;
  return_shipping_company?: string;
  return_tracking_number?: string;
  return_tracking_uri?: string;
}

/** `CaptureObject`: POST /ordermanagement/v1/orders/{order_id}/captures. */
export interface KlarnaCaptureRequest {
  captured_amount: number;
  /** Shown to the customer; at most 255 characters. */
  description?: string;
  order_lines?: KlarnaOmOrderLine[];
  /** In the settlement files; at most 255 characters. */
  reference?: string;
  shipping_info?: KlarnaShippingInfo[];
}

/** `RefundObject`: POST /ordermanagement/v1/orders/{order_id}/refunds. */
export interface KlarnaRefundRequest {
  refunded_amount: number;
  description?: string;
  order_lines?: KlarnaOmOrderLine[];
  reference?: string;
}

/** `Capture`: one capture of an order. */
export interface KlarnaCapture {
  capture_id: string;
  captured_amount: number;
  captured_at: string;
  klarna_reference?: string;
  description?: string;
  order_lines?: KlarnaOmOrderLine[];
  reference?: string;
  /** Refunded from this capture, in minor units. */
  refunded_amount?: number;
  billing_address?: KlarnaAddress;
  shipping_address?: KlarnaAddress;
  shipping_info?: KlarnaShippingInfo[];
}

/** `Refund`: one refund of an order. */
export interface KlarnaRefund {
  refund_id: string;
  refunded_amount: number;
  refunded_at: string;
  description?: string;
  order_lines?: KlarnaOmOrderLine[];
  reference?: string;
  credit_invoice?: boolean;
}

/** The 201 of create capture carries no body: the id comes from the `Capture-Id` header (or `Location`). */
export interface KlarnaCaptureCreated {
  capture_id: string;
}

/** The 201 of create refund: the id comes from the `Refund-Id` header (or `Location`). */
export interface KlarnaRefundCreated {
  refund_id: string;
}

/** `MerchantOrderDto`: GET /ordermanagement/v1/orders/{order_id}. */
export interface KlarnaOmOrder {
  order_id: string;
  status: KlarnaOmOrderStatus;
  purchase_currency: string;
  purchase_country?: string;
  order_amount: number;
  original_order_amount: number;
  captured_amount: number;
  refunded_amount: number;
  remaining_authorized_amount: number;
  /** Until when the order can be captured. */
  expires_at: string;
  created_at: string;
  captures: KlarnaCapture[];
  refunds: KlarnaRefund[];
  order_lines: KlarnaOmOrderLine[];
  fraud_status?: string;
  klarna_reference?: string;
  locale?: string;
  merchant_reference1?: string;
  merchant_reference2?: string;
  merchant_data?: string;
  billing_address?: KlarnaAddress;
  shipping_address?: KlarnaAddress;
  initial_payment_method?: { type?: string; description?: string; number_of_installments?: number };
}
