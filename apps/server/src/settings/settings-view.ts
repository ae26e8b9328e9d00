import type { Portal, SettingsRows, SyncSettings } from '@ledgersync/db';
import {
  BILLING_CONTACT_FILTER_LABEL,
  CUSTOM_MAPPING_TIERS,
  DEFAULT_FIELD_MAPPINGS,
  FIXED_OUTBOUND_INVOICE_FILTERS,
  type InboundFilter,
  type SyncObject,
} from '@ledgersync/sync-engine';
import type { SettingsResponse } from '../api-contract/settings.ts';
import { inboundFilterChecks, recordFilterChecks } from './filter-checks.ts';
import {
  ALL_OBJECTS,
  readFieldMappings,
  readInboundFilters,
  readRecordFilters,
  readTaxMapping,
} from './stored-settings.ts';

/**
 * R-FLT-2: "created after today" means created after the moment the filter is added, by QBO's
 * MetaData.CreateTime; the recommended-filters route stamps that moment when it saves it.
 */
export const RECOMMENDED_INBOUND_FILTER_LABEL =
  'Only invoices created in QuickBooks after this filter is added';
export function recommendedInboundFilter(now: Date): InboundFilter {
  return { kind: 'primary', field: 'createdAt', operator: 'gt', value: now.toISOString() };
}

type ObjectView = SettingsResponse['objects'][number];

export function objectView(object: SyncObject, row: SyncSettings | null): ObjectView {
  const { disabledFields } = readFieldMappings(row);
  const filters = object === 'customer' || object === 'product' ? readRecordFilters(row) : [];
  return {
    object,
    direction: row?.direction ?? 'off',
    enabled: row?.enabled ?? false,
    conflictResolution: row?.conflictResolution ?? 'hubspot',
    syncStartedAt: row?.syncStartedAt?.toISOString() ?? null,
    defaultMappings: DEFAULT_FIELD_MAPPINGS[object].map((m) => ({
      key: m.key,
      label: m.label,
      hubspotProperty: m.hubspotProperty,
      quickbooksField: m.quickbooksField,
      flow: m.flow,
      canDisable: m.canDisable,
      enabled: !m.canDisable || !disabledFields.includes(m.key),
    })),
    filters,
    filterChecks: object === 'customer' || object === 'product' ? recordFilterChecks(object, filters) : [],
    // R-FLT-5: HubSpot → QBO contacts; a marketing portal's leads stay out of QBO.
    recommendedFilter:
      object === 'customer'
        ? { label: BILLING_CONTACT_FILTER_LABEL, filter: { kind: 'billing_contact_of_synced_invoice' } }
        : null,
  };
}

const PLAN_NAME: Readonly<Record<Portal['planTier'], string>> = {
  free: 'Free',
  starter: 'Starter',
  professional: 'Professional',
  enterprise: 'Enterprise',
};

/** The whole settings page from the portal's rows (R-CON-4..6, R-MAP-3/4, R-FLT-1/2). */
export function settingsView(portal: Portal, rows: SettingsRows, now: Date): SettingsResponse {
  const { connection } = rows;
  const byObject = new Map(rows.objects.map((r) => [r.object, r]));
  const invoice = byObject.get('invoice') ?? null;
  const tierAllows = CUSTOM_MAPPING_TIERS.includes(portal.planTier);
  const inboundFilters = readInboundFilters(invoice);
  return {
    portal: { hubId: portal.hubId.toString(), planTier: portal.planTier },
    connection: {
      status: connection?.status ?? 'not_connected',
      realmId: connection?.realmId ?? null,
      companyName: connection?.companyName ?? null,
      country: connection?.country ?? null,
      homeCurrency: connection?.homeCurrency ?? null,
      connectedAt: connection?.connectedAt.toISOString() ?? null,
    },
    hubspot: { status: rows.hubspotStatus ?? 'active' },
    objects: ALL_OBJECTS.map((o) => objectView(o, byObject.get(o) ?? null)),
    invoice: {
      customMappings: readFieldMappings(invoice).customMappings,
      customMappingsLocked: tierAllows
        ? { locked: false, reason: null }
        : {
            locked: true,
            reason: `Custom mappings come with LedgerSync's Starter, Professional and Enterprise plans, and this account is on the ${PLAN_NAME[portal.planTier]} plan. To upgrade, ask LedgerSync support to move this HubSpot account to a paid plan.`,
          },
      outboundFilters: FIXED_OUTBOUND_INVOICE_FILTERS.map((f) => ({ id: f.key, label: f.label })),
      inboundFilters,
      inboundFilterChecks: inboundFilterChecks(inboundFilters),
      recommendedInboundFilter: {
        label: RECOMMENDED_INBOUND_FILTER_LABEL,
        filter: recommendedInboundFilter(now),
      },
      customLineItemIncomeAccountId: invoice?.customLineItemIncomeAccountId ?? null,
      taxMapping: readTaxMapping(invoice),
    },
  };
}
