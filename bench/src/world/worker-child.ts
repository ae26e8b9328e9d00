// The worker under measurement, in its own process so its peak RSS is its own (not the
// emulators'). Started by spawn-worker.ts with a JSON config on stdin; SIGTERM stops it cleanly.
import { createPrismaClient } from '@ledgersync/db';
import { RateLimiterRegistry } from '@ledgersync/hubspot';
import { RealmRateLimiter } from '@ledgersync/quickbooks';
import { type PortalPorts, startWorker } from '@ledgersync/worker';
import { z } from 'zod';
import { type PortalAccess, portalPorts } from './portal-ports.ts';

export const childConfigSchema = z.object({
  databaseUrl: z.string(),
  concurrency: z.number().int().positive(),
  quickbooksLimits: z.object({ perMinute: z.number(), batchPerMinute: z.number(), concurrent: z.number() }),
  portals: z.array(
    z.object({
      portalId: z.string(),
      hubspotUrl: z.string(),
      hubId: z.string(),
      hubspotToken: z.string(),
      qboUrl: z.string(),
      realmId: z.string(),
      qboToken: z.string(),
      incomeAccountId: z.string(),
    }),
  ),
});
export type ChildConfig = z.infer<typeof childConfigSchema>;

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

async function main(): Promise<void> {
  const config = childConfigSchema.parse(JSON.parse(await readStdin()));
  const db = createPrismaClient(config.databaseUrl);
  const hubspotLimits = new RateLimiterRegistry({
    now: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
  const q = config.quickbooksLimits;
  const ports = new Map<string, PortalPorts>();
  for (const p of config.portals) {
    const access: PortalAccess = {
      ...p,
      hubspotLimiter: hubspotLimits.forPortal(p.hubId),
      qboLimiter: new RealmRateLimiter({
        requestsPerWindow: q.perMinute,
        batchesPerWindow: q.batchPerMinute,
        concurrent: q.concurrent,
        windowMs: 60_000,
      }),
    };
    ports.set(p.portalId, await portalPorts(access, { ensureProperties: false }));
  }
  const worker = await startWorker({
    databaseUrl: config.databaseUrl,
    db,
    portsFor: async (id) => ports.get(id) ?? null,
    concurrency: config.concurrency,
    debounceMs: 0,
    pollEveryMinutes: 0,
    pollIntervalMs: 200,
  });
  process.on('SIGTERM', () => {
    void worker
      .stop()
      .then(() => db.$disconnect())
      .then(() => process.exit(0));
  });
  process.stdout.write('ready\n');
}

await main();
