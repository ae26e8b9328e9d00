import type { Portal, SettingsRows, SyncSettings } from '@ledgersync/db';
import {
  CUSTOM_MAPPING_TIERS,
  DEFAULT_FIELD_MAPPINGS,
  FIXED_OUTBOUND_INVOICE_FILTERS,
  type SyncObject,
} from '@ledgersync/sync-engine';
import type { SettingsResponse } from '../api-contract/settings.ts';
import { ALL_OBJECTS, readFieldMappings, readInboundFilters, readTaxMapping } from './stored-settings.ts';

type ObjectView = SettingsResponse['objects'][number];

export function objectView(object: SyncObject, row: SyncSettings | null): ObjectView {
  const { disabledFields } = readFieldMappings(row);
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
  const today = now.toISOString().slice(0, 10);
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
      inboundFilters: readInboundFilters(invoice),
      recommendedInboundFilter: { kind: 'primary', field: 'TxnDate', operator: 'gte', value: today },
      customLineItemIncomeAccountId: invoice?.customLineItemIncomeAccountId ?? null,
      taxMapping: readTaxMapping(invoice),
    },
  };
}
