import type { Db, DbClient } from '../client/create-prisma-client.ts';
import type { EncryptedToken, TokenCipher } from '../crypto/token-cipher.ts';
import type { ConnectionStatus, QuickBooksConnection } from '../generated/prisma/client.ts';

export interface QuickBooksTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
}

export type EncryptedQuickBooksConnection = Omit<QuickBooksConnection, 'accessToken' | 'refreshToken'> & {
  accessToken: EncryptedToken | null;
  refreshToken: EncryptedToken | null;
};

export type DecryptedQuickBooksConnection = Omit<
  QuickBooksConnection,
  'accessToken' | 'refreshToken' | 'accessTokenExpiresAt' | 'refreshTokenExpiresAt'
> & { tokens: QuickBooksTokens | null };

export interface ConnectInput {
  portalId: string;
  realmId: string;
  tokens: QuickBooksTokens;
  companyName?: string;
  country?: string;
  homeCurrency?: string;
  connectedAt: Date;
}

export type ConnectResult =
  | { ok: true; connection: DecryptedQuickBooksConnection }
  | { ok: false; error: 'realm_linked_to_other_portal' | 'portal_connected_to_other_realm' };

export function createQuickBooksConnectionRepository(db: Db, cipher: TokenCipher) {
  const encryptTokens = (t: QuickBooksTokens) => ({
    accessToken: cipher.encrypt(t.accessToken),
    refreshToken: cipher.encrypt(t.refreshToken),
    accessTokenExpiresAt: t.accessTokenExpiresAt,
    refreshTokenExpiresAt: t.refreshTokenExpiresAt,
  });
  const decrypt = (row: QuickBooksConnection): DecryptedQuickBooksConnection => {
    const { accessToken, refreshToken, accessTokenExpiresAt, refreshTokenExpiresAt, ...rest } = row;
    const tokens =
      accessToken && refreshToken && accessTokenExpiresAt && refreshTokenExpiresAt
        ? {
            accessToken: cipher.decrypt(accessToken),
            refreshToken: cipher.decrypt(refreshToken),
            accessTokenExpiresAt,
            refreshTokenExpiresAt,
          }
        : null;
    return { ...rest, tokens };
  };

  return {
    /**
     * One portal ↔ one realm. A disconnected row of the same portal is reused (reconnect); a
     * disconnected row of another portal no longer holds the realm.
     */
    async connect(input: ConnectInput, tx: DbClient = db): Promise<ConnectResult> {
      const byRealm = await tx.quickBooksConnection.findUnique({ where: { realmId: input.realmId } });
      if (byRealm && byRealm.portalId !== input.portalId) {
        if (byRealm.status !== 'disconnected') return { ok: false, error: 'realm_linked_to_other_portal' };
        await tx.quickBooksConnection.delete({ where: { id: byRealm.id } });
      }
      const byPortal = await tx.quickBooksConnection.findUnique({ where: { portalId: input.portalId } });
      if (byPortal && byPortal.realmId !== input.realmId && byPortal.status !== 'disconnected') {
        return { ok: false, error: 'portal_connected_to_other_realm' };
      }
      const data = {
        realmId: input.realmId,
        ...encryptTokens(input.tokens),
        companyName: input.companyName ?? null,
        country: input.country ?? null,
        homeCurrency: input.homeCurrency ?? null,
        status: 'connected' as const,
        connectedAt: input.connectedAt,
        disconnectedAt: null,
      };
      const row = await tx.quickBooksConnection.upsert({
        where: { portalId: input.portalId },
        create: { portalId: input.portalId, ...data },
        update: data,
      });
      return { ok: true, connection: decrypt(row) };
    },
    async find(portalId: string, tx: DbClient = db): Promise<DecryptedQuickBooksConnection | null> {
      const row = await tx.quickBooksConnection.findUnique({ where: { portalId } });
      return row ? decrypt(row) : null;
    },
    async findByRealm(realmId: string, tx: DbClient = db): Promise<DecryptedQuickBooksConnection | null> {
      const row = await tx.quickBooksConnection.findUnique({ where: { realmId } });
      return row ? decrypt(row) : null;
    },
    async findEncrypted(portalId: string, tx: DbClient = db): Promise<EncryptedQuickBooksConnection | null> {
      return (await tx.quickBooksConnection.findUnique({
        where: { portalId },
      })) as EncryptedQuickBooksConnection | null;
    },
    /** Stores rotated tokens; called before the new access token is used (R-CON-2). */
    async saveTokens(portalId: string, tokens: QuickBooksTokens, tx: DbClient = db): Promise<void> {
      await tx.quickBooksConnection.update({
        where: { portalId },
        data: { ...encryptTokens(tokens), status: 'connected' },
      });
    },
    async setStatus(portalId: string, status: ConnectionStatus, tx: DbClient = db): Promise<void> {
      await tx.quickBooksConnection.update({ where: { portalId }, data: { status } });
    },
    /** Forgets the tokens and keeps the row (its realm, for the history) as disconnected (R-CON-3). */
    async disconnect(portalId: string, at: Date, tx: DbClient = db): Promise<void> {
      await tx.quickBooksConnection.updateMany({
        where: { portalId },
        data: {
          status: 'disconnected',
          disconnectedAt: at,
          accessToken: null,
          refreshToken: null,
          accessTokenExpiresAt: null,
          refreshTokenExpiresAt: null,
        },
      });
    },
    async listExpiringBefore(before: Date, tx: DbClient = db): Promise<string[]> {
      const rows = await tx.quickBooksConnection.findMany({
        where: { status: 'connected', accessTokenExpiresAt: { lt: before } },
        select: { portalId: true },
      });
      return rows.map((r) => r.portalId);
    },
  };
}
export type QuickBooksConnectionRepository = ReturnType<typeof createQuickBooksConnectionRepository>;
