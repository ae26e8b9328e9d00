import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgresql:// URL that Prisma (adapter-pg), pg and graphile-worker can use. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder holding the data; it survives restarts. */
  dataDir: string;
  /** 0 (default) picks a free loopback port. */
  port?: number;
  /** Concurrent client connections; graphile-worker and the pg pool each hold several. */
  maxConnections?: number;
}

/**
 * PGlite (Postgres compiled to WASM) served over the Postgres wire protocol on loopback: the
 * sandbox's database when no DATABASE_URL is given, so `npm start` needs nothing installed.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir });
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 20,
  });
  await server.start();
  const address = server.getServerConn();
  const port = Number(address.split(':').at(-1));
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
