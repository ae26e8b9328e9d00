// What depends on the company's country in a new QBO company: home currency and sales tax codes.
export interface TaxCodeSeed {
  id: string;
  name: string;
  ratePercent: number;
}

interface CountryProfile {
  currency: { value: string; name: string };
  taxName: string;
  taxCodes: TaxCodeSeed[];
}

const US: CountryProfile = {
  currency: { value: 'USD', name: 'United States Dollar' },
  taxName: 'sales tax',
  taxCodes: [
    { id: 'TAX', name: 'TAX', ratePercent: 0 },
    { id: 'NON', name: 'NON', ratePercent: 0 },
  ],
};

const PROFILES: Record<string, CountryProfile> = {
  US,
  CA: {
    currency: { value: 'CAD', name: 'Canadian Dollar' },
    taxName: 'GST/HST',
    taxCodes: [
      { id: '2', name: 'Exempt', ratePercent: 0 },
      { id: '3', name: 'Zero-rated', ratePercent: 0 },
      { id: '4', name: 'GST', ratePercent: 5 },
      { id: '5', name: 'HST ON', ratePercent: 13 },
    ],
  },
  GB: {
    currency: { value: 'GBP', name: 'British Pound Sterling' },
    taxName: 'VAT',
    taxCodes: [
      { id: '2', name: 'Exempt', ratePercent: 0 },
      { id: '3', name: '20.0% S', ratePercent: 20 },
      { id: '4', name: '5.0% R', ratePercent: 5 },
      { id: '5', name: '0.0% Z', ratePercent: 0 },
    ],
  },
  AU: {
    currency: { value: 'AUD', name: 'Australian Dollar' },
    taxName: 'GST',
    taxCodes: [
      { id: '2', name: 'GST', ratePercent: 10 },
      { id: '3', name: 'GST free', ratePercent: 0 },
    ],
  },
};

export function normalizeCountry(country: string | undefined): string {
  const c = (country ?? 'US').trim().toUpperCase();
  return c === 'UK' ? 'GB' : c;
}

export function countryProfile(country: string): CountryProfile {
  return (
    PROFILES[country] ?? {
      currency: { value: 'EUR', name: 'Euro' },
      taxName: 'tax',
      taxCodes: [
        { id: '2', name: 'Exempt', ratePercent: 0 },
        { id: '3', name: 'Standard', ratePercent: 20 },
      ],
    }
  );
}

export function isUs(country: string): boolean {
  return country === 'US';
}
