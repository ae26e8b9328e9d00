/** DateInput's value (month counted from 0) as an ISO day, "2025-01-31". */
export function isoDay(value: { year: number; month: number; date: number } | null | undefined): string {
  if (!value) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.year}-${pad(value.month + 1)}-${pad(value.date)}`;
}
