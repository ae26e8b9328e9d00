import type { DbClient } from '../client/create-prisma-client.ts';

/**
 * The realm's company profile (Preferences and CompanyInfo as the engine uses them) as last read
 * from QBO, with when; null before the first read. The caller validates the profile's shape.
 */
export async function loadCompanyProfile(
  db: DbClient,
  realmId: string,
): Promise<{ profile: unknown; readAt: Date } | null> {
  const row = await db.quickBooksConnection.findUnique({
    where: { realmId },
    select: { companyProfile: true, companyProfileReadAt: true },
  });
  if (!row?.companyProfileReadAt || row.companyProfile === null) return null;
  return { profile: row.companyProfile, readAt: row.companyProfileReadAt };
}

export async function saveCompanyProfile(
  db: DbClient,
  realmId: string,
  profile: Readonly<Record<string, string | number | boolean | null>>,
  readAt: Date,
): Promise<void> {
  await db.quickBooksConnection.updateMany({
    where: { realmId },
    data: { companyProfile: { ...profile }, companyProfileReadAt: readAt },
  });
}
