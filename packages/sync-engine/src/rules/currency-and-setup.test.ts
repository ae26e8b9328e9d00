import { describe, expect, it } from '@jest/globals';
import { company, customer, invoice, line, settings, sideRecord } from '../testing/factories.ts';
import { SyncWorld } from '../testing/sync-world.ts';
import { checkInvoiceCurrency } from './check-invoice-currency.ts';
import { checkOutboundInvoice } from './check-outbound-invoice.ts';
import { checkOutboundInvoiceSetup } from './check-outbound-invoice-setup.ts';

describe('currencies (R-OBJ-6)', () => {
  it('R-OBJ-6: a foreign-currency invoice fails when multicurrency is off, naming both currencies', () => {
    const e = checkInvoiceCurrency('EUR', null, { homeCurrency: 'USD', multiCurrencyEnabled: false });
    expect(e?.code).toBe('multicurrency_disabled');
    expect(e?.message).toContain('EUR');
    expect(e?.message).toContain('USD');
  });

  it("R-OBJ-6: with multicurrency on, the customer's currency must match", () => {
    const e = checkInvoiceCurrency('EUR', 'GBP', { homeCurrency: 'USD', multiCurrencyEnabled: true });
    expect(e?.code).toBe('customer_currency_mismatch');
    expect(e?.message).toMatch(/EUR.*GBP/);
    expect(
      checkInvoiceCurrency('EUR', 'EUR', { homeCurrency: 'USD', multiCurrencyEnabled: true }),
    ).toBeNull();
    expect(
      checkInvoiceCurrency('USD', null, { homeCurrency: 'USD', multiCurrencyEnabled: false }),
    ).toBeNull();
  });

  it('R-OBJ-6: the planner refuses the write, not QBO', () => {
    const w = new SyncWorld(settings(), company({ multiCurrencyEnabled: false }));
    w.put(sideRecord('hubspot', 'customer', 'c1', customer()));
    w.put(
      sideRecord(
        'hubspot',
        'invoice',
        'i1',
        invoice({ customerId: 'c1', currency: 'JPY', lines: [line('JPY', { unitPrice: '500' })] }),
      ),
    );
    const plans = w.sync();
    const fail = plans.flatMap((p) => p.actions).find((a) => a.kind === 'fail');
    expect(fail?.kind === 'fail' && fail.error.code).toBe('multicurrency_disabled');
    expect(w.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId ?? null).toBeNull();
  });
});

describe('QBO precision (R-OBJ-6)', () => {
  it('R-OBJ-6: a three-decimal amount QBO would round is refused by name; one ending in 0 syncs', () => {
    const kwd = (unitPrice: string) =>
      invoice({ customerId: 'c1', currency: 'KWD', lines: [line('KWD', { unitPrice, quantity: '1' })] });
    const refused = checkOutboundInvoice(kwd('12.345'), null, null);
    expect(refused?.code).toBe('currency_precision_unsupported');
    expect(refused?.message).toContain('line 1 12.345 KWD');
    expect(refused?.message).toContain('total 12.345 KWD');
    expect(checkOutboundInvoice(kwd('12.340'), null, null)).toBeNull();
  });
});

describe('set-up and outbound checks', () => {
  it('R-ERR-5: a non-US company without tax mapping refuses outbound invoice sync at set-up', () => {
    const s = settings().invoice;
    const check = checkOutboundInvoiceSetup(company({ country: 'GB', homeCurrency: 'GBP' }), s);
    expect(check.errors.map((e) => e.code)).toContain('tax_required_non_us');
    const mapped = checkOutboundInvoiceSetup(company({ country: 'GB' }), {
      ...s,
      taxMapping: { defaultTaxCodeId: '7', byHubspotProductId: {} },
    });
    expect(mapped.errors).toEqual([]);
    expect(
      checkOutboundInvoiceSetup(company({ country: 'GB' }), { ...s, direction: 'quickbooks_to_hubspot' })
        .errors,
    ).toEqual([]);
  });

  it('R-ERR-5: with a tax mapping, every QBO line carries the mapped tax code', () => {
    const w = new SyncWorld(
      settings({
        invoice: {
          enabled: true,
          direction: 'two_way',
          syncStartedAt: '2026-01-01T00:00:00.000Z',
          customLineItemIncomeAccountId: 'a',
          taxMapping: { defaultTaxCodeId: 'VAT20', byHubspotProductId: {} },
        },
      }),
      company({ country: 'GB', homeCurrency: 'USD' }),
    );
    w.put(sideRecord('hubspot', 'customer', 'c1', customer()));
    w.put(sideRecord('hubspot', 'invoice', 'i1', invoice({ customerId: 'c1' })));
    w.sync();
    const qid = w.linkOf('invoice', 'hubspot', 'i1')!.quickbooksId!;
    expect(w.get('invoice', 'quickbooks', qid)?.lines.map((l) => l.taxCodeId)).toEqual(['VAT20']);
  });

  it('R-CON-6: warns about custom transaction numbers, unlocked periods and revenue recognition', () => {
    const check = checkOutboundInvoiceSetup(
      company({ customTransactionNumbers: true, revenueRecognitionEnabled: true }),
      settings().invoice,
    );
    expect(check.warnings).toHaveLength(3);
  });

  it('R-ERR-3: revenue recognition needs a service date on every line', () => {
    const e = checkOutboundInvoice(invoice(), null, company({ revenueRecognitionEnabled: true }));
    expect(e?.code).toBe('service_date_required');
  });

  it('R-ERR-6: an invoice dated in a closed period is refused before writing', () => {
    const e = checkOutboundInvoice(
      invoice({ issueDate: '2025-12-31' }),
      null,
      company({ bookCloseDate: '2025-12-31' }),
    );
    expect(e?.code).toBe('closed_period');
    expect(
      checkOutboundInvoice(
        invoice({ issueDate: '2026-01-01' }),
        null,
        company({ bookCloseDate: '2025-12-31' }),
      ),
    ).toBeNull();
  });
});
