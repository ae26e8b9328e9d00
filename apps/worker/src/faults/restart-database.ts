import pg from 'pg';

export interface Restart {
  /** Sessions terminated. */
  readonly sessionsCut: number;
  /** graphile-worker jobs that were running (locked) when the sessions were cut. */
  readonly jobsRunning: number;
}

/**
 * What a database restart looks like to its clients: new connections are refused for `downMs`
 * (`ALLOW_CONNECTIONS false`) and every open session is terminated (`pg_terminate_backend`), so
 * each connection fails on its next use and cannot be reopened until the database is back. Only
 * the test database is affected.
 */
export async function restartDatabase(databaseUrl: string, downMs: number): Promise<Restart> {
  const target = new pg.Client({ connectionString: databaseUrl });
  await target.connect();
  // A database cannot close itself to connections: the server's maintenance database does it.
  const maintenanceUrl = new URL(databaseUrl);
  maintenanceUrl.pathname = '/postgres';
  const admin = new pg.Client({
    connectionString: maintenanceUrl.href,
    application_name: 'ledgersync-fault-injector',
  });
  await admin.connect();
  try {
    const { rows: db } = await target.query<{ name: string }>('SELECT current_database() AS name');
    const name = db[0]?.name ?? '';
    const ident = admin.escapeIdentifier(name);
    await admin.query(`ALTER DATABASE ${ident} WITH ALLOW_CONNECTIONS false`);
    try {
      const { rows: running } = await target.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL',
      );
      await target.end();
      const { rows } = await admin.query<{ cut: boolean }>(
        'SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      await new Promise((r) => setTimeout(r, downMs));
      return { sessionsCut: rows.filter((r) => r.cut).length, jobsRunning: running[0]?.n ?? 0 };
    } finally {
      await admin.query(`ALTER DATABASE ${ident} WITH ALLOW_CONNECTIONS true`);
    }
  } finally {
    await admin.end();
    await target.end().catch(() => {});
  }
}
