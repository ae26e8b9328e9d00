import type { QuickBooksClient } from './qbo-client.ts';

/** A custom field of the company's sales forms (QBO numbers them 1–3). */
export interface CompanyCustomField {
  definitionId: string;
  name: string;
}

/** CompanyInfo and Preferences, reduced to what connecting and the recommendations check need. */
export interface CompanySnapshot {
  companyName: string;
  country: string;
  homeCurrency: string;
  multiCurrencyEnabled: boolean;
  customTransactionNumbers: boolean;
  /** YYYY-MM-DD, or null when no period is closed. */
  bookCloseDate: string | null;
  revenueRecognitionEnabled: boolean;
  invoiceCustomFields: CompanyCustomField[];
}

const yes = (v: unknown) => v === true || v === 'true';

/** Reads the company a realm's tokens belong to: what a connection stores and set-up checks. */
export async function readCompanySnapshot(client: QuickBooksClient): Promise<CompanySnapshot> {
  const [info, prefs] = await Promise.all([client.companyInfo(), client.preferences()]);
  const p = prefs as Record<string, Record<string, unknown> | undefined>;
  const sales = p.SalesFormsPrefs ?? {};
  const customFields = ((sales.CustomField as unknown[]) ?? []).flatMap((group) =>
    (((group as { CustomField?: unknown[] }).CustomField ?? []) as { Name?: string; StringValue?: string }[])
      .filter((f) => f.Name?.startsWith('SalesFormsPrefs.SalesCustomName') && f.StringValue)
      .map((f) => ({
        definitionId: (f.Name ?? '').replace('SalesFormsPrefs.SalesCustomName', ''),
        name: f.StringValue ?? '',
      })),
  );
  const home = (p.CurrencyPrefs?.HomeCurrency as { value?: string } | undefined)?.value;
  return {
    companyName: String((info as { CompanyName?: string }).CompanyName ?? client.realmId),
    country: String((info as { Country?: string }).Country ?? 'US'),
    homeCurrency: home ?? 'USD',
    multiCurrencyEnabled: yes(p.CurrencyPrefs?.MultiCurrencyEnabled),
    customTransactionNumbers: yes(sales.CustomTxnNumbers),
    bookCloseDate: (p.AccountingInfoPrefs?.BookCloseDate as string | null | undefined) ?? null,
    revenueRecognitionEnabled: yes(p.ProductAndServicesPrefs?.RevenueRecognition),
    invoiceCustomFields: customFields,
  };
}
