import { syncError } from '../errors/sync-error-catalogue.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import {
  type CustomMapping,
  customMappingSchema,
  type MappableFieldType,
  type PlanTier,
} from '../settings/portal-settings.ts';

/** Plans that may add custom mappings (R-MAP-4). */
export const CUSTOM_MAPPING_TIERS: readonly PlanTier[] = ['starter', 'professional', 'enterprise'];

// Types that hold the same kind of value; a mapping only joins two fields of one kind.
const KIND: Readonly<Record<MappableFieldType, string>> = {
  string: 'text',
  enumeration: 'text',
  number: 'number',
  date: 'date',
  datetime: 'date',
  boolean: 'boolean',
};

export function typesFit(a: MappableFieldType, b: MappableFieldType): boolean {
  return KIND[a] === KIND[b];
}

export type CustomMappingCheck = { ok: true; mapping: CustomMapping } | { ok: false; error: SyncError };

/**
 * Checks a custom mapping when it is created or edited: the plan tier first (a free portal gets
 * `tier_required`, never a silent ignore), then the shape, then the types (R-MAP-5, the message
 * names both fields and both types), then a field mapped twice.
 */
export function validateCustomMapping(
  input: unknown,
  tier: PlanTier,
  existing: readonly CustomMapping[],
): CustomMappingCheck {
  if (!CUSTOM_MAPPING_TIERS.includes(tier)) {
    return {
      ok: false,
      error: syncError(
        'tier_required',
        `Custom mappings need a Starter, Professional or Enterprise plan (this portal: ${tier}).`,
      ),
    };
  }
  const parsed = customMappingSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: syncError('invalid_field_value', `Invalid mapping: ${parsed.error.issues[0]?.message}`),
    };
  }
  const mapping = parsed.data;
  const { hubspot: hs, quickbooks: qb } = mapping;
  if (!typesFit(hs.type, qb.type)) {
    return {
      ok: false,
      error: syncError(
        'mapping_type_mismatch',
        `HubSpot property "${hs.label}" (${hs.property}) is a ${hs.type} and QuickBooks field "${qb.label}" (${qb.field}) is a ${qb.type}: these types do not fit.`,
        {
          hubspotField: hs.property,
          hubspotType: hs.type,
          quickbooksField: qb.field,
          quickbooksType: qb.type,
        },
      ),
    };
  }
  const clash = existing.find(
    (e) => e.id !== mapping.id && (e.hubspot.property === hs.property || e.quickbooks.field === qb.field),
  );
  if (clash) {
    return {
      ok: false,
      error: syncError(
        'invalid_field_value',
        `"${hs.label}" or "${qb.label}" is already used by the mapping ${clash.hubspot.label} ⇄ ${clash.quickbooks.label}.`,
      ),
    };
  }
  return { ok: true, mapping };
}
