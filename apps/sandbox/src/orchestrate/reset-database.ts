import { rm } from 'node:fs/promises';
import pg from 'pg';

/** Removes the embedded database's files (it is recreated and migrated on start). */
export async function removeEmbeddedDatabase(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}

/** Empties a DATABASE_URL database of LedgerSync's tables and job queue before migrating again. */
export async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema if exists graphile_worker cascade');
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

/** True when an earlier run left installed portals behind. */
export async function holdsPortals(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query<{ n: string }>(
      `select count(*)::text as n from information_schema.tables where table_schema = 'public' and table_name = 'Portal'`,
    );
    if (found.rows[0]?.n !== '1') return false;
    const rows = await client.query<{ n: string }>('select count(*)::text as n from "Portal"');
    return Number(rows.rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}
