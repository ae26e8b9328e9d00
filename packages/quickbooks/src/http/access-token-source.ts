/** Where the REST client gets its bearer token; implemented by the refreshing token source (oauth/refreshing-token-source.ts) or by a caller that reads stored tokens. */
export interface AccessTokenSource {
  accessToken(): Promise<string>;
  /**
   * Called once after QBO refused `rejected` with 401. Returns a fresh token (refreshing if no
   * other caller already did).
   */
  refreshAfterRejection(rejected: string): Promise<string>;
}

/** A fixed token: for tests and scripts that hold a token from elsewhere. */
export function staticAccessToken(token: string): AccessTokenSource {
  return { accessToken: async () => token, refreshAfterRejection: async () => token };
}
