import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import type { Runner, WorkerEvents } from 'graphile-worker';
import { superviseRunner } from './supervised-runner.ts';

// graphile-worker's runner is the third-party boundary here: these stand-ins emit the same events
// (worker:create on start, worker:fatalError when a worker commits seppuku) so the supervisor's
// bookkeeping is checked without a database. The database restart itself is
// faults/database-restart.int.test.ts.

interface FakeRunner extends Runner {
  readonly name: string;
  readonly jobs: string[];
  stopped: boolean;
}

function fakes(workersPerRunner: number) {
  const events: WorkerEvents = new EventEmitter();
  const runners: FakeRunner[] = [];
  const start = async (): Promise<Runner> => {
    let done = () => {};
    const runner: FakeRunner = {
      name: `r${runners.length}`,
      jobs: [],
      stopped: false,
      events,
      promise: new Promise<void>((r) => {
        done = r;
      }),
      addJob: async (identifier) => {
        runner.jobs.push(identifier);
        return {} as never;
      },
      stop: async () => {
        runner.stopped = true;
        done();
      },
    };
    runners.push(runner);
    for (let i = 0; i < workersPerRunner; i++)
      events.emit('worker:create', { worker: { workerId: `${runner.name}w${i}` } } as never);
    return runner;
  };
  const die = (workerId: string) =>
    events.emit('worker:fatalError', { worker: { workerId }, error: new Error('cut') } as never);
  return { events, runners, start, die };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('superviseRunner', () => {
  it('unlocks what a dead worker held, replaces the runner and stops the old one; later jobs and stop() go to the new one', async () => {
    const { events, runners, start, die } = fakes(2);
    const unlocked: string[][] = [];
    const runner = await superviseRunner({
      start,
      events,
      unlockWorkers: async (ids) => void unlocked.push(ids),
    });
    die('r0w1');
    await tick();
    expect(unlocked).toEqual([['r0w1']]);
    expect(runners.map((r) => [r.name, r.stopped])).toEqual([
      ['r0', true],
      ['r1', false],
    ]);
    await runner.addJob('sync-portal', {});
    expect(runners[1]?.jobs).toEqual(['sync-portal']);
    await runner.stop();
    await runner.promise;
    expect(runners[1]?.stopped).toBe(true);
  });

  it('two workers of one runner dying: both are unlocked, one replacement only', async () => {
    const { events, runners, start, die } = fakes(2);
    const unlocked: string[] = [];
    await superviseRunner({ start, events, unlockWorkers: async (ids) => void unlocked.push(...ids) });
    die('r0w0');
    die('r0w1');
    await tick();
    expect(unlocked).toEqual(['r0w0', 'r0w1']);
    expect(runners.map((r) => r.name)).toEqual(['r0', 'r1']);
    die('r1w0'); // the replacement's own worker dying is replaced again
    await tick();
    expect(runners.map((r) => r.name)).toEqual(['r0', 'r1', 'r2']);
  });

  it('retries the unlock while the database is down, and a stop meanwhile starts nothing new', async () => {
    const { events, runners, start, die } = fakes(1);
    let attempts = 0;
    const runner = await superviseRunner({
      start,
      events,
      retryMs: 5,
      unlockWorkers: async () => {
        attempts += 1;
        throw new Error('database is not accepting connections');
      },
    });
    die('r0w0');
    await tick();
    expect(attempts).toBeGreaterThan(1);
    await runner.stop();
    await runner.promise;
    expect(runners.map((r) => [r.name, r.stopped])).toEqual([['r0', true]]);
  });

  it('once the database answers again, the retried unlock succeeds and the runner is replaced', async () => {
    const { events, runners, start, die } = fakes(1);
    let down = 3;
    await superviseRunner({
      start,
      events,
      retryMs: 5,
      unlockWorkers: async () => {
        if (down-- > 0) throw new Error('database is not accepting connections');
      },
    });
    die('r0w0');
    await new Promise((r) => setTimeout(r, 100));
    expect(runners.map((r) => [r.name, r.stopped])).toEqual([
      ['r0', true],
      ['r1', false],
    ]);
  });
});
