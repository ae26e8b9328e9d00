import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The engine names a new link deterministically (`invoice:hubspot:123`) so a replanned pass after
 * a crash names the same link; the table keys links by UUID. This maps the one onto the other,
 * deterministically per portal, and leaves ids that are already UUIDs (links read back) alone.
 */
export function linkRowId(portalId: string, engineLinkId: string): string {
  if (UUID.test(engineLinkId)) return engineLinkId.toLowerCase();
  const hex = createHash('sha256').update(`${portalId}\u0000${engineLinkId}`).digest('hex');
  // RFC 9562 version 8 (custom) with the RFC variant bits.
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
