import { hubspot, useExtensionContext } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { type BackendClient, createBackendClient } from './backend-client.ts';

/** The profile variable (hsprofile.*.json) that holds the backend's base URL. */
export const BACKEND_URL_VARIABLE = 'LEDGERSYNC_API_URL';

/** The backend client for this extension, or null when the project has no backend URL set. */
export function useBackend(): BackendClient | null {
  const context = useExtensionContext();
  const baseUrl = context.variables?.[BACKEND_URL_VARIABLE];
  return useMemo(
    () =>
      typeof baseUrl === 'string' && baseUrl.length > 0
        ? createBackendClient({ fetch: hubspot.fetch, baseUrl })
        : null,
    [baseUrl],
  );
}

/** The backend's base URL, for links the browser opens itself (exports). */
export function useBackendUrl(): string {
  const value = useExtensionContext().variables?.[BACKEND_URL_VARIABLE];
  return typeof value === 'string' ? value.replace(/\/+$/, '') : '';
}
