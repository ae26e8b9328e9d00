import type { CustomFieldValue, CustomMapping, MappableFieldType } from '@ledgersync/sync-engine';
import type { Properties } from '../crm/hubspot-object.ts';
import { decimal, isoDate, text, toHubSpotDate } from './property-values.ts';

// R-MAP-4 / R-FAQ-1: a custom mapping joins a HubSpot invoice property to a QBO field. The
// canonical invoice keeps the value under the property's name in `customFields`, typed, so a
// number never equals a string by accident. Reading needs the mapped properties and their
// types (HubSpot returns only the properties asked for, all as text); writing needs neither.

export interface CustomInvoiceProperty {
  readonly property: string;
  readonly type: MappableFieldType;
  /** False for HubSpot → QBO mappings: their property may be read-only here (hs_number). */
  readonly writable: boolean;
}

/** The HubSpot side of the portal's enabled invoice custom mappings. */
export function customInvoiceProperties(mappings: readonly CustomMapping[]): CustomInvoiceProperty[] {
  return mappings
    .filter((m) => m.enabled)
    .map((m) => ({
      property: m.hubspot.property,
      type: m.hubspot.type,
      writable: m.direction !== 'hubspot_to_quickbooks',
    }));
}

function typed(raw: string | null | undefined, type: MappableFieldType): CustomFieldValue | null {
  const t = text(raw);
  if (t === null) return null;
  switch (type) {
    case 'number': {
      const value = decimal(t);
      return value === null ? null : { type: 'number', value };
    }
    case 'date':
    case 'datetime': {
      const value = isoDate(t);
      return value === null ? null : { type: 'date', value };
    }
    case 'boolean':
      return { type: 'boolean', value: t.toLowerCase() === 'true' };
    default:
      return { type: 'string', value: t };
  }
}

export function customFieldsFromProperties(
  properties: Readonly<Record<string, string | null>>,
  custom: readonly CustomInvoiceProperty[],
): Record<string, CustomFieldValue | null> {
  const out: Record<string, CustomFieldValue | null> = {};
  for (const c of custom) out[c.property] = typed(properties[c.property], c.type);
  return out;
}

/**
 * Property values for HubSpot: dates as midnight UTC epoch ms, a null clears the property. The
 * engine hands over the record's whole `customFields` on any custom change, so properties of
 * one-way HubSpot → QBO mappings are left out rather than written (and refused if read-only).
 */
export function customFieldsToProperties(
  values: Record<string, CustomFieldValue | null>,
  custom: readonly CustomInvoiceProperty[] = [],
): Properties {
  const out: Properties = {};
  const readOnly = new Set(custom.filter((c) => !c.writable).map((c) => c.property));
  for (const [property, v] of Object.entries(values)) {
    if (readOnly.has(property)) continue;
    if (v === null) out[property] = '';
    else if (v.type === 'date') out[property] = toHubSpotDate(v.value);
    else out[property] = String(v.value);
  }
  return out;
}
