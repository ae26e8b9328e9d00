import type { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import pg from 'pg';
import { holdLiveness } from './worker-liveness.ts';

let database: TestDatabase;
let admin: pg.Client;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await database.drop();
});

/** Whether some other session holds the liveness lock of a worker id (what the reaper asks). */
async function held(workerId: string): Promise<boolean> {
  const { rows } = await admin.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [
    0x4c53,
    workerId,
  ]);
  if (rows[0]?.ok) await admin.query('SELECT pg_advisory_unlock($1, hashtext($2))', [0x4c53, workerId]);
  return !rows[0]?.ok;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in time');
}

describe('worker liveness (R-ERR-7)', () => {
  it('survives a lost connection (database restart): reconnects and holds every lock again', async () => {
    const liveness = await holdLiveness(database.url, { retryMs: 50 });
    const events = liveness.events as EventEmitter;
    events.emit('worker:create', { worker: { workerId: 'worker-a' }, tasks: {} });
    events.emit('worker:create', { worker: { workerId: 'worker-b' }, tasks: {} });
    await until(async () => (await held('worker-a')) && (await held('worker-b')));

    // What a restart does to the session: it is terminated. Before, this crashed the process
    // (an unhandled 'error' event) and the worker looked dead to every reaper.
    const cut = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'ledgersync-worker-liveness'`,
    );
    expect(cut.rowCount).toBe(1);
    await until(async () => {
      const { rows } = await admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = 'ledgersync-worker-liveness'`,
      );
      return rows[0]?.n === '1';
    });
    await until(async () => (await held('worker-a')) && (await held('worker-b')));

    // A worker created after the reconnect is locked on the new session too; release frees all.
    events.emit('worker:create', { worker: { workerId: 'worker-c' }, tasks: {} });
    await until(() => held('worker-c'));
    await liveness.release();
    expect([await held('worker-a'), await held('worker-b'), await held('worker-c')]).toEqual([
      false,
      false,
      false,
    ]);
  });
});
