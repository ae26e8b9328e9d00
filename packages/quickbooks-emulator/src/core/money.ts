import Decimal from 'decimal.js';

// Money is computed with exact decimals and serialised as a JSON number, as QBO does.
export function dec(value: unknown): Decimal {
  if (typeof value === 'number' || typeof value === 'string') {
    try {
      return new Decimal(value);
    } catch {
      return new Decimal(0);
    }
  }
  return new Decimal(0);
}

export function money(d: Decimal): number {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), new Decimal(0));
}

export { Decimal };
