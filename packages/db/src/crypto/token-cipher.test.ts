import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createTokenCipher, TokenCipherError } from './token-cipher.ts';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const ring = (entries: [string, Buffer][]) => new Map(entries);

describe('token encryption (AES-256-GCM)', () => {
  it('round-trips a token and never stores it in the clear', () => {
    const cipher = createTokenCipher(ring([['k1', keyA]]));
    const token = 'CAESIPqF-refresh-token-ünïcode';
    const envelope = cipher.encrypt(token);
    expect(envelope).not.toContain(token);
    expect(envelope.startsWith('v1.k1.')).toBe(true);
    expect(cipher.decrypt(envelope)).toBe(token);
    // A fresh IV each time: the same token never encrypts to the same text.
    expect(cipher.encrypt(token)).not.toBe(envelope);
  });

  it('refuses a wrong key with a clear error, never garbage', () => {
    const envelope = createTokenCipher(ring([['k1', keyA]])).encrypt('secret');
    const wrong = createTokenCipher(ring([['k1', keyB]]));
    expect(() => wrong.decrypt(envelope)).toThrow(TokenCipherError);
    expect(() => wrong.decrypt(envelope)).toThrow(/key "k1".*wrong or the ciphertext was altered/);
  });

  it('refuses a tampered ciphertext, tag or key id', () => {
    const cipher = createTokenCipher(
      ring([
        ['k1', keyA],
        ['k2', keyB],
      ]),
      'k1',
    );
    const envelope = cipher.encrypt('secret-token-value');
    const parts = envelope.split('.');
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0] = b[0]! ^ 1;
      return b.toString('base64url');
    };
    const tampered = [
      [parts[0], parts[1], parts[2], parts[3], flip(parts[4]!)],
      [parts[0], parts[1], parts[2], flip(parts[3]!), parts[4]],
      [parts[0], parts[1], flip(parts[2]!), parts[3], parts[4]],
      [parts[0], 'k2', parts[2], parts[3], parts[4]],
    ];
    for (const t of tampered) {
      expect(() => cipher.decrypt(t.join('.'))).toThrow(
        expect.objectContaining({ code: 'decryption_failed' }),
      );
    }
    expect(() => cipher.decrypt('plain-text-token')).toThrow(
      expect.objectContaining({ code: 'malformed_ciphertext' }),
    );
    expect(() => cipher.decrypt(`v1.k9.${parts.slice(2).join('.')}`)).toThrow(
      expect.objectContaining({ code: 'unknown_key' }),
    );
  });

  it('rotates keys: old ciphertexts stay readable, new ones use the active key', () => {
    const old = createTokenCipher(ring([['k1', keyA]]));
    const envelope = old.encrypt('token-before-rotation');
    const rotated = createTokenCipher(
      ring([
        ['k1', keyA],
        ['k2', keyB],
      ]),
      'k2',
    );
    expect(rotated.decrypt(envelope)).toBe('token-before-rotation');
    expect(rotated.needsRotation(envelope)).toBe(true);
    const reencrypted = rotated.encrypt(rotated.decrypt(envelope));
    expect(reencrypted.startsWith('v1.k2.')).toBe(true);
    expect(rotated.needsRotation(reencrypted)).toBe(false);
    // Once k1 is retired, its ciphertexts are refused by name.
    const retired = createTokenCipher(ring([['k2', keyB]]));
    expect(() => retired.decrypt(envelope)).toThrow(/key "k1", which is not in the keyring/);
  });

  it('one rule for the active key everywhere: TOKEN_ENCRYPTION_ACTIVE_KEY_ID when set, else the last key listed', () => {
    const keyring = ring([
      ['k1', keyA],
      ['k2', keyB],
    ]);
    expect(createTokenCipher(keyring).activeKeyId).toBe('k2');
    expect(createTokenCipher(keyring).encrypt('x').startsWith('v1.k2.')).toBe(true);
    expect(createTokenCipher(keyring, 'k1').activeKeyId).toBe('k1');
  });

  it('refuses an active key id that is not in the keyring', () => {
    expect(() => createTokenCipher(ring([['k1', keyA]]), 'k2')).toThrow(/Active key id "k2"/);
  });
});
