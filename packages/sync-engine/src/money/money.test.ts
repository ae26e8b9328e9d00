import { describe, expect, it } from '@jest/globals';
import { currencyDecimals } from './currency-decimals.ts';
import { isExactInCurrency, normalizeDecimal, roundToCurrency, sumAmounts } from './money.ts';

describe('money (R-OBJ-6: amounts keep the currency decimals exactly)', () => {
  it('knows 0, 2 and 3 decimal currencies', () => {
    expect(currencyDecimals('JPY')).toBe(0);
    expect(currencyDecimals('USD')).toBe(2);
    expect(currencyDecimals('EUR')).toBe(2);
    expect(currencyDecimals('KWD')).toBe(3);
    expect(currencyDecimals('BHD')).toBe(3);
    expect(() => currencyDecimals('usd')).toThrow();
  });

  it('rounds half up to the minor unit and writes every decimal', () => {
    expect(roundToCurrency('0.125', 'USD')).toBe('0.13');
    expect(roundToCurrency('1', 'USD')).toBe('1.00');
    expect(roundToCurrency('1234.5', 'JPY')).toBe('1235');
    expect(roundToCurrency('1.0005', 'KWD')).toBe('1.001');
  });

  it('adds without binary float error', () => {
    expect(sumAmounts(['0.10', '0.20'], 'USD')).toBe('0.30');
    expect(isExactInCurrency('0.305', 'USD')).toBe(false);
    expect(isExactInCurrency('0.305', 'BHD')).toBe(true);
    expect(normalizeDecimal('1.50')).toBe('1.5');
    expect(normalizeDecimal('-0.00')).toBe('0');
  });
});
