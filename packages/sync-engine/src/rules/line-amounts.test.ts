import { describe, expect, it } from '@jest/globals';
import { invoice, line } from '../testing/factories.ts';
import { checkInvoiceAmounts, lineAmount } from './line-amounts.ts';

describe('line amounts (R-OBJ-3, R-FAQ-2)', () => {
  it('R-OBJ-3: a line is quantity × unit price − discount, rounded half up in the currency', () => {
    expect(lineAmount({ quantity: '3', unitPrice: '19.99', discount: null }, 'USD')).toBe('59.97');
    expect(
      lineAmount({ quantity: '1', unitPrice: '100', discount: { kind: 'percent', value: '12.5' } }, 'USD'),
    ).toBe('87.50');
    expect(lineAmount({ quantity: '2', unitPrice: '0.0125', discount: null }, 'KWD')).toBe('0.025');
    expect(
      lineAmount({ quantity: '1', unitPrice: '999.5', discount: { kind: 'amount', value: '100' } }, 'JPY'),
    ).toBe('900');
  });

  it('R-OBJ-3: an invoice whose total does not add up is refused with the numbers', () => {
    const r = checkInvoiceAmounts(invoice({ total: '100.01' }));
    expect(r.ok === false && r.message).toContain('100.00');
    expect(checkInvoiceAmounts(invoice({ lines: [line('USD', { amount: '1.00' })] })).ok).toBe(false);
  });

  it('R-FAQ-2: a discounted line, fees and taxes are ordinary lines of the invoice total', () => {
    const l = line('USD', { description: 'Setup', discount: { kind: 'percent', value: '10' } });
    const fee = line('USD', { description: 'Shipping', quantity: '1', unitPrice: '7.50' });
    const tax = line('USD', { description: 'Sales tax', quantity: '1', unitPrice: '8.25' });
    const inv = invoice({ lines: [l, fee, tax] });
    expect(inv.total).toBe('105.75');
    expect(checkInvoiceAmounts(inv).ok).toBe(true);
  });
});
