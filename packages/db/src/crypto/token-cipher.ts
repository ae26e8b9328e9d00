import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from '@ledgersync/config';

declare const encryptedBrand: unique symbol;
/** A token as stored: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). Never a usable token. */
export type EncryptedToken = string & { readonly [encryptedBrand]: true };

export type TokenCipherErrorCode = 'malformed_ciphertext' | 'unknown_key' | 'decryption_failed';

export class TokenCipherError extends Error {
  constructor(
    readonly code: TokenCipherErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TokenCipherError';
  }
}

export interface TokenCipher {
  encrypt(plaintext: string): EncryptedToken;
  decrypt(envelope: EncryptedToken | string): string;
  /** True when the envelope was written with a key other than the active one (rotate it). */
  needsRotation(envelope: EncryptedToken | string): boolean;
  readonly activeKeyId: string;
}

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * AES-256-GCM with a fresh IV per token. The key id travels in the envelope so any key in the
 * keyring can decrypt while only the active one encrypts: rotation is "add a key, make it active,
 * re-encrypt" (`npm run keys:rotate`). The key id is bound as associated data so it cannot be
 * swapped. The one rule for the active key, for every process: `activeKeyId` when given
 * (TOKEN_ENCRYPTION_ACTIVE_KEY_ID), else the last key of the keyring (TOKEN_ENCRYPTION_KEYS).
 */
export function createTokenCipher(keys: Keyring, activeKeyId?: string): TokenCipher {
  const active = activeKeyId ?? [...keys.keys()].at(-1);
  if (!active || !keys.has(active)) {
    throw new TokenCipherError('unknown_key', `Active key id "${active ?? ''}" is not in the keyring`);
  }
  const activeKey = keys.get(active)!;

  function split(envelope: string) {
    const parts = envelope.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new TokenCipherError('malformed_ciphertext', 'Stored token is not a v1 encrypted envelope');
    }
    const [, keyId, iv, tag, data] = parts as [string, string, string, string, string];
    return {
      keyId,
      iv: Buffer.from(iv, 'base64url'),
      tag: Buffer.from(tag, 'base64url'),
      data: Buffer.from(data, 'base64url'),
    };
  }

  return {
    activeKeyId: active,
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', activeKey, iv);
      cipher.setAAD(Buffer.from(active));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        active,
        iv.toString('base64url'),
        tag.toString('base64url'),
        data.toString('base64url'),
      ].join('.') as EncryptedToken;
    },
    decrypt(envelope) {
      const { keyId, iv, tag, data } = split(envelope);
      const key = keys.get(keyId);
      if (!key)
        throw new TokenCipherError(
          'unknown_key',
          `Token was encrypted with key "${keyId}", which is not in the keyring`,
        );
      if (iv.length !== IV_BYTES || tag.length !== 16) {
        throw new TokenCipherError(
          'malformed_ciphertext',
          'Stored token has a bad IV or authentication tag length',
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(keyId));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenCipherError(
          'decryption_failed',
          `Token could not be decrypted with key "${keyId}": the key is wrong or the ciphertext was altered`,
        );
      }
    },
    needsRotation(envelope) {
      return split(envelope).keyId !== active;
    },
  };
}
