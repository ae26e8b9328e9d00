export interface LoggedRequest {
  at: string;
  method: string;
  url: string;
  endpoint: string;
  status: number;
  realmId?: string;
  /** From the request's arrival to its answer: with `at` (the answer), how long it was in flight. */
  elapsedMs?: number;
}

/** `GET /v3/company/123/invoice/45?minorversion=75` → `GET /v3/company/:realmId/invoice/:id`. */
export function endpointOf(method: string, url: string): string {
  const path = (url.split('?')[0] ?? '')
    .replace(/^\/v3\/company\/[^/]+/, '/v3/company/:realmId')
    .replace(/\/\d+(?=\/|$)/g, '/:id');
  return `${method} ${path}`;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private readonly max = 10_000;

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.entries) out[e.endpoint] = (out[e.endpoint] ?? 0) + 1;
    return out;
  }

  clear(): void {
    this.entries = [];
  }
}
