import {
  customMappingSchema,
  filterOperatorSchema,
  inboundFilterSchema,
  mappableFieldTypeSchema,
  planTierSchema,
  recordFilterSchema,
  syncObjectSchema,
  taxMappingSchema,
} from '@ledgersync/sync-engine';
import { z } from 'zod';

// The engine owns these schemas; the contract carries them as they are. Naming them in zod's
// registry makes the OpenAPI document refer to them by name, and so the UI's generated contract.
const named = [
  [syncObjectSchema, 'SyncObject'],
  [planTierSchema, 'PlanTier'],
  [mappableFieldTypeSchema, 'MappableFieldType'],
  [customMappingSchema, 'CustomMapping'],
  [filterOperatorSchema, 'FilterOperator'],
  [inboundFilterSchema, 'InboundFilter'],
  [recordFilterSchema, 'RecordFilter'],
  [taxMappingSchema, 'TaxMapping'],
] as const;
for (const [schema, id] of named) z.globalRegistry.add(schema, { id });

export {
  customMappingSchema,
  filterOperatorSchema,
  inboundFilterSchema,
  mappableFieldTypeSchema,
  planTierSchema,
  recordFilterSchema,
  syncObjectSchema,
  taxMappingSchema,
};
