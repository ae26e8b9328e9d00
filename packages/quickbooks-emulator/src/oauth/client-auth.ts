import { timingSafeEqual } from 'node:crypto';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Checks `Authorization: Basic base64(clientId:clientSecret)` as Intuit's token endpoint does. */
export function checkBasicAuth(header: string | undefined, clientId: string, clientSecret: string): boolean {
  const m = /^basic\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return false;
  return same(decoded.slice(0, i), clientId) && same(decoded.slice(i + 1), clientSecret);
}
