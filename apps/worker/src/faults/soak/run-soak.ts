// `npm run soak [-- --minutes=N --seed=N --records=N]`: random edits on both sides under random
// API faults for N minutes (default 30), then a check that both sides converged with every record
// once. Not part of `npm test`. Exits 1 when anything was lost, doubled or left unsynced.
import { startTestWorld, syncingPortal } from '@ledgersync/test-world';
import { measureConvergence } from '../convergence.ts';
import { buildDataset } from '../dataset.ts';
import { drainToRest } from '../drain-to-rest.ts';
import { clearFaults, statusesSeen } from '../emulator-faults.ts';
import { faultPorts } from '../fault-ports.ts';
import { seededRandom } from '../random.ts';
import { virtualTime } from '../virtual-time.ts';
import { randomEdit, randomFault, type SoakLedger } from './soak-actions.ts';
import { edgesAgree } from './soak-agreement.ts';
import { parseSoakOptions } from './soak-options.ts';

const options = parseSoakOptions(process.argv.slice(2));
const random = seededRandom(options.seed);
const world = await startTestWorld();
try {
  const p = await syncingPortal(world);
  const data = await buildDataset(world, p, options.records, `soak${options.seed}`);
  const ledger: SoakLedger = {
    customerNames: [...data.customerNames],
    invoiceDocNumbers: [...data.invoiceDocNumbers],
    qboIds: {
      customer: [...data.qboIds.customer],
      invoice: [...data.qboIds.invoice],
      payment: [...data.qboIds.payment],
    },
    hubspotContactIds: [...data.hubspotContactIds],
    edited: new Set(),
    edits: 0,
  };
  const time = virtualTime();
  const ports = await faultPorts(world, p, time, { qboTimeoutMs: 1_000 });
  for (const n of data.notices) await p.notify(n.side, n.object as 'customer', n.recordId);
  await world.resetApiCalls();

  const totals = { rounds: 0, writes: 0, deferred: 0, failures: 0, drainsThrown: [] as string[] };
  const faults: Record<string, number> = {};
  const editsByKind: Record<string, number> = {};
  const end = Date.now() + options.minutes * 60_000;
  while (Date.now() < end) {
    totals.rounds += 1;
    for (let i = random.int(1, 6); i > 0; i--) {
      const kind = await randomEdit(world, p, ledger, random);
      editsByKind[kind] = (editsByKind[kind] ?? 0) + 1;
    }
    const fault = await randomFault(world, random);
    faults[fault] = (faults[fault] ?? 0) + 1;
    const round = await drainToRest(world, p, ports, time, 6);
    totals.writes += round.writes;
    totals.deferred += round.deferred;
    totals.failures += round.failures;
    totals.drainsThrown.push(...round.thrown);
    await clearFaults(world);
  }
  const final = await drainToRest(world, p, ports, time);
  totals.writes += final.writes;
  totals.deferred += final.deferred;
  totals.drainsThrown.push(...final.thrown);
  const seen = await statusesSeen(world);
  const convergence = await measureConvergence(world, p, { ...ledger, notices: [] });
  const disagreements = await edgesAgree(world, p, ledger);
  const ok =
    convergence.duplicated.length === 0 &&
    convergence.missing.length === 0 &&
    convergence.pendingNotices === 0 &&
    convergence.unsyncedLinks === 0 &&
    disagreements.length === 0;
  const report = {
    minutes: options.minutes,
    seed: options.seed,
    rounds: totals.rounds,
    edits: editsByKind,
    faultsArmed: faults,
    writes: totals.writes,
    retries: {
      noticesDeferred: totals.deferred,
      answersByStatus: seen,
      virtualWaitMs: time.waitedMs(),
    },
    failuresByCode: convergence.failures,
    drainsThrown: totals.drainsThrown,
    duplicated: convergence.duplicated,
    missing: convergence.missing,
    pendingNotices: convergence.pendingNotices,
    sidesDisagree: disagreements,
    converged: ok,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await world.close();
}
