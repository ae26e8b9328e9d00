import type { DbClient } from '../client/create-prisma-client.ts';

/**
 * Records a served signed request by its signature's hash. True the first time the hash is seen
 * by any process; false for a replay (the primary key decides, across every server).
 */
export async function recordSignatureUse(
  db: DbClient,
  signatureHash: string,
  expiresAt: Date,
): Promise<boolean> {
  const { count } = await db.signatureUse.createMany({
    data: [{ signatureHash, expiresAt }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Forgets signatures whose window has passed; returns how many. */
export async function deleteExpiredSignatureUses(db: DbClient, now: Date): Promise<number> {
  const { count } = await db.signatureUse.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
