import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { missingShape, readCassette } from '../testing/cassettes.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

// Our responses must carry every field name, nesting and JSON type of the recorded real ones.
function recorded(
  name: string,
  index: number,
): { request: unknown; response: Record<string, unknown>; status: number } {
  const i = readCassette(name)[index];
  if (!i) throw new Error(`no interaction ${index} in ${name}`);
  return {
    request: i.requestBody ? JSON.parse(i.requestBody) : undefined,
    response: JSON.parse(i.responseBody),
    status: i.status,
  };
}

const ADDR = {
  Line1: '4581 Finch St.',
  City: 'Bayshore',
  CountrySubDivisionCode: 'CA',
  PostalCode: '94326',
  Lat: 'INVALID',
  Long: 'INVALID',
};

describe('responses match the recorded real QBO shapes', () => {
  let h: Harness;
  let customerId: string;
  beforeAll(async () => {
    h = await startHarness();
    const c = await h.api('POST', '/customer', {
      DisplayName: "Amy's Bird Sanctuary",
      GivenName: 'Amy',
      FamilyName: 'Lauterbach',
      CompanyName: "Amy's Bird Sanctuary",
      BillAddr: { Id: '2', ...ADDR },
      ShipAddr: { Id: '2', ...ADDR },
      PrimaryPhone: { FreeFormNumber: '(650) 555-3311' },
      PrimaryEmailAddr: { Address: 'Birds@Intuit.com' },
    });
    customerId = c.body.Customer.Id;
  });
  afterAll(() => h.close());

  it('create invoice', async () => {
    const rec = recorded('create/invoice.yml', 0);
    const ours = await h.api('POST', '/invoice', {
      ...(rec.request as object),
      CustomerRef: { value: customerId },
    });
    expect(ours.status).toBe(rec.status);
    // CustomField entries exist only where the company defined custom fields.
    expect(missingShape(rec.response, ours.body, ['Invoice.CustomField[]'])).toEqual([]);
  });

  it('create, read and update customer', async () => {
    const created = recorded('create/customer.yml', 0);
    const ours = await h.api('POST', '/customer?requestid=', created.request);
    // DefaultTaxCodeRef comes from automated sales tax, which this sandbox company does not use.
    expect(missingShape(created.response, ours.body, ['Customer.DefaultTaxCodeRef'])).toEqual([]);
    const read = recorded('get/id.yml', 0);
    const oursRead = await h.api('GET', `/customer/${customerId}`);
    expect(
      missingShape(read.response, oursRead.body, ['Customer.DefaultTaxCodeRef', 'Customer.Notes']),
    ).toEqual([]);
    const upd = recorded('update/customer.yml', 1);
    const id = ours.body.Customer.Id;
    const oursUpd = await h.api('POST', '/customer?minorversion=8', {
      ...(upd.request as object),
      Id: id,
      SyncToken: '0',
    });
    expect(oursUpd.body.Customer.SyncToken).toBe('1');
    expect(missingShape(upd.response, oursUpd.body, ['Customer.DefaultTaxCodeRef'])).toEqual([]);
  });

  it('delete and void invoice', async () => {
    const make = () =>
      h.api('POST', '/invoice', {
        CustomerRef: { value: customerId },
        Line: [
          {
            Amount: 100,
            DetailType: 'SalesItemLineDetail',
            SalesItemLineDetail: { ItemRef: { value: '1' } },
          },
        ],
      });
    const a = (await make()).body.Invoice;
    const del = recorded('delete/invoice.yml', 1);
    const oursDel = await h.api('POST', '/invoice?operation=delete', { Id: a.Id, SyncToken: a.SyncToken });
    expect(Object.keys(oursDel.body.Invoice).sort()).toEqual(
      Object.keys((del.response as { Invoice: object }).Invoice).sort(),
    );
    expect(missingShape(del.response, oursDel.body)).toEqual([]);
    const b = (await make()).body.Invoice;
    const voided = recorded('void/invoice.yml', 1);
    const oursVoid = await h.api('POST', '/invoice?operation=void', { Id: b.Id, SyncToken: b.SyncToken });
    expect(missingShape(voided.response, oursVoid.body, ['Invoice.CustomField[]'])).toEqual([]);
    expect(oursVoid.body.Invoice).toMatchObject({
      PrivateNote: 'Voided',
      TotalAmt: 0,
      Balance: 0,
      SyncToken: '1',
    });
  });

  it('query results, count and empty results', async () => {
    const list = recorded('all/customers.yml', 1);
    const ours = await h.api(
      'GET',
      `/query?query=${encodeURIComponent('SELECT * FROM Customer MAXRESULTS 1000 STARTPOSITION 1')}`,
    );
    expect(
      missingShape(list.response, ours.body, [
        'QueryResponse.Customer[].DefaultTaxCodeRef',
        'QueryResponse.Customer[].BillAddr.Country',
        'QueryResponse.Customer[].ShipAddr.Country',
        'QueryResponse.Customer[].Notes',
        'QueryResponse.Customer[].Mobile',
        'QueryResponse.Customer[].Fax',
        'QueryResponse.Customer[].WebAddr',
        'QueryResponse.Customer[].ParentRef',
        'QueryResponse.Customer[].Level',
        'QueryResponse.Customer[].Title',
        'QueryResponse.Customer[].MiddleName',
        'QueryResponse.Customer[].Suffix',
        'QueryResponse.Customer[].AlternatePhone',
        'QueryResponse.Customer[].PaymentMethodRef',
        'QueryResponse.Customer[].SalesTermRef',
      ]),
    ).toEqual([]);
    const count = recorded('all/customers.yml', 0);
    const oursCount = await h.api(
      'GET',
      `/query?query=${encodeURIComponent('SELECT COUNT(*) FROM Customer')}`,
    );
    expect(missingShape(count.response, oursCount.body)).toEqual([]);
    const byName = await h.api(
      'GET',
      `/query?query=${encodeURIComponent("SELECT * FROM Customer WHERE DisplayName = 'Amy\\'s Bird Sanctuary'")}`,
    );
    expect(byName.body.QueryResponse.Customer).toHaveLength(1);
  });

  it('faults: duplicate name, bad query, unknown property, unsupported path', async () => {
    const dup = recorded('error/validation.yml', 0);
    await h.api('POST', '/customer', dup.request);
    const oursDup = await h.api('POST', '/customer', dup.request);
    expect(oursDup.status).toBe(dup.status);
    expect(missingShape(dup.response, oursDup.body)).toEqual([]);
    expect(oursDup.body.Fault.Error[0].code).toBe('6240');

    const badEntity = recorded('error/400.yml', 1);
    const oursBad = await h.api('GET', `/query?query=${encodeURIComponent('SELECT * FROM Custmoer')}`);
    expect(oursBad.status).toBe(badEntity.status);
    expect(oursBad.body.Fault).toEqual((badEntity.response as { Fault: unknown }).Fault);

    const badJson = recorded('error/400_json.yml', 0);
    const oursJson = await h.api('POST', '/invoice', badJson.request);
    expect(oursJson.status).toBe(400);
    expect(missingShape(badJson.response, oursJson.body)).toEqual([]);
    expect(oursJson.body.Fault.Error[0]).toMatchObject({
      code: '2010',
      Message: 'Request has invalid or unsupported property',
    });

    const unsupported = recorded('error/500.yml', 0);
    const oursPath = await h.api('GET', '/customer/1/5');
    expect(oursPath.status).toBe(400);
    expect(missingShape(unsupported.response, oursPath.body)).toEqual([]);
    expect(oursPath.body.Fault.Error[0].Message).toBe('Unsupported Operation');
    const invalidId = recorded('error/500.yml', 1);
    const oursId = await h.api('GET', '/customer/1.5');
    expect(oursId.body.Fault).toEqual((invalidId.response as { Fault: unknown }).Fault);
  });

  it('401 gateway body', async () => {
    const rec = recorded('error/401.yml', 0);
    const res = await fetch(`${h.baseUrl}/v3/company/${h.realmId}/customer/1`, {
      headers: { authorization: 'Bearer nope-nope-nope-nope-nope-nope' },
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(missingShape(rec.response, body)).toEqual([]);
    expect(Object.keys(body)).toEqual(Object.keys(rec.response));
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('batch item responses', async () => {
    const rec = recorded('batch/basic.yml', 0);
    const ours = await h.api('POST', '/batch', {
      BatchItemRequest: [
        { bId: 'bid1', operation: 'create', Customer: { DisplayName: 'Boraski Family Store' } },
        { bId: 'bid2', operation: 'delete', Invoice: { Id: '129', SyncToken: '0' } },
        {
          bId: 'bid3',
          operation: 'update',
          Customer: { sparse: true, Id: customerId, SyncToken: '99', Notes: 'x' },
        },
        { bId: 'bid4', Query: "select * from Invoice where TotalAmt > '0.00'" },
      ],
    });
    expect(ours.status).toBe(200);
    const items = ours.body.BatchItemResponse;
    const recItems = (rec.response as { BatchItemResponse: Array<Record<string, unknown>> })
      .BatchItemResponse;
    expect(items.map((i: { bId: string }) => i.bId)).toEqual(['bid1', 'bid2', 'bid3', 'bid4']);
    expect(missingShape(recItems[1], items[1])).toEqual([]);
    expect(missingShape(recItems[2], items[2])).toEqual([]);
    expect(items[1].Fault.Error[0].code).toBe('610');
    expect(items[2].Fault.Error[0].code).toBe('5010');
    const recQuery = Object.keys((recItems[3] as { QueryResponse: object }).QueryResponse);
    expect(Object.keys(items[3].QueryResponse)).toEqual(
      recQuery.map((k) => (k === 'SalesReceipt' ? 'Invoice' : k)),
    );
  });

  it('CDC envelope', async () => {
    const rec = recorded('cdc/basic.yml', 0);
    const since = new Date(Date.now() - 3600_000).toISOString();
    const ours = await h.api('GET', `/cdc?entities=invoice&changedSince=${encodeURIComponent(since)}`);
    const renamed = JSON.parse(JSON.stringify(rec.response).replaceAll('"Estimate"', '"Invoice"'));
    expect(missingShape(renamed, ours.body, ['CDCResponse[].QueryResponse[].Invoice[]'])).toEqual([]);
  });
});
