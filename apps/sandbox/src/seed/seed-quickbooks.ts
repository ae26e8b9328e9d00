import { quickbooksAsUser } from './emulator-calls.ts';

interface Ref {
  Id: string;
  SyncToken?: string;
  TotalAmt?: number;
  DocNumber?: string;
}

const CUSTOMERS = [
  { DisplayName: 'Bluebird Cafe', PrimaryEmailAddr: { Address: 'owner@bluebird.example' } },
  { DisplayName: 'Harbor Dental', PrimaryEmailAddr: { Address: 'office@harbordental.example' } },
  { DisplayName: 'Maple Street Library', PrimaryEmailAddr: { Address: 'admin@maplelibrary.example' } },
  { DisplayName: 'Summit Fitness', PrimaryEmailAddr: { Address: 'frontdesk@summitfit.example' } },
];
const ITEMS = [
  { Name: 'Annual Maintenance Plan', Sku: 'NW-SVC-01', UnitPrice: 480 },
  { Name: 'Chair Refurbishment', Sku: 'NW-SVC-02', UnitPrice: 95 },
];

/** The bookkeeper's own QuickBooks work: customers, items and invoices in every QBO state. */
export async function seedQuickBooks(qboUrl: string, realmId: string): Promise<void> {
  const qbo = await quickbooksAsUser(qboUrl, realmId);
  const accounts = await qbo.query<{ Id: string; Name: string }>(
    "select * from Account where AccountType = 'Income'",
  );
  const income = accounts.QueryResponse.Account?.[0];
  if (!income) throw new Error('the QuickBooks company has no income account');
  const customers: Ref[] = [];
  for (const c of CUSTOMERS) customers.push((await qbo.post<{ Customer: Ref }>('/customer', c)).Customer);
  const items: Ref[] = [];
  for (const item of ITEMS) {
    const body = { ...item, Type: 'Service', IncomeAccountRef: { value: income.Id } };
    items.push((await qbo.post<{ Item: Ref }>('/item', body)).Item);
  }
  const states = ['open', 'partially_paid', 'paid', 'voided', 'open'] as const;
  for (const [i, state] of states.entries()) {
    const customer = customers[i % customers.length];
    const item = items[i % items.length];
    if (!customer || !item) continue;
    const qty = 1 + (i % 3);
    const price = ITEMS[i % ITEMS.length]?.UnitPrice ?? 100;
    const { Invoice: invoice } = await qbo.post<{ Invoice: Ref }>('/invoice', {
      CustomerRef: { value: customer.Id },
      DocNumber: `QB-${2001 + i}`,
      Line: [
        {
          DetailType: 'SalesItemLineDetail',
          Amount: qty * price,
          SalesItemLineDetail: { ItemRef: { value: item.Id }, Qty: qty, UnitPrice: price },
        },
      ],
    });
    const total = invoice.TotalAmt ?? qty * price;
    const pay = state === 'paid' ? total : state === 'partially_paid' ? Math.floor(total * 30) / 100 : 0;
    if (pay > 0) {
      await qbo.post('/payment', {
        CustomerRef: { value: customer.Id },
        TotalAmt: pay,
        Line: [{ Amount: pay, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }],
      });
    }
    if (state === 'voided') {
      await qbo.post('/invoice?operation=void', {
        Id: invoice.Id,
        SyncToken: invoice.SyncToken ?? '0',
        sparse: true,
      });
    }
  }
}
