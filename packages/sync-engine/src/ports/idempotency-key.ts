import { createHash } from 'node:crypto';
import type { Side, SyncObject } from '../records/sync-object.ts';

/**
 * Derives the key that makes a write safe to repeat. The same (portal, object, source side,
 * source id, link version) always yields the same key, so a pass that crashes after writing and
 * runs again replays instead of duplicating: QBO replays the stored response for a repeated
 * `requestid`, and the HubSpot adapter upserts on it.
 *
 * Length: QBO accepts a `requestid` of at most 50 characters, and at most 36 inside a batch
 * request, so the key is exactly 36 characters: "ls" + object letter + side letter + 32
 * base64url characters of SHA-256 (192 bits, collision-free in practice). `action` separates two
 * writes made for one source version (e.g. the create of a payment and the void of its invoice).
 */
export const IDEMPOTENCY_KEY_LENGTH = 36;

export function idempotencyKey(
  portalId: string,
  object: SyncObject,
  sourceSide: Side,
  sourceId: string,
  linkVersion: number,
  action = 'write',
): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([portalId, object, sourceSide, sourceId, linkVersion, action]))
    .digest('base64url')
    .slice(0, 32);
  return `ls${object[0]}${sourceSide[0]}${digest}`;
}
