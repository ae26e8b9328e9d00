import type { CanonicalPayment } from '../records/canonical-payment.ts';

/**
 * R-OBJ-4: a payment recorded on a HubSpot invoice is often associated with the invoice only.
 * QBO needs a customer, so the create takes the invoice's (see `buildCreateRecord`); afterwards a
 * HubSpot payment with no contact says nothing about the customer, and the field is left out of
 * the merge instead of clearing QBO's CustomerRef or being reported as a change on every echo.
 */
export function paymentCustomerUnknownInHubSpot(hubspot: CanonicalPayment): boolean {
  return hubspot.customerId === null;
}
