import type { DbClient } from '../client/create-prisma-client.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/** The realm's stored company profile and when it was read from QBO; null when never read. */
export async function readCompanyProfile(
  db: DbClient,
  realmId: string,
): Promise<{ profile: unknown; readAt: Date } | null> {
  return db.quickBooksCompanyProfile.findUnique({
    where: { realmId },
    select: { profile: true, readAt: true },
  });
}

/** Keeps the profile just read from QBO for every process. */
export async function saveCompanyProfile(
  db: DbClient,
  realmId: string,
  profile: Prisma.InputJsonValue,
  readAt: Date,
): Promise<void> {
  await db.quickBooksCompanyProfile.upsert({
    where: { realmId },
    create: { realmId, profile, readAt },
    update: { profile, readAt },
  });
}
