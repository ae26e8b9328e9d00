import { json } from './http.ts';

export interface SideCounts {
  readonly hubspot: number;
  readonly quickbooks: number;
}

export interface ApiCalls {
  readonly calls: SideCounts;
  readonly http429: SideCounts;
}

interface HsEntry {
  status: number;
  portalId?: number;
  actAsUser?: string;
}
interface QboEntry {
  status: number;
  realmId?: string;
}

/**
 * API calls the adapters made for the given portals/realms since the last reset, from the emulators'
 * request logs. Calls the bench itself makes as a HubSpot UI user are left out; QBO calls made by
 * the bench with `excludeQbo` tokens cannot be told apart, so callers subtract their own.
 */
export async function apiCalls(
  urls: { hubspotUrl: string; qboUrl: string },
  scope: { hubIds: readonly string[]; realmIds: readonly string[] },
): Promise<ApiCalls> {
  const hubIds = new Set(scope.hubIds);
  const realmIds = new Set(scope.realmIds);
  const hs = (await json<{ requests: HsEntry[] }>(`${urls.hubspotUrl}/_emulator/requests`)).requests.filter(
    (e) => e.actAsUser === undefined && e.portalId !== undefined && hubIds.has(String(e.portalId)),
  );
  const qbo = (await json<{ requests: QboEntry[] }>(`${urls.qboUrl}/_emulator/requests`)).requests.filter(
    (e) => e.realmId !== undefined && realmIds.has(e.realmId),
  );
  return {
    calls: { hubspot: hs.length, quickbooks: qbo.length },
    http429: {
      hubspot: hs.filter((e) => e.status === 429).length,
      quickbooks: qbo.filter((e) => e.status === 429).length,
    },
  };
}

export async function resetApiCalls(urls: { hubspotUrl: string; qboUrl: string }): Promise<void> {
  await fetch(`${urls.hubspotUrl}/_emulator/requests`, { method: 'DELETE' });
  await fetch(`${urls.qboUrl}/_emulator/requests`, { method: 'DELETE' });
}
