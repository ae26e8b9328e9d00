import { describe, expect, it } from '@jest/globals';
import { parseTrustProxy, trustProxyOption } from './trust-proxy.ts';

describe('TRUST_PROXY', () => {
  it('trusts nothing when unset, empty, 0 or false', () => {
    for (const value of [undefined, '', '  ', '0', 'false'])
      expect(parseTrustProxy(value)).toEqual({ ok: true, value: false });
  });

  it('takes a hop count or addresses and CIDR ranges', () => {
    expect(parseTrustProxy('2')).toEqual({ ok: true, value: 2 });
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.7,::1,fd00::/8,loopback')).toEqual({
      ok: true,
      value: ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8', 'loopback'],
    });
  });

  it.each([
    ['true', /would trust any X-Forwarded-For/],
    ['10.0.0.0/33', /bad: "10.0.0.0\/33"/],
    ['proxy.internal', /bad: "proxy.internal"/],
    ['10.0.0.1,', /bad: ""/],
    ['99', /at most 32/],
  ])('refuses %j', (value, message) => {
    const parsed = parseTrustProxy(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('turns a hop count into a hop function: that many addresses from the socket inwards are proxies', () => {
    const trust = trustProxyOption(1);
    expect(typeof trust).toBe('function');
    if (typeof trust !== 'function') return;
    expect([trust('10.0.0.5', 0), trust('203.0.113.7', 1)]).toEqual([true, false]);
    expect(trustProxyOption(false)).toBe(false);
    expect(trustProxyOption(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
  });
});
