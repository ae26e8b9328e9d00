export { createPrismaSyncStore, type PrismaSyncStoreOptions } from './create-prisma-sync-store.ts';
export { linkRowId } from './link-row-id.ts';
export type { NewChangeNotice } from './notice-queue.ts';
export {
  fieldMappingsColumnSchema,
  inboundFiltersColumnSchema,
  optionsColumnSchema,
  settingsFromRows,
} from './settings-from-rows.ts';
export { StaleLinkError } from './write-links.ts';
