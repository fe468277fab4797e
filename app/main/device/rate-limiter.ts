/**
 * A token bucket: `perSecond` messages on average, bursts up to `burst`. A runaway `console.log` loop on a
 * device must not flood the IDE's panels or the CLI; what is over the budget is counted, not processed.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token; false when the budget is spent. */
  take(): boolean {
    if (this.perSecond === Number.POSITIVE_INFINITY) return true;
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
