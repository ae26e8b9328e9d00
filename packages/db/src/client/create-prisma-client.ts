import { PrismaPg } from '@prisma/adapter-pg';
import { type Prisma, PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
/** Either the client or the client inside `inTransaction`: every repository method takes this. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export interface PrismaClientOptions {
  /** Pool size of the pg adapter. */
  maxConnections?: number;
}

/** Prisma 7 through `@prisma/adapter-pg`: no query engine binary, plain `pg` underneath. */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
