import type { LocaleFormat } from './locale-format.ts';

/** A timestamp in the user's locale and the portal's time zone, e.g. "Mar 4, 2026, 9:15 AM" in en-US. */
export function formatDateTime(iso: string, format: LocaleFormat): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  return new Intl.DateTimeFormat(format.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: format.timeZone,
  }).format(date);
}

/** A calendar day ("2026-03-04", no time zone of its own) in the user's locale, e.g. "Mar 4, 2026". */
export function formatDay(day: string, format: LocaleFormat): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
