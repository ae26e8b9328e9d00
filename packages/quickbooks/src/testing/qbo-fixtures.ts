import type { QuickBooksClient } from '../api/qbo-client.ts';
import { JsonDecimal } from '../http/exact-json.ts';
import { QboQuery } from '../query/query-builder.ts';

// Factories for records the tests need in an emulated company.

let seq = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function incomeAccountId(qbo: QuickBooksClient): Promise<string> {
  const page = await qbo.queryPage(QboQuery.select('Account').where('AccountType', '=', 'Income'), 1, 10);
  const account = page.entities[0];
  if (!account) throw new Error('the emulated company has no income account');
  return account.Id;
}

export async function makeItem(qbo: QuickBooksClient, fields: Record<string, unknown> = {}) {
  const IncomeAccountRef = { value: await incomeAccountId(qbo) };
  const body = {
    Name: unique('Item '),
    Type: 'Service',
    UnitPrice: new JsonDecimal('10.10'),
    IncomeAccountRef,
    ...fields,
  };
  return qbo.create('Item', body, unique('it'));
}

export async function makeCustomer(qbo: QuickBooksClient, fields: Record<string, unknown> = {}) {
  return qbo.create('Customer', { DisplayName: unique('Customer '), ...fields }, unique('cu'));
}

export function invoiceBody(customerId: string, itemId: string, qty: string, price: string, amount: string) {
  return {
    CustomerRef: { value: customerId },
    Line: [
      {
        DetailType: 'SalesItemLineDetail',
        Amount: new JsonDecimal(amount),
        SalesItemLineDetail: {
          ItemRef: { value: itemId },
          Qty: new JsonDecimal(qty),
          UnitPrice: new JsonDecimal(price),
        },
      },
    ],
  };
}

export async function makeInvoice(qbo: QuickBooksClient) {
  const [item, customer] = await Promise.all([makeItem(qbo), makeCustomer(qbo)]);
  const invoice = await qbo.create(
    'Invoice',
    invoiceBody(customer.Id, item.Id, '2', '10.10', '20.20'),
    unique('in'),
  );
  return { item, customer, invoice };
}
