import { randomUUID } from 'node:crypto';

/** RFC 6749 fields plus HubSpot's legacy `status`/`message` (always 400 from the token endpoint). */
export class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type',
    readonly status: string,
    readonly description: string,
  ) {
    super(description);
  }

  body(): Record<string, unknown> {
    return {
      status: this.status,
      message: this.description,
      correlationId: randomUUID(),
      error: this.error,
      error_description: this.description,
    };
  }
}
