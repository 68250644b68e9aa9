/**
 * Failed sign-ins (form, Basic or token) counted per account and per client address over a sliding window.
 * Past the limit, further attempts are refused (429) until the oldest failure leaves the window; a success
 * clears the account's count. In memory: a restart forgets, which only helps an attacker by one window.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly windowMs = 15 * 60_000,
    private readonly perAccount = 5,
    private readonly perAddress = 20,
  ) {}

  /** Seconds to wait before another attempt for this account from this address; 0 when allowed. */
  retryAfter(account: string | undefined, address: string, now = Date.now()): number {
    const wait = (key: string, limit: number) => {
      const times = this.recent(key, now);
      return times.length < limit ? 0 : Math.ceil((times[0]! + this.windowMs - now) / 1000);
    };
    return Math.max(account === undefined ? 0 : wait(`u:${account.toLowerCase()}`, this.perAccount), wait(`a:${address}`, this.perAddress));
  }

  fail(account: string | undefined, address: string, now = Date.now()): void {
    for (const key of account === undefined ? [`a:${address}`] : [`u:${account.toLowerCase()}`, `a:${address}`]) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.set(key, times);
    }
    // Keep memory bounded under a flood of distinct names: forget the oldest keys.
    if (this.failures.size > 100_000) for (const key of [...this.failures.keys()].slice(0, 10_000)) this.failures.delete(key);
  }

  succeed(account: string): void {
    this.failures.delete(`u:${account.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }
}
