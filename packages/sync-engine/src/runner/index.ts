export { drainPortal } from './drain-portal.ts';
export { estimateFirstSync, type FirstSyncEstimate } from './estimate-first-sync.ts';
export { executeWrites } from './execute-writes.ts';
export { type GatheredBatch, gatherBatch } from './gather-batch.ts';
export { groupRefs, type RecordRef, recordKey } from './record-key.ts';
export { backoffDelayMs, type DrainOptions, type DrainReport, type RunnerPorts } from './runner-ports.ts';
export { type SyncRecordsResult, syncRecords } from './sync-records.ts';
