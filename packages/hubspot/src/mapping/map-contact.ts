import type { CanonicalCustomer } from '@ledgersync/sync-engine';
import type { HubSpotObject, Properties } from '../crm/hubspot-object.ts';
import { text, toHubSpotText } from './property-values.ts';

export const CONTACT_PROPERTIES = [
  'email',
  'firstname',
  'lastname',
  'company',
  'phone',
  'address',
  'city',
  'state',
  'zip',
  'country',
  // Ids merged into this contact: a read of a merged id answers with the survivor (R-OBJ-7).
  'hs_merged_object_ids',
] as const;

/** A HubSpot contact as a canonical customer. Contacts carry no display name or currency. */
export function contactToCanonical(contact: HubSpotObject): CanonicalCustomer {
  const p = contact.properties;
  const address = {
    line1: text(p.address),
    line2: null,
    city: text(p.city),
    region: text(p.state),
    postalCode: text(p.zip),
    country: text(p.country),
  };
  const hasAddress = Object.values(address).some((v) => v !== null);
  return {
    email: text(p.email)?.toLowerCase() ?? null,
    firstName: text(p.firstname),
    lastName: text(p.lastname),
    companyName: text(p.company),
    displayName: null,
    phone: text(p.phone),
    currency: null,
    billingAddress: hasAddress ? address : null,
    active: contact.archived !== true,
  };
}

/** Properties to write for the given (possibly partial) customer. */
export function canonicalToContactProperties(c: Partial<CanonicalCustomer>): Properties {
  const out: Properties = {};
  if (c.email !== undefined) out.email = toHubSpotText(c.email);
  if (c.firstName !== undefined) out.firstname = toHubSpotText(c.firstName);
  if (c.lastName !== undefined) out.lastname = toHubSpotText(c.lastName);
  if (c.companyName !== undefined) out.company = toHubSpotText(c.companyName);
  if (c.phone !== undefined) out.phone = toHubSpotText(c.phone);
  if (c.billingAddress !== undefined) {
    const a = c.billingAddress;
    out.address = toHubSpotText(a ? [a.line1, a.line2].filter(Boolean).join(', ') || null : null);
    out.city = toHubSpotText(a?.city ?? null);
    out.state = toHubSpotText(a?.region ?? null);
    out.zip = toHubSpotText(a?.postalCode ?? null);
    out.country = toHubSpotText(a?.country ?? null);
  }
  return out;
}
