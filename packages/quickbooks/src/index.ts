// Public surface of @ledgersync/quickbooks: the only code that speaks to QuickBooks Online.

export { createQuickBooksClient, type QuickBooksClient } from './api/qbo-client.ts';
export { type CompanySnapshot, readCompanySnapshot } from './api/read-company-snapshot.ts';
export { QboError } from './errors/qbo-error.ts';
export { type AccessTokenSource, staticAccessToken } from './http/access-token-source.ts';
export { JsonDecimal } from './http/exact-json.ts';
export {
  type LimiterTime,
  QBO_RATE_LIMITS,
  type RateLimits,
  type RealmLimiter,
  RealmLimiterRegistry,
  type RealmLimiters,
  RealmRateLimiter,
  type RequestKind,
  realTime,
} from './http/realm-rate-limiter.ts';
export type { RetryPolicy } from './http/retry-policy.ts';
export {
  INTUIT_OAUTH_ENDPOINTS,
  type IntuitOAuthEndpoints,
  intuitEndpointsAt,
} from './oauth/intuit-endpoints.ts';
export { createQuickBooksOAuth, type QboTokenSet, type QuickBooksOAuth } from './oauth/quickbooks-oauth.ts';
export { createRefreshingTokenSource, type RefreshingTokenSource } from './oauth/refreshing-token-source.ts';
export type { CompanyProfileCache } from './ports/company-context.ts';
export { createQuickBooksRecordCounter } from './ports/quickbooks-record-counter.ts';
export { QboQuery } from './query/query-builder.ts';
export { createQuickBooksAdapter } from './quickbooks-adapter.ts';
export { parseIntuitWebhook } from './webhooks/parse-intuit-webhook.ts';
export { verifyIntuitSignature } from './webhooks/verify-intuit-signature.ts';
