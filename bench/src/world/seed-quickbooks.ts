import { json } from './http.ts';

export interface QboSeedShape {
  readonly invoices: number;
  readonly customers: number;
  readonly items: number;
  readonly linesPerInvoice: number;
}

const SEED_CHUNK = 500;

/**
 * Creates customers, items and invoices in a realm through the emulator's seed route (the real
 * business rules, none of the rate limits: the data exists before the bench starts counting).
 * Returns the invoice ids.
 */
export async function seedQuickBooks(
  qboUrl: string,
  realmId: string,
  incomeAccountId: string,
  s: QboSeedShape,
): Promise<string[]> {
  const seedUrl = `${qboUrl}/_emulator/realms/${realmId}/seed`;
  const base = await json<{ Customer: { Id: string }[]; Item: { Id: string }[] }>(seedUrl, {
    body: {
      Customer: Array.from({ length: s.customers }, (_, i) => ({
        DisplayName: `Bench Customer ${realmId}-${i}`,
        GivenName: 'Bench',
        FamilyName: `C${i}`,
        PrimaryEmailAddr: { Address: `c${i}.${realmId}@bench.example` },
      })),
      Item: Array.from({ length: s.items }, (_, i) => ({
        Name: `Bench Item ${i}`,
        Sku: `BI-${i}`,
        Type: 'Service',
        UnitPrice: 10 + i,
        IncomeAccountRef: { value: incomeAccountId },
      })),
    },
  });
  const ids: string[] = [];
  for (let start = 0; start < s.invoices; start += SEED_CHUNK) {
    const count = Math.min(SEED_CHUNK, s.invoices - start);
    const created = await json<{ Invoice: { Id: string }[] }>(seedUrl, {
      body: {
        Invoice: Array.from({ length: count }, (_, k) => {
          const n = start + k;
          return {
            CustomerRef: { value: base.Customer[n % s.customers]?.Id },
            DocNumber: `B-${n}`,
            Line: Array.from({ length: s.linesPerInvoice }, (_, l) => {
              const qty = 1 + ((n + l) % 4);
              const price = 10 + ((n + l) % s.items);
              return {
                DetailType: 'SalesItemLineDetail',
                Amount: qty * price,
                Description: `Line ${l + 1}`,
                SalesItemLineDetail: {
                  ItemRef: { value: base.Item[(n + l) % s.items]?.Id },
                  Qty: qty,
                  UnitPrice: price,
                },
              };
            }),
          };
        }),
      },
    });
    ids.push(...created.Invoice.map((i) => i.Id));
  }
  return ids;
}
