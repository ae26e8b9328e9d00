import type { PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { z } from 'zod';
import type { HubSpotObjectType } from '../crm/object-types.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { HubSpotCallError } from '../http/hubspot-failure.ts';
import { APP_PROPERTIES, PROPERTY_GROUP } from './app-properties.ts';

const namesSchema = z.object({ results: z.array(z.object({ name: z.string() }).loose()) }).loose();

export interface EnsureReport {
  createdGroups: string[];
  createdProperties: string[];
}

/**
 * Creates LedgerSync's property group and properties where missing; safe to run on every
 * install and again at any time. A 409 (someone created it between our read and our write)
 * counts as present.
 */
export async function ensureAppProperties(
  client: HubSpotClient,
  objectTypes: readonly HubSpotObjectType[] = Object.keys(APP_PROPERTIES) as HubSpotObjectType[],
): Promise<EnsureReport> {
  const report: EnsureReport = { createdGroups: [], createdProperties: [] };
  for (const objectType of objectTypes) {
    const wanted = APP_PROPERTIES[objectType];
    if (wanted.length === 0) continue;
    const groups = await client.call('standard', (sdk) =>
      sdk.crm.properties.groupsApi.getAllWithHttpInfo(objectType),
    );
    if (!namesSchema.parse(groups).results.some((g) => g.name === PROPERTY_GROUP.name)) {
      if (
        await createIgnoringConflict(() =>
          client.call('standard', (sdk) =>
            sdk.crm.properties.groupsApi.createWithHttpInfo(objectType, PROPERTY_GROUP),
          ),
        )
      )
        report.createdGroups.push(`${objectType}.${PROPERTY_GROUP.name}`);
    }
    const existing = await client.call('standard', (sdk) =>
      sdk.crm.properties.coreApi.getAllWithHttpInfo(objectType),
    );
    const have = new Set(namesSchema.parse(existing).results.map((p) => p.name));
    for (const property of wanted) {
      if (have.has(property.name)) continue;
      // Our literals are the values of the SDK's string enums; its enum types cannot be named from here.
      const body = {
        ...property,
        groupName: PROPERTY_GROUP.name,
        formField: false,
      } as unknown as PropertyCreate;
      if (
        await createIgnoringConflict(() =>
          client.call('standard', (sdk) => sdk.crm.properties.coreApi.createWithHttpInfo(objectType, body)),
        )
      )
        report.createdProperties.push(`${objectType}.${property.name}`);
    }
  }
  return report;
}

async function createIgnoringConflict(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (error instanceof HubSpotCallError && error.failure.status === 409) return false;
    throw error;
  }
}
