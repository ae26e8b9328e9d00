/** The only source of "now" in the engine: injected so plans are reproducible. */
export interface Clock {
  now(): Date;
}

export function fixedClock(at: Date | string): Clock {
  const date = new Date(at);
  return { now: () => new Date(date) };
}
