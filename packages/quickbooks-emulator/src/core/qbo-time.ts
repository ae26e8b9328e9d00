// QBO reports times in the company's time zone with a numeric offset (`2020-09-29T05:58:07-07:00`).
// Sandbox companies default to US Pacific time, so the emulator formats every time that way.
const ZONE = 'America/Los_Angeles';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface ZonedParts {
  date: string;
  time: string;
  offset: string;
}

function zoned(d: Date): ZonedParts {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(d)) p[part.type] = part.value;
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  const offsetMin = Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}`, offset };
}

/** `MetaData` style: seconds precision. */
export function qboDateTime(d: Date): string {
  const z = zoned(d);
  return `${z.date}T${z.time}${z.offset}`;
}

/** Envelope `time` style: milliseconds precision. */
export function qboResponseTime(d: Date): string {
  const z = zoned(d);
  return `${z.date}T${z.time}.${String(d.getMilliseconds()).padStart(3, '0')}${z.offset}`;
}

/** The company's calendar date (`YYYY-MM-DD`), used for default `TxnDate`. */
export function qboDate(d: Date): string {
  return zoned(d).date;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
