import { useExtensionContext } from '@hubspot/ui-extensions';

/** How a person reads dates and amounts: their locale, their portal's time zone (R-VIS-5). */
export interface LocaleFormat {
  readonly locale: string;
  readonly timeZone: string;
}

const FALLBACK_LOCALE = 'en-US';

/** The user's locale and the portal's time zone, from what HubSpot gives the extension. */
export function useLocaleFormat(): LocaleFormat {
  const { user, portal } = useExtensionContext();
  return { locale: usableLocale(user.locale), timeZone: portal.timezone };
}

function usableLocale(locale: string | undefined): string {
  if (!locale) return FALLBACK_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}
