// The drift test: the hand-written migrations must produce exactly the database that
// prisma/schema.prisma describes. It compares columns (name, type, nullability) and enum values,
// then drives a create, read, update and delete of every model through the Prisma client.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createPrismaClient, type Db } from './client/create-prisma-client.ts';
import { Prisma } from './generated/prisma/client.ts';
import { createTestDatabase, type TestDatabase } from './testing/create-test-database.ts';

const SCHEMA = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));
const SCALARS: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Json: 'jsonb',
  Decimal: 'numeric',
};

interface SchemaField {
  model: string;
  name: string;
  udt: string;
  nullable: boolean;
}

/** Reads the scalar and enum fields of each model from schema.prisma (relation fields skipped). */
async function schemaFields(): Promise<SchemaField[]> {
  const text = await readFile(SCHEMA, 'utf8');
  const enums = new Set([...text.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]!));
  const fields: SchemaField[] = [];
  for (const block of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const line of block[2]!.split('\n')) {
      const m = /^\s+(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!m || line.trim().startsWith('//') || line.trim().startsWith('@@')) continue;
      const [, name = '', type = '', list, optional, rest = ''] = m;
      const native = /@db\.Uuid/.test(rest) ? 'uuid' : undefined;
      const udt = enums.has(type) ? type : (native ?? SCALARS[type]);
      if (!udt) continue; // a relation field
      fields.push({
        model: block[1]!,
        name,
        udt: list ? `_${udt}` : udt,
        nullable: Boolean(optional) || Boolean(list),
      });
    }
  }
  return fields;
}

/** Each enum of schema.prisma with its values in declaration order. */
async function schemaEnums(): Promise<string[]> {
  const text = await readFile(SCHEMA, 'utf8');
  return [...text.matchAll(/^enum (\w+) \{([\s\S]*?)^\}/gm)].map((m) => {
    const values = m[2]!
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('//'));
    return `${m[1]}: ${values.join(', ')}`;
  });
}

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe('migrations match prisma/schema.prisma', () => {
  it('has every column with its type and nullability, and no other column', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    await client.end();
    const actual = rows.map(
      (r) => `${r.table_name}.${r.column_name} ${r.udt_name}${r.is_nullable === 'YES' ? '?' : ''}`,
    );
    const expected = (await schemaFields()).map(
      (f) => `${f.model}.${f.name} ${f.udt}${f.nullable ? '?' : ''}`,
    );
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('has every enum with the values of schema.prisma, in their order', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS "values"
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    await client.end();
    expect(rows.map((r) => `${r.name}: ${r.values}`).sort()).toEqual((await schemaEnums()).sort());
  });
});

