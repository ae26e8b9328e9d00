// Sizes of the fault scenarios: small in the normal suite (a loaded 2-core CI machine), large in
// the soak. Read here, once, so a test never reads the environment itself.

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

export const faultSizes = {
  /** Records per crash run (customers + invoices + payments, plus a sixth as HubSpot contacts). */
  crashRecords: positiveInt('LEDGERSYNC_FAULT_CRASH_RECORDS', 60),
  /** Seeds of the crash test; each seed is one portal, killed `crashKillsPerSeed` times. */
  crashSeeds: positiveInt('LEDGERSYNC_FAULT_CRASH_SEEDS', 2),
  crashKillsPerSeed: positiveInt('LEDGERSYNC_FAULT_CRASH_KILLS', 1),
  webhookFlood: positiveInt('LEDGERSYNC_FAULT_WEBHOOK_FLOOD', 10_000),
};
