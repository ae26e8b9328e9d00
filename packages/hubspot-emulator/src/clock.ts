export interface Clock {
  now(): number;
}

/** Wraps the injected clock so the control API can move time forward without touching it. */
export class EmulatorClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = { now: () => Date.now() }) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  resetOffset(): void {
    this.offsetMs = 0;
  }
}
