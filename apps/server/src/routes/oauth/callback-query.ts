import { z } from 'zod';
import { badRequest } from '../../http/http-error.ts';

export const callbackQuerySchema = z.object({
  code: z.string().min(1).max(2048).optional(),
  state: z.string().max(512).optional(),
  realmId: z.string().max(64).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

/** The provider sent the admin back without a code: they declined, or the request was refused. */
export function assertAuthorized(q: z.infer<typeof callbackQuerySchema>): string {
  if (q.error || !q.code) {
    throw badRequest(
      'authorization_denied',
      q.error ? `Authorization was not granted (${q.error}).` : 'The authorization code is missing.',
    );
  }
  return q.code;
}

export const invalidState = () =>
  badRequest(
    'invalid_state',
    'This sign-in link is invalid, expired or was already used. Start again from the app.',
  );

/** The QBO callback came without the cookie of the browser that opened the connect link. */
export const startedInAnotherBrowser = () =>
  badRequest(
    'connect_browser_mismatch',
    'This QuickBooks sign-in was started in another browser, or the link was forwarded.',
  );

/** The connect link was opened before (by this browser or another): it binds one browser, once. */
export const connectLinkUsed = () =>
  badRequest(
    'connect_link_used',
    'This QuickBooks connect link was already opened, has expired or is invalid.',
  );
