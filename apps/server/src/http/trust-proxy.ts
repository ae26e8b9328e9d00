import { isIP } from 'node:net';

/**
 * Which proxies may tell the server the client's address (`X-Forwarded-For`): `false` trusts none
 * (the socket's peer is the client), a number trusts that many hops in front of the server, a list
 * trusts those addresses or CIDR ranges (and proxy-addr's `loopback`, `linklocal`, `uniquelocal`).
 * Never `true`: trusting every hop lets any client choose its own address and so its own
 * rate-limit budget.
 */
export type TrustProxy = false | number | readonly string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Parses `TRUST_PROXY`: unset, empty or `false` (trust nothing), a hop count, or comma-separated addresses/CIDRs. */
export function parseTrustProxy(
  value: string | undefined,
): { ok: true; value: TrustProxy } | { ok: false; error: string } {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return { ok: true, value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 32
      ? { ok: true, value: hops === 0 ? false : hops }
      : { ok: false, error: 'a hop count must be at most 32' };
  }
  if (text === 'true') {
    return {
      ok: false,
      error:
        'true would trust any X-Forwarded-For a client sends; give the number of proxies in front of the server or their addresses',
    };
  }
  const entries = text.split(',').map((s) => s.trim());
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length > 0) {
    return {
      ok: false,
      error: `must be a hop count or comma-separated IP addresses or CIDR ranges (bad: ${bad.map((b) => JSON.stringify(b.slice(0, 45))).join(', ')})`,
    };
  }
  return { ok: true, value: entries };
}

/**
 * Fastify's `trustProxy` option for a `TrustProxy`. Fastify 5 treats a bare number as "trust
 * nothing" (it cannot tell a proxy from a client that talks to the server directly), so a hop
 * count becomes proxy-addr's hop function, as Express defines it: the first `hops` addresses from
 * the socket inwards are proxies. It is right only when every request comes through those proxies.
 */
export function trustProxyOption(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}
