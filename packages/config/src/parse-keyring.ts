export type Keyring = ReadonlyMap<string, Buffer>;

/**
 * Parses `TOKEN_ENCRYPTION_KEYS`: comma-separated `keyId:base64key` pairs, each key exactly 32
 * bytes (AES-256). Several keys let old ciphertexts stay readable while a new key takes over.
 */
export function parseKeyring(value: string): { ok: true; keys: Keyring } | { ok: false; error: string } {
  const keys = new Map<string, Buffer>();
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return { ok: false, error: 'needs at least one keyId:base64key pair' };
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      return {
        ok: false,
        error: 'each entry must be keyId:base64key with a key id of letters, digits, _ or -',
      };
    }
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32)
      return { ok: false, error: `key "${id}" must decode to 32 bytes, got ${key.length}` };
    if (keys.has(id)) return { ok: false, error: `key id "${id}" appears twice` };
    keys.set(id, key);
  }
  return { ok: true, keys };
}
