import type { PortalPorts } from '@ledgersync/portal-adapters';
import { syncingPortal, type TestPortal, type TestWorld } from '@ledgersync/test-world';
import { type Convergence, measureConvergence } from './convergence.ts';
import { buildDataset, type Dataset } from './dataset.ts';
import { type DrainTotals, drainToRest } from './drain-to-rest.ts';
import { clearFaults } from './emulator-faults.ts';
import { type FaultPortsOptions, faultPorts } from './fault-ports.ts';
import { type VirtualTime, virtualTime } from './virtual-time.ts';

export interface Scenario {
  readonly world: TestWorld;
  readonly p: TestPortal;
  readonly data: Dataset;
  readonly time: VirtualTime;
  readonly ports: PortalPorts;
  /** Stores a webhook's notice for every record of the data set. */
  notifyAll(): Promise<void>;
  drain(): Promise<DrainTotals>;
  /** The same portal's adapters with other options (a refreshing token source, a network hook). */
  portsWith(options: FaultPortsOptions): Promise<PortalPorts>;
  drainWith(ports: PortalPorts, maxPasses?: number): Promise<DrainTotals>;
  /** Clears the faults, drains what is left and counts both sides. */
  converge(): Promise<Convergence & { totals: DrainTotals }>;
}

/** A syncing portal with a small data set of both sides' records, on virtual time. */
export async function startScenario(
  world: TestWorld,
  tag: string,
  size = 9,
  options: FaultPortsOptions = {},
): Promise<Scenario> {
  const p = await syncingPortal(world);
  const data = await buildDataset(world, p, size, tag);
  const time = virtualTime();
  const ports = await faultPorts(world, p, time, options);
  await world.resetApiCalls();
  const scenario: Scenario = {
    world,
    p,
    data,
    time,
    ports,
    async notifyAll() {
      for (const n of data.notices) await p.notify(n.side, n.object as 'customer', n.recordId);
    },
    drain: () => drainToRest(world, p, ports, time),
    portsWith: (other) => faultPorts(world, p, time, other),
    drainWith: (other, maxPasses) => drainToRest(world, p, other, time, maxPasses),
    async converge() {
      await clearFaults(world);
      const totals = await drainToRest(world, p, ports, time);
      return { ...(await measureConvergence(world, p, data)), totals };
    },
  };
  return scenario;
}

export const CONVERGED = { duplicated: [], missing: [], pendingNotices: 0, unsyncedLinks: 0, failures: {} };
