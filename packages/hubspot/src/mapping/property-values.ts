import { normalizeDecimal, roundToCurrency } from '@ledgersync/sync-engine';

// HubSpot sends every property as a string; empty strings and nulls both mean "no value".

export function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Exact decimal from a HubSpot number string ("1e2" and "1,000" are not HubSpot forms: refused). */
export function decimal(value: string | null | undefined): string | null {
  const t = text(value);
  if (t === null) return null;
  if (!DECIMAL.test(t)) throw new Error(`Not a plain decimal from HubSpot: ${JSON.stringify(t)}`);
  return normalizeDecimal(t);
}

export function amount(value: string | null | undefined, currency: string): string {
  return roundToCurrency(decimal(value) ?? '0', currency);
}

/** Date and datetime properties arrive as epoch milliseconds or ISO text; we keep the UTC calendar day. */
export function isoDate(value: string | null | undefined): string | null {
  const t = text(value);
  if (t === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const ms = /^\d+$/.test(t) ? Number(t) : Date.parse(t);
  if (!Number.isFinite(ms)) throw new Error(`Not a HubSpot date: ${JSON.stringify(t)}`);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC in epoch ms: the form HubSpot accepts for both date and datetime properties. */
export function toHubSpotDate(date: string | null): string {
  return date === null ? '' : String(Date.parse(`${date}T00:00:00.000Z`));
}

export function toHubSpotText(value: string | null): string {
  return value ?? '';
}
