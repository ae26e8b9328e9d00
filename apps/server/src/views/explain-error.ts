import { describeSyncError, SYNC_ERROR_CODES, type SyncErrorCode } from '@ledgersync/sync-engine';
import type { ErrorExplanation, ErrorSummary } from '../api-contract/common.ts';

const isKnownCode = (code: string): code is SyncErrorCode =>
  (SYNC_ERROR_CODES as readonly string[]).includes(code);

/**
 * A stored error code in plain words with its fix (R-VIS-4), for the card and the overview. A code
 * the catalogue does not know (written by an older or newer version) still gets an explanation.
 */
export function explainError(code: string | null, message: string | null): ErrorExplanation | null {
  if (!code) return null;
  if (isKnownCode(code)) {
    const info = describeSyncError(code);
    return {
      code,
      category: info.category,
      title: info.title,
      explanation: info.explanation,
      fix: info.fix,
      message,
    };
  }
  return {
    code,
    category: 'unknown',
    title: 'Sync error',
    explanation: message ?? 'The sync stopped on an error this version of LedgerSync does not describe.',
    fix: 'Try Resync; contact support if it keeps failing.',
    message,
  };
}

/** A stored error code as lists name it: title and category. */
export function summarizeError(code: string | null): ErrorSummary | null {
  const info = explainError(code, null);
  return info ? { code: info.code, title: info.title, category: info.category } : null;
}
