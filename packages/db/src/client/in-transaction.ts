import type { Prisma } from '../generated/prisma/client.ts';
import type { Db } from './create-prisma-client.ts';

/** Runs `work` in one database transaction; repositories called with the given `tx` join it. */
export function inTransaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: { isolationLevel?: Prisma.TransactionIsolationLevel; timeoutMs?: number } = {},
): Promise<T> {
  return db.$transaction(work, {
    ...(options.isolationLevel ? { isolationLevel: options.isolationLevel } : {}),
    timeout: options.timeoutMs ?? 15_000,
  });
}
