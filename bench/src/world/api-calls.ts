import { json } from './http.ts';

export interface SideCounts {
  readonly hubspot: number;
  readonly quickbooks: number;
}

export interface ApiCalls {
  readonly calls: SideCounts;
  readonly http429: SideCounts;
  /** Calls per route on each side, to see where the calls above the minimum go. */
  readonly byRoute: { readonly hubspot: Record<string, number>; readonly quickbooks: Record<string, number> };
}

interface HsEntry {
  route: string;
  status: number;
  portalId?: number;
  actAsUser?: string;
}
interface QboEntry {
  endpoint: string;
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
    byRoute: { hubspot: tally(hs.map((e) => e.route)), quickbooks: tally(qbo.map((e) => e.endpoint)) },
  };
}

export async function resetApiCalls(urls: { hubspotUrl: string; qboUrl: string }): Promise<void> {
  await fetch(`${urls.hubspotUrl}/_emulator/requests`, { method: 'DELETE' });
  await fetch(`${urls.qboUrl}/_emulator/requests`, { method: 'DELETE' });
}

function tally(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}
