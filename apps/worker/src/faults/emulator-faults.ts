import type { TestWorld } from '@ledgersync/test-world';

// The emulators' fault-injection control APIs: "the next N requests matching a path fail so".

export interface FaultRule {
  path: string;
  method?: string;
  count: number;
  status?: number;
  delayMs?: number;
  /** Destroy the connection without answering (a connection reset). */
  drop?: boolean;
}

async function control(url: string, method: 'POST' | 'DELETE', body?: unknown): Promise<void> {
  const response = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${await response.text()}`);
}

export const injectQbo = (world: TestWorld, rule: FaultRule) =>
  control(`${world.qboUrl}/_emulator/faults`, 'POST', rule);
export const injectHubSpot = (world: TestWorld, rule: FaultRule) =>
  control(`${world.hubspotUrl}/_emulator/faults`, 'POST', rule);

export async function clearFaults(world: TestWorld): Promise<void> {
  await control(`${world.qboUrl}/_emulator/faults`, 'DELETE');
  await control(`${world.hubspotUrl}/_emulator/faults`, 'DELETE');
}

/** Answers per status since the last reset of the request logs (0: connection dropped). */
export async function statusesSeen(
  world: TestWorld,
): Promise<{ hubspot: Record<string, number>; qbo: Record<string, number> }> {
  const hs = (await (await fetch(`${world.hubspotUrl}/_emulator/requests/counts`)).json()) as {
    byStatus: Record<string, number>;
  };
  const qbo = (await (await fetch(`${world.qboUrl}/_emulator/requests`)).json()) as {
    requests: Array<{ status: number }>;
  };
  const byStatus: Record<string, number> = {};
  for (const r of qbo.requests) byStatus[String(r.status)] = (byStatus[String(r.status)] ?? 0) + 1;
  return { hubspot: hs.byStatus, qbo: byStatus };
}
