import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { parseKeyring } from './parse-keyring.ts';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('parseKeyring', () => {
  it('parses keyId:base64 pairs', () => {
    const parsed = parseKeyring(`k1:${keyA.toString('base64')}, k2:${keyB.toString('base64')}`);
    expect(parsed.ok && [...parsed.keys.keys()]).toEqual(['k1', 'k2']);
  });
  it.each([
    ['', /at least one/],
    ['nokey', /keyId:base64key/],
    [`k1:${randomBytes(16).toString('base64')}`, /"k1" must decode to 32 bytes, got 16/],
    [`k1:${keyA.toString('base64')},k1:${keyB.toString('base64')}`, /appears twice/],
  ])('refuses %j', (value, message) => {
    const parsed = parseKeyring(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
