import type { Db, DbClient } from '../client/create-prisma-client.ts';
import type { EncryptedToken, TokenCipher } from '../crypto/token-cipher.ts';
import type { HubSpotInstallation, HubSpotInstallationStatus } from '../generated/prisma/client.ts';

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
  /** `needs_reauth` once HubSpot refused a refresh: the portal's syncs wait for a new install. */
  status: HubSpotInstallationStatus;
  /** The app-owned property set this portal has (see `APP_PROPERTIES_VERSION` in @ledgersync/hubspot). */
  appPropertiesVersion: number;
  tokens: HubSpotTokens;
  updatedAt: Date;
}

export function createHubSpotInstallationRepository(db: Db, cipher: TokenCipher) {
  const decrypt = (row: HubSpotInstallation): DecryptedHubSpotInstallation => ({
    portalId: row.portalId,
    installedByUserId: row.installedByUserId,
    status: row.status,
    appPropertiesVersion: row.appPropertiesVersion,
    updatedAt: row.updatedAt,
    tokens: {
      accessToken: cipher.decrypt(row.accessToken),
      refreshToken: cipher.decrypt(row.refreshToken),
      accessTokenExpiresAt: row.accessTokenExpiresAt,
      scopes: row.scopes,
    },
  });
  const encrypted = (tokens: HubSpotTokens, installedByUserId: string | undefined) => ({
    accessToken: cipher.encrypt(tokens.accessToken),
    refreshToken: cipher.encrypt(tokens.refreshToken),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    scopes: tokens.scopes,
    ...(installedByUserId ? { installedByUserId } : {}),
  });
  return {
    async save(
      portalId: string,
      tokens: HubSpotTokens,
      installedByUserId?: string,
      tx: DbClient = db,
    ): Promise<void> {
      const data = encrypted(tokens, installedByUserId);
      await tx.hubSpotInstallation.upsert({
        where: { portalId },
        create: { portalId, ...data },
        update: data,
      });
    },
    /**
     * A completed OAuth install: stores the grant, clears `needs_reauth` and records the property
     * set the install just created, so the worker has nothing to catch up on.
     */
    async saveInstall(
      portalId: string,
      tokens: HubSpotTokens,
      install: { installedByUserId?: string; appPropertiesVersion: number },
      tx: DbClient = db,
    ): Promise<void> {
      const data = {
        ...encrypted(tokens, install.installedByUserId),
        status: 'active' as const,
        appPropertiesVersion: install.appPropertiesVersion,
      };
      await tx.hubSpotInstallation.upsert({
        where: { portalId },
        create: { portalId, ...data },
        update: data,
      });
    },
    /** HubSpot refused the refresh (uninstalled, revoked): pause the portal until it is installed again. */
    async markNeedsReauth(portalId: string, tx: DbClient = db): Promise<void> {
      await tx.hubSpotInstallation.updateMany({ where: { portalId }, data: { status: 'needs_reauth' } });
    },
    /** Records that the portal has app-property set `version` (never moves backwards). */
    async recordAppPropertiesVersion(portalId: string, version: number, tx: DbClient = db): Promise<void> {
      await tx.hubSpotInstallation.updateMany({
        where: { portalId, appPropertiesVersion: { lt: version } },
        data: { appPropertiesVersion: version },
      });
    },
    /** Active installations whose app-owned properties are older than `version`. */
    async listBehindAppProperties(version: number, tx: DbClient = db): Promise<string[]> {
      const rows = await tx.hubSpotInstallation.findMany({
        where: { appPropertiesVersion: { lt: version }, status: 'active', portal: { uninstalledAt: null } },
        select: { portalId: true },
      });
      return rows.map((r) => r.portalId);
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
    /** Portals whose access token expires before `before`: the refresh-tokens task refreshes these. */
    async listExpiringBefore(before: Date, tx: DbClient = db): Promise<string[]> {
      const rows = await tx.hubSpotInstallation.findMany({
        where: { accessTokenExpiresAt: { lt: before }, status: 'active', portal: { uninstalledAt: null } },
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
