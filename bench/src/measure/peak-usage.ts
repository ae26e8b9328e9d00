/** A request as an emulator saw it: when it arrived and when it was answered (epoch ms). */
export interface SeenRequest {
  readonly from: number;
  readonly to: number;
}

/** The most requests that arrived within any `windowMs` (a sliding window, as the APIs count). */
export function mostInWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** The most requests in flight at once. */
export function mostInFlight(requests: readonly SeenRequest[]): number {
  // Answers before arrivals at the same instant: a slot freed and taken in one tick is not two.
  const events = requests.flatMap((r) => [
    { at: r.from, step: 1 },
    { at: r.to, step: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.step - b.step);
  let now = 0;
  let most = 0;
  for (const e of events) {
    now += e.step;
    most = Math.max(most, now);
  }
  return most;
}
