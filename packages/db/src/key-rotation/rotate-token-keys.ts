import type { Db, DbClient } from '../client/create-prisma-client.ts';
import { inTransaction } from '../client/in-transaction.ts';
import type { TokenCipher } from '../crypto/token-cipher.ts';

/** What happened to one table's rows (or, in a dry run, would happen). */
export interface RotationCounts {
  /** Rows looked at. */
  checked: number;
  /** Rows with a token under another key than the active one: re-encrypted (or to be). */
  rotated: number;
  /** Rows already under the active key, or holding no token. */
  current: number;
  /** Rows with a token no key of the keyring can read (a retired key, a damaged value): left alone. */
  unreadable: number;
}

export interface RotationReport {
  readonly dryRun: boolean;
  readonly activeKeyId: string;
  readonly hubspotInstallations: RotationCounts;
  readonly quickbooksConnections: RotationCounts;
}

interface StoredTokens {
  accessToken: string | null;
  refreshToken: string | null;
}

/** One table holding encrypted tokens: its ids in order, and a row read under a row lock. */
interface TokenTable {
  ids(db: Db, after: string | null, take: number): Promise<string[]>;
  lockRow(tx: DbClient, id: string): Promise<StoredTokens | null>;
  write(tx: DbClient, id: string, tokens: StoredTokens): Promise<void>;
}

const after = (id: string | null) => (id === null ? {} : { id: { gt: id } });

const hubspotInstallations: TokenTable = {
  ids: async (db, last, take) =>
    (
      await db.hubSpotInstallation.findMany({
        select: { id: true },
        where: after(last),
        orderBy: { id: 'asc' },
        take,
      })
    ).map((r) => r.id),
  lockRow: async (tx, id) =>
    (
      await tx.$queryRaw<StoredTokens[]>`
        SELECT "accessToken", "refreshToken" FROM "HubSpotInstallation" WHERE id = ${id}::uuid FOR UPDATE`
    )[0] ?? null,
  write: async (tx, id, tokens) => {
    if (tokens.accessToken === null || tokens.refreshToken === null) return;
    await tx.hubSpotInstallation.update({
      where: { id },
      data: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
    });
  },
};

const quickbooksConnections: TokenTable = {
  ids: async (db, last, take) =>
    (
      await db.quickBooksConnection.findMany({
        select: { id: true },
        where: after(last),
        orderBy: { id: 'asc' },
        take,
      })
    ).map((r) => r.id),
  lockRow: async (tx, id) =>
    (
      await tx.$queryRaw<StoredTokens[]>`
        SELECT "accessToken", "refreshToken" FROM "QuickBooksConnection" WHERE id = ${id}::uuid FOR UPDATE`
    )[0] ?? null,
  write: async (tx, id, tokens) => {
    await tx.quickBooksConnection.update({ where: { id }, data: tokens });
  },
};

type Verdict = 'rotate' | 'current' | 'unreadable';

/** Whether a row's tokens need the active key; a token no key can read makes the row unreadable. */
function judge(cipher: TokenCipher, tokens: StoredTokens): Verdict {
  const present = [tokens.accessToken, tokens.refreshToken].filter((t): t is string => t !== null);
  try {
    for (const token of present) cipher.decrypt(token);
  } catch {
    return 'unreadable';
  }
  return present.some((t) => cipher.needsRotation(t)) ? 'rotate' : 'current';
}

const reencrypt = (cipher: TokenCipher, token: string | null) =>
  token === null ? null : cipher.encrypt(cipher.decrypt(token));

async function rotateTable(
  db: Db,
  cipher: TokenCipher,
  table: TokenTable,
  options: { dryRun: boolean; batchSize: number },
): Promise<RotationCounts> {
  const counts: RotationCounts = { checked: 0, rotated: 0, current: 0, unreadable: 0 };
  let last: string | null = null;
  for (;;) {
    const ids = await table.ids(db, last, options.batchSize);
    if (ids.length === 0) return counts;
    for (const id of ids) {
      // Each row in its own transaction that reads it under a row lock: a token refresh writing
      // the row meanwhile either finishes first (and its newer token is what gets re-encrypted) or
      // waits for this transaction and then writes its own. An older token is never written back.
      const verdict = await inTransaction(db, async (tx) => {
        const row = await table.lockRow(tx, id);
        if (!row) return null;
        const found = judge(cipher, row);
        if (found === 'rotate' && !options.dryRun) {
          await table.write(tx, id, {
            accessToken: reencrypt(cipher, row.accessToken),
            refreshToken: reencrypt(cipher, row.refreshToken),
          });
        }
        return found;
      });
      if (verdict === null) continue;
      counts.checked += 1;
      counts[verdict === 'rotate' ? 'rotated' : verdict] += 1;
    }
    last = ids.at(-1) ?? null;
  }
}

/**
 * Re-encrypts every stored token under the cipher's active key (`npm run keys:rotate`), in
 * batches of rows; with `dryRun`, only counts what would change. Rows that no key of the keyring
 * can read are counted and left as they are.
 */
export async function rotateTokenKeys(
  db: Db,
  cipher: TokenCipher,
  options: { dryRun?: boolean; batchSize?: number } = {},
): Promise<RotationReport> {
  const run = { dryRun: options.dryRun ?? false, batchSize: options.batchSize ?? 100 };
  return {
    dryRun: run.dryRun,
    activeKeyId: cipher.activeKeyId,
    hubspotInstallations: await rotateTable(db, cipher, hubspotInstallations, run),
    quickbooksConnections: await rotateTable(db, cipher, quickbooksConnections, run),
  };
}
