import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Harness, startHarness } from '../testing/harness.ts';

const DUPLICATE = {
  code: '6240',
  Message: 'Duplicate Name Exists Error',
  Detail:
    'The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.',
  element: '',
};

describe('DisplayName is one name space across customers, vendors and employees (R-ERR-2)', () => {
  let h: Harness;
  const create = async (path: string, body: Record<string, unknown>) => {
    const res = await h.api('POST', path, body);
    return res.body.Customer ?? res.body.Vendor ?? res.body.Employee;
  };
  const fault = async (path: string, body: Record<string, unknown>) => {
    const res = await h.api('POST', path, body);
    expect(res.status).toBe(400);
    return res.body.Fault;
  };
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it.each([
    ['/customer', '/vendor'],
    ['/customer', '/employee'],
    ['/vendor', '/customer'],
    ['/vendor', '/employee'],
    ['/employee', '/customer'],
    ['/employee', '/vendor'],
  ])('a name held by %s is refused on %s with the 6240 ValidationFault', async (holder, other) => {
    const name = `Holder ${holder}${other}`;
    await create(holder, { DisplayName: name });
    expect(await fault(other, { DisplayName: name.toUpperCase() })).toEqual({
      Error: [DUPLICATE],
      type: 'ValidationFault',
    });
  });

  it('inactive holders keep their name; a generated DisplayName is checked too', async () => {
    const v = await create('/vendor', { GivenName: 'Acme', FamilyName: 'Supplies' });
    await h.api('POST', '/vendor', { Id: v.Id, SyncToken: v.SyncToken, sparse: true, Active: false });
    expect((await fault('/customer', { DisplayName: 'Acme Supplies' })).Error[0].code).toBe('6240');
    expect((await fault('/employee', { GivenName: 'Acme', FamilyName: 'Supplies' })).Error[0].code).toBe(
      '6240',
    );
  });

  it('renaming into a taken name is refused; a record may keep or re-case its own name', async () => {
    const c = await create('/customer', { DisplayName: 'Same Name' });
    const e = await create('/employee', { DisplayName: 'Other Name' });
    const rename = await fault('/employee', {
      Id: e.Id,
      SyncToken: e.SyncToken,
      sparse: true,
      DisplayName: 'same name',
    });
    expect(rename.Error[0].code).toBe('6240');
    const own = await h.api('POST', '/customer', {
      Id: c.Id,
      SyncToken: c.SyncToken,
      sparse: true,
      DisplayName: 'SAME NAME',
    });
    expect(own.body.Customer.DisplayName).toBe('SAME NAME');
    // Ids are counted per entity, so a vendor may share the customer's Id without sharing its name.
    const v = await create('/vendor', { DisplayName: 'Vendor With Id' });
    const renamed = await h.api('POST', '/vendor', {
      Id: v.Id,
      SyncToken: v.SyncToken,
      sparse: true,
      DisplayName: 'Vendor Renamed',
    });
    expect(renamed.status).toBe(200);
  });

  it('applies inside a batch and to seeded records', async () => {
    await create('/customer', { DisplayName: 'Batch Holder' });
    const batch = await h.api('POST', '/batch', {
      BatchItemRequest: [
        { bId: '1', operation: 'create', Vendor: { DisplayName: 'Batch Holder' } },
        { bId: '2', operation: 'create', Employee: { DisplayName: 'Batch Employee' } },
      ],
    });
    expect(batch.body.BatchItemResponse[0]).toEqual({
      Fault: { Error: [DUPLICATE], type: 'ValidationFault' },
      bId: '1',
    });
    expect(batch.body.BatchItemResponse[1].Employee.DisplayName).toBe('Batch Employee');
    const seed = await h.control('POST', `/realms/${h.realmId}/seed`, {
      Employee: [{ DisplayName: 'Batch Holder' }],
    });
    expect(seed.status).toBe(400);
    expect(seed.body.Fault.Error[0].code).toBe('6240');
  });

  it.each([
    ['GivenName', 100],
    ['FamilyName', 100],
    ['MiddleName', 100],
    ['CompanyName', 100],
    ['Title', 16],
    ['Suffix', 16],
  ])(
    '%s longer than %i characters is refused with the 2050 ValidationFault naming it',
    async (field, max) => {
      const ok = await h.api('POST', '/customer', { DisplayName: `Fits ${field}`, [field]: 'x'.repeat(max) });
      expect(ok.status).toBe(200);
      expect(
        await fault('/customer', { DisplayName: `Too long ${field}`, [field]: 'x'.repeat(max + 1) }),
      ).toEqual({
        Error: [
          {
            code: '2050',
            Message: 'String length is either shorter or longer than supported by specification',
            Detail: `String length specified does not match the supported length. Min:0 Max:${max} supported. Supplied length:${max + 1}`,
            element: field,
          },
        ],
        type: 'ValidationFault',
      });
    },
  );
});
