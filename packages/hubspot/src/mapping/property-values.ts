import { normalizeDecimal, roundToCurrency } from '@ledgersync/sync-engine';

// HubSpot sends every property as a string; empty strings and nulls both mean "no value".

export function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A property value we cannot take; the reader fails that one record with invalid_field_value. */
export class InvalidPropertyValue extends Error {
  override readonly name = 'InvalidPropertyValue';
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Exact decimal from a HubSpot number string ("1e2" and "1,000" are not HubSpot forms: refused). */
export function decimal(value: string | null | undefined): string | null {
  const t = text(value);
  if (t === null) return null;
  if (!DECIMAL.test(t))
    throw new InvalidPropertyValue(`Not a plain decimal from HubSpot: ${JSON.stringify(t)}`);
  return normalizeDecimal(t);
}

export function amount(value: string | null | undefined, currency: string): string {
  return roundToCurrency(decimal(value) ?? '0', currency);
}

const MIN_DAY_MS = Date.parse('0000-01-01T00:00:00.000Z');
const MAX_DAY_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** Date and datetime properties arrive as epoch milliseconds or ISO text; we keep the UTC calendar day. */
export function isoDate(value: string | null | undefined): string | null {
  const t = text(value);
  if (t === null) return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
  const ms = day ? Date.parse(`${day}T00:00:00.000Z`) : /^\d+$/.test(t) ? Number(t) : Date.parse(t);
  // Years 0000-9999 only: beyond them toISOString writes "+010000-…" (or throws), which no
  // calendar day field accepts; a day that does not exist (2026-02-30) is refused, not rolled over.
  const iso = Number.isFinite(ms) && ms >= MIN_DAY_MS && ms <= MAX_DAY_MS ? new Date(ms).toISOString() : '';
  if (!iso || (day !== null && iso.slice(0, 10) !== day)) {
    throw new InvalidPropertyValue(`Not a HubSpot date: ${JSON.stringify(t)}`);
  }
  return iso.slice(0, 10);
}

/** Midnight UTC in epoch ms: the form HubSpot accepts for both date and datetime properties. */
export function toHubSpotDate(date: string | null): string {
  return date === null ? '' : String(Date.parse(`${date}T00:00:00.000Z`));
}

export function toHubSpotText(value: string | null): string {
  return value ?? '';
}
