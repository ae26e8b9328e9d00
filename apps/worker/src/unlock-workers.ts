import pg from 'pg';

/** Frees the jobs and queues locked by worker ids known to be dead (graphile-worker's force unlock). */
export async function unlockWorkers(databaseUrl: string, workerIds: string[]): Promise<void> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'ledgersync-worker-unlock',
  });
  // The database may be restarting: the query fails and the caller tries again, no process crash.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [workerIds]);
  } finally {
    await client.end().catch(() => {});
  }
}
