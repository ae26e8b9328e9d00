import { mostInFlight, mostInWindow } from '../measure/peak-usage.ts';
import { json } from './http.ts';

/** The most the emulators saw of each limited quantity, for the given portals and realms. */
export interface PeakUsage {
  readonly quickbooksPerMinute: number;
  readonly quickbooksBatchesPerMinute: number;
  readonly quickbooksInFlight: number;
  readonly hubspotPer10s: number;
  readonly hubspotSearchesPerSecond: number;
}

interface HsEntry {
  at: string;
  route: string;
  portalId?: number;
  actAsUser?: string;
}
interface QboEntry {
  at: string;
  endpoint: string;
  realmId?: string;
  elapsedMs?: number;
}

/**
 * From the emulators' request logs since the last reset. QBO's log gives each request's answer time
 * and how long it took, so arrivals and time in flight are exact; HubSpot's gives answer times,
 * which stand in for arrivals (its calls take milliseconds here).
 */
export async function peakUsageSeen(
  urls: { hubspotUrl: string; qboUrl: string },
  scope: { hubIds: readonly string[]; realmIds: readonly string[] },
): Promise<PeakUsage> {
  const hubIds = new Set(scope.hubIds);
  const realmIds = new Set(scope.realmIds);
  const hs = (await json<{ requests: HsEntry[] }>(`${urls.hubspotUrl}/_emulator/requests`)).requests.filter(
    (e) => e.actAsUser === undefined && e.portalId !== undefined && hubIds.has(String(e.portalId)),
  );
  const qbo = (await json<{ requests: QboEntry[] }>(`${urls.qboUrl}/_emulator/requests`)).requests
    .filter((e) => e.realmId !== undefined && realmIds.has(e.realmId))
    .map((e) => {
      const to = Date.parse(e.at);
      return { from: to - (e.elapsedMs ?? 0), to, batch: e.endpoint.endsWith('/batch') };
    });
  const hsAt = hs.map((e) => ({ at: Date.parse(e.at), search: e.route.endsWith('/search') }));
  return {
    quickbooksPerMinute: mostInWindow(
      qbo.map((r) => r.from),
      60_000,
    ),
    quickbooksBatchesPerMinute: mostInWindow(
      qbo.filter((r) => r.batch).map((r) => r.from),
      60_000,
    ),
    quickbooksInFlight: mostInFlight(qbo),
    hubspotPer10s: mostInWindow(
      hsAt.map((e) => e.at),
      10_000,
    ),
    hubspotSearchesPerSecond: mostInWindow(
      hsAt.filter((e) => e.search).map((e) => e.at),
      1000,
    ),
  };
}
