import { describe, expect, it } from '@jest/globals';
import { parseCli } from './cli-options.ts';

describe('command line', () => {
  it('reads --port and defaults the rest', () => {
    expect(parseCli(['--port', '4101'])).toMatchObject({ port: 4101, host: '127.0.0.1' });
    expect(parseCli([]).port).toBe(4001);
  });

  it('refuses a bad port and unknown flags', () => {
    expect(() => parseCli(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCli(['--nope'])).toThrow();
  });
});
