import type { TestPortal, TestWorld } from '@ledgersync/test-world';
import type { SoakLedger } from './soak-actions.ts';

const blank = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v);

/**
 * Every edited customer reads the same phone and email on both sides ("" and null are one value,
 * R-EDT-3), and keeps a phone: every soak edit sets one, so an empty phone is a lost edit.
 * Returns the customers that break either.
 */
export async function edgesAgree(world: TestWorld, p: TestPortal, ledger: SoakLedger): Promise<string[]> {
  const out: string[] = [];
  for (const key of ledger.edited) {
    const [side, id] = key.split(':') as ['hubspot' | 'quickbooks', string];
    const link = await world.db.recordLink.findFirst({
      where: {
        portalId: p.portalId,
        object: 'customer',
        ...(side === 'hubspot' ? { hubspotId: id } : { quickbooksId: id }),
      },
    });
    if (!link?.hubspotId || !link.quickbooksId) {
      out.push(`${key}: not linked`);
      continue;
    }
    const hs = await p.read('hubspot', 'customer', link.hubspotId);
    const qbo = await p.read('quickbooks', 'customer', link.quickbooksId);
    if (blank(hs.phone) !== blank(qbo.phone) || blank(hs.email) !== blank(qbo.email)) {
      out.push(`${key}: hubspot ${hs.phone}/${hs.email} ≠ quickbooks ${qbo.phone}/${qbo.email}`);
    } else if (blank(hs.phone) === null) {
      out.push(`${key}: the phone edit was lost (empty on both sides)`);
    }
  }
  return out;
}
