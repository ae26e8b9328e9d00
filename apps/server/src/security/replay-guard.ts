/**
 * Remembers signatures seen within the signature window so a captured state-changing request
 * cannot be sent twice. In memory: one process sees its own traffic; behind several instances a
 * replay may reach another one within the 5-minute window (the database-backed version is a follow-up).
 */
export function createReplayGuard(windowMs: number, maxEntries = 50_000) {
  const seen = new Map<string, number>();
  return {
    /** True the first time a signature is seen, false for a replay. */
    firstUse(signature: string, nowMs: number): boolean {
      for (const [key, at] of seen) {
        if (nowMs - at <= windowMs && seen.size < maxEntries) break;
        seen.delete(key);
      }
      if (seen.has(signature)) return false;
      seen.set(signature, nowMs);
      return true;
    },
  };
}
export type ReplayGuard = ReturnType<typeof createReplayGuard>;
