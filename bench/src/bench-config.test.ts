import { describe, expect, it } from '@jest/globals';
import { parseBenchArgs } from './bench-config.ts';

describe('bench arguments', () => {
  it('defaults to the issue sizes, with 8,000 opt-in', () => {
    const c = parseBenchArgs([]);
    expect([c.inbound, c.outbound, c.steadySeconds, c.portals, c.perCallDelayMs]).toEqual([
      2000, 1000, 120, 50, 0,
    ]);
    expect(c.scale).toEqual([500, 2000]);
    expect(c.scaleLarge).toBe(false);
  });

  it('reads --kebab-case=value and bare flags', () => {
    const c = parseBenchArgs([
      '--inbound=50',
      '--per-call-delay-ms=80',
      '--scale-large',
      '--only=inbound,scale',
    ]);
    expect([c.inbound, c.perCallDelayMs, c.scaleLarge, c.only]).toEqual([50, 80, true, 'inbound,scale']);
  });

  it('rejects unknown and malformed arguments', () => {
    expect(() => parseBenchArgs(['--nope=1'])).toThrow(/bad bench arguments/);
    expect(() => parseBenchArgs(['inbound'])).toThrow(/unknown argument/);
    expect(() => parseBenchArgs(['--inbound=-3'])).toThrow(/bad bench arguments/);
  });
});
