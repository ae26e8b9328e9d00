import type { Exclusion } from '../errors/exclusion-reason.ts';

/** A filter passes a record, or excludes it with the reason (shown on the card). */
export type FilterResult =
  | { readonly included: true }
  | { readonly included: false; readonly exclusion: Exclusion };

export const INCLUDED: FilterResult = { included: true };
