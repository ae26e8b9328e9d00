import { SYNC_PORTAL_TASK } from '@ledgersync/db';

export const POLL_PORTAL_KEY = (portalId: string) => `poll-portal:${portalId}`;
export const RETRY_KEY = (portalId: string) => `${SYNC_PORTAL_TASK}-retry:${portalId}`;
export const BACKFILL_TASK = 'backfill-invoices';
