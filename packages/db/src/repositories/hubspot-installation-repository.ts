import type { Db, DbClient } from '../client/create-prisma-client.ts';
import type { EncryptedToken, TokenCipher } from '../crypto/token-cipher.ts';
import type { HubSpotInstallation } from '../generated/prisma/client.ts';

export interface HubSpotTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  scopes: string[];
}

/** The row as stored: its token columns are ciphertexts, typed so they cannot be used as tokens. */
export type EncryptedHubSpotInstallation = Omit<HubSpotInstallation, 'accessToken' | 'refreshToken'> & {
  accessToken: EncryptedToken;
  refreshToken: EncryptedToken;
};

export interface DecryptedHubSpotInstallation {
  portalId: string;
  installedByUserId: string | null;
  tokens: HubSpotTokens;
  updatedAt: Date;
}

export function createHubSpotInstallationRepository(db: Db, cipher: TokenCipher) {
  const decrypt = (row: HubSpotInstallation): DecryptedHubSpotInstallation => ({
    portalId: row.portalId,
    installedByUserId: row.installedByUserId,
    updatedAt: row.updatedAt,
    tokens: {
      accessToken: cipher.decrypt(row.accessToken),
      refreshToken: cipher.decrypt(row.refreshToken),
      accessTokenExpiresAt: row.accessTokenExpiresAt,
      scopes: row.scopes,
    },
  });
  return {
    async save(
      portalId: string,
      tokens: HubSpotTokens,
      installedByUserId?: string,
      tx: DbClient = db,
    ): Promise<void> {
      const data = {
        accessToken: cipher.encrypt(tokens.accessToken),
        refreshToken: cipher.encrypt(tokens.refreshToken),
        accessTokenExpiresAt: tokens.accessTokenExpiresAt,
        scopes: tokens.scopes,
        ...(installedByUserId ? { installedByUserId } : {}),
      };
      await tx.hubSpotInstallation.upsert({
        where: { portalId },
        create: { portalId, ...data },
        update: data,
      });
    },
    async find(portalId: string, tx: DbClient = db): Promise<DecryptedHubSpotInstallation | null> {
      const row = await tx.hubSpotInstallation.findUnique({ where: { portalId } });
      return row ? decrypt(row) : null;
    },
    async findEncrypted(portalId: string, tx: DbClient = db): Promise<EncryptedHubSpotInstallation | null> {
      return (await tx.hubSpotInstallation.findUnique({
        where: { portalId },
      })) as EncryptedHubSpotInstallation | null;
    },
    /** Portals whose access token expires before `before`: the token-care job refreshes these. */
    async listExpiringBefore(before: Date, tx: DbClient = db): Promise<string[]> {
      const rows = await tx.hubSpotInstallation.findMany({
        where: { accessTokenExpiresAt: { lt: before }, portal: { uninstalledAt: null } },
        select: { portalId: true },
      });
      return rows.map((r) => r.portalId);
    },
    async remove(portalId: string, tx: DbClient = db): Promise<void> {
      await tx.hubSpotInstallation.deleteMany({ where: { portalId } });
    },
  };
}
export type HubSpotInstallationRepository = ReturnType<typeof createHubSpotInstallationRepository>;
