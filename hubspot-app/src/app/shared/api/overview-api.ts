import type { BackendClient } from './backend-client.ts';
import {
  activityResponseSchema,
  type BodyOf,
  backfillSchema,
  exportLinkSchema,
  overviewResponseSchema,
  type RecordColumn,
  recordPageSchema,
} from './generated/api-contract.ts';

const V1 = '/api/v1';

/** The record view's query: the route's filters as the form holds them, and the chosen columns. */
export interface RecordQuery {
  object?: string;
  status?: string;
  errorCode?: string;
  direction?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  columns: readonly RecordColumn[];
}

export const getOverview = (c: BackendClient) => c.request('GET', `${V1}/overview`, overviewResponseSchema);

function recordsPath(query: RecordQuery): string {
  const params = new URLSearchParams();
  for (const key of ['object', 'status', 'errorCode', 'direction', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  params.set('page', String(query.page));
  params.set('pageSize', String(query.pageSize));
  params.set('columns', query.columns.join(','));
  return `${V1}/records?${params.toString()}`;
}

export const getRecords = (c: BackendClient, query: RecordQuery) =>
  c.request('GET', recordsPath(query), recordPageSchema);

export const getRecordActivity = (c: BackendClient, recordId: string) =>
  c.request('GET', `${V1}/records/${encodeURIComponent(recordId)}/activity`, activityResponseSchema);

export const startBackfill = (c: BackendClient, range: BodyOf<'POST /api/v1/backfills'>) =>
  c.request('POST', `${V1}/backfills`, backfillSchema, range);

export const getBackfill = (c: BackendClient, id: string) =>
  c.request('GET', `${V1}/backfills/${encodeURIComponent(id)}`, backfillSchema);

export const createExportLink = (c: BackendClient) =>
  c.request('POST', `${V1}/exports/historical-invoices/link`, exportLinkSchema);
