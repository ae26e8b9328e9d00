import type { Address, CanonicalCustomer } from '@ledgersync/sync-engine';
import type { QboCustomer, QboNameEntity } from '../entities/customer.ts';

type QboAddress = NonNullable<QboCustomer['BillAddr']>;

function addressIn(a: QboAddress | undefined): Address | null {
  if (!a) return null;
  return {
    line1: a.Line1 ?? null,
    line2: a.Line2 ?? null,
    city: a.City ?? null,
    region: a.CountrySubDivisionCode ?? null,
    postalCode: a.PostalCode ?? null,
    country: a.Country ?? null,
  };
}

function addressOut(a: Address): Record<string, string> {
  const out: Record<string, string> = {};
  if (a.line1 !== null) out.Line1 = a.line1;
  if (a.line2 !== null) out.Line2 = a.line2;
  if (a.city !== null) out.City = a.city;
  if (a.region !== null) out.CountrySubDivisionCode = a.region;
  if (a.postalCode !== null) out.PostalCode = a.postalCode;
  if (a.country !== null) out.Country = a.country;
  return out;
}

export function customerFromQbo(c: QboCustomer): CanonicalCustomer {
  return {
    email: c.PrimaryEmailAddr?.Address ?? null,
    firstName: c.GivenName ?? null,
    lastName: c.FamilyName ?? null,
    companyName: c.CompanyName ?? null,
    displayName: c.DisplayName ?? null,
    phone: c.PrimaryPhone?.FreeFormNumber ?? null,
    currency: c.CurrencyRef?.value ?? null,
    billingAddress: addressIn(c.BillAddr),
    active: c.Active ?? true,
  };
}

/** R-ERR-2: a vendor or employee holding a display name, reported as an inactive customer. */
export function nameHolderAsCustomer(n: QboNameEntity): CanonicalCustomer {
  return {
    email: n.PrimaryEmailAddr?.Address ?? null,
    firstName: null,
    lastName: null,
    companyName: null,
    displayName: n.DisplayName ?? null,
    phone: null,
    currency: null,
    billingAddress: null,
    active: false,
  };
}

/** Body fields for the given canonical fields (all of them for a create, the changed ones for a sparse update). */
export function customerToQbo(c: Partial<CanonicalCustomer>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (c.displayName !== undefined && c.displayName !== null) body.DisplayName = c.displayName;
  if (c.firstName !== undefined) body.GivenName = c.firstName ?? '';
  if (c.lastName !== undefined) body.FamilyName = c.lastName ?? '';
  if (c.companyName !== undefined) body.CompanyName = c.companyName ?? '';
  if (c.email !== undefined) body.PrimaryEmailAddr = { Address: c.email ?? '' };
  if (c.phone !== undefined) body.PrimaryPhone = { FreeFormNumber: c.phone ?? '' };
  if (c.currency !== undefined && c.currency !== null) body.CurrencyRef = { value: c.currency };
  if (c.billingAddress !== undefined && c.billingAddress !== null)
    body.BillAddr = addressOut(c.billingAddress);
  if (c.active !== undefined) body.Active = c.active;
  return body;
}