describe('every model through the Prisma client', () => {
  it('creates, reads, updates and deletes a row of each model, and enforces every unique constraint', async () => {
    const now = new Date('2026-11-27T10:00:00.000Z');
    const portal = await db.portal.create({
      data: { hubId: 9_007_199_254_740_993n, installedAt: now, planTier: 'starter' },
    });
    expect((await db.portal.findUniqueOrThrow({ where: { hubId: 9_007_199_254_740_993n } })).id).toBe(
      portal.id,
    );
    await expect(
      db.portal.create({ data: { hubId: 9_007_199_254_740_993n, installedAt: now } }),
    ).rejects.toMatchObject({
      code: 'P2002',
    });
    const other = await db.portal.create({ data: { hubId: 2n, installedAt: now } });

    const install = await db.hubSpotInstallation.create({
      data: {
        portalId: portal.id,
        accessToken: 'a',
        refreshToken: 'r',
        accessTokenExpiresAt: now,
        scopes: ['crm.objects.invoices.read'],
      },
    });
    expect(install.scopes).toEqual(['crm.objects.invoices.read']);
    await expect(
      db.hubSpotInstallation.create({
        data: { portalId: portal.id, accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: now },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });

    await db.quickBooksConnection.create({
      data: { portalId: portal.id, realmId: '9130', connectedAt: now, country: 'US' },
    });
    await expect(
      db.quickBooksConnection.create({ data: { portalId: other.id, realmId: '9130', connectedAt: now } }),
    ).rejects.toMatchObject({ code: 'P2002' });

    const settings = await db.syncSettings.create({
      data: {
        portalId: portal.id,
        object: 'invoice',
        direction: 'two_way',
        fieldMappings: { toggles: { memo: false } },
      },
    });
    expect(settings.fieldMappings).toEqual({ toggles: { memo: false } });
    await expect(
      db.syncSettings.create({ data: { portalId: portal.id, object: 'invoice' } }),
    ).rejects.toMatchObject({
      code: 'P2002',
    });

    const link = await db.recordLink.create({
      data: {
        portalId: portal.id,
        object: 'invoice',
        hubspotId: 'h1',
        quickbooksId: 'q1',
        origin: 'hubspot',
        amount: new Prisma.Decimal('1234.567891'),
        mergeBase: { total: '10.00' },
      },
    });
    expect(link.amount?.toString()).toBe('1234.567891');
    for (const dup of [{ hubspotId: 'h1' }, { quickbooksId: 'q1' }]) {
      await expect(
        db.recordLink.create({
          data: { portalId: portal.id, object: 'invoice', origin: 'hubspot', ...dup },
        }),
      ).rejects.toMatchObject({ code: 'P2002' });
    }
    // The same ids in another object or portal are different records.
    await db.recordLink.create({
      data: { portalId: portal.id, object: 'customer', hubspotId: 'h1', origin: 'hubspot' },
    });
    await db.recordLink.create({
      data: { portalId: other.id, object: 'invoice', hubspotId: 'h1', origin: 'hubspot' },
    });

    await db.changeNotice.create({
      data: { portalId: portal.id, side: 'hubspot', object: 'invoice', recordId: 'h1', eventId: 'e1' },
    });
    await expect(
      db.changeNotice.create({
        data: { portalId: other.id, side: 'hubspot', object: 'invoice', recordId: 'h2', eventId: 'e1' },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    await db.changeNotice.create({
      data: { portalId: portal.id, side: 'quickbooks', object: 'invoice', recordId: 'q1', eventId: 'e1' },
    });

    const activity = await db.syncActivity.create({
      data: {
        portalId: portal.id,
        linkId: link.id,
        object: 'invoice',
        direction: 'hubspot_to_quickbooks',
        action: 'created',
        changedFields: ['lines'],
        occurredAt: now,
      },
    });
    expect(typeof activity.id).toBe('bigint');

    await db.syncCursor.create({
      data: { portalId: portal.id, source: 'quickbooks', object: 'invoice', position: now },
    });
    await expect(
      db.syncCursor.create({
        data: { portalId: portal.id, source: 'quickbooks', object: 'invoice', position: now },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });

    await db.oAuthState.create({
      data: { id: 'state-1', provider: 'quickbooks', portalId: portal.id, expiresAt: now },
    });
    await expect(
      db.oAuthState.create({ data: { id: 'state-1', provider: 'hubspot', expiresAt: now } }),
    ).rejects.toMatchObject({ code: 'P2002' });

    const backfill = await db.backfill.create({
      data: { portalId: portal.id, object: 'invoice', from: now, to: now, total: 10 },
    });
    const updated = await db.backfill.update({
      where: { id: backfill.id },
      data: { done: { increment: 3 }, status: 'running' },
    });
    expect(updated).toMatchObject({ done: 3, status: 'running' });

    const syncRun = await db.syncRun.create({
      data: { portalId: portal.id, object: 'customer', sourceSide: 'quickbooks', total: 500 },
    });
    const paged = await db.syncRun.update({
      where: { id: syncRun.id },
      data: { pages: 1, done: { increment: 400 }, linked: { increment: 50 }, cursor: 'q:1001:x' },
    });
    expect(paged).toMatchObject({ status: 'running', pages: 1, done: 400, linked: 50 });

    const budget = await db.rateBudget.create({ data: { key: 'qbo:realm-1' } });
    const permit = await db.ratePermit.create({
      data: { budgetKey: budget.key, batch: true, leaseUntilMs: 1_000n },
    });
    await db.ratePermit.update({ where: { id: permit.id }, data: { returnedAtMs: 900n } });
    await expect(db.rateBudget.create({ data: { key: 'qbo:realm-1' } })).rejects.toMatchObject({
      code: 'P2002',
    });
    // Deleting a budget removes its permits.
    await db.rateBudget.delete({ where: { key: budget.key } });
    expect(await db.ratePermit.count()).toBe(0);

    await db.quickBooksCompanyProfile.create({
      data: { realmId: 'realm-1', profile: { homeCurrency: 'USD' }, readAt: now },
    });
    await db.quickBooksCompanyProfile.update({
      where: { realmId: 'realm-1' },
      data: { profile: { homeCurrency: 'EUR' } },
    });
    expect(
      (await db.quickBooksCompanyProfile.findUniqueOrThrow({ where: { realmId: 'realm-1' } })).profile,
    ).toEqual({ homeCurrency: 'EUR' });
    await expect(
      db.quickBooksCompanyProfile.create({ data: { realmId: 'realm-1', profile: {}, readAt: now } }),
    ).rejects.toMatchObject({ code: 'P2002' });
    await db.quickBooksCompanyProfile.delete({ where: { realmId: 'realm-1' } });

    // Updates on each model with a plain field.
    await db.portal.update({ where: { id: portal.id }, data: { planTier: 'enterprise' } });
    await db.recordLink.update({
      where: { id: link.id },
      data: { status: 'failed', errorCode: 'customer_missing' },
    });
    expect((await db.recordLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe('failed');

    // Deleting a link keeps its activity (the history outlives the link) but unlinks it.
    await db.recordLink.delete({ where: { id: link.id } });
    expect((await db.syncActivity.findUniqueOrThrow({ where: { id: activity.id } })).linkId).toBeNull();

    // Deleting a portal removes every row that belongs to it.
    await db.portal.delete({ where: { id: portal.id } });
    const left = await Promise.all([
      db.hubSpotInstallation.count({ where: { portalId: portal.id } }),
      db.quickBooksConnection.count({ where: { portalId: portal.id } }),
      db.syncSettings.count({ where: { portalId: portal.id } }),
      db.recordLink.count({ where: { portalId: portal.id } }),
      db.changeNotice.count({ where: { portalId: portal.id } }),
      db.syncActivity.count({ where: { portalId: portal.id } }),
      db.syncCursor.count({ where: { portalId: portal.id } }),
      db.oAuthState.count({ where: { portalId: portal.id } }),
      db.backfill.count({ where: { portalId: portal.id } }),
      db.syncRun.count({ where: { portalId: portal.id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await db.recordLink.count({ where: { portalId: other.id } })).toBe(1);
  });
});
