// Per-tenant throttling as Graph documents it for identity: a budget of resource units per 10 s window
// (costs per request), and for reports a budget of requests per 10 s.

export class WindowBudget {
  private windowStart = 0;
  private used = 0;
  constructor(
    public limit: number,
    private readonly windowMs = 10_000,
  ) {}

  /** Spend `cost`; undefined when allowed, else the seconds until the window resets. */
  take(cost: number, now = Date.now()): number | undefined {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used + cost > this.limit)
      return Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
    this.used += cost;
    return undefined;
  }

  reset(): void {
    this.windowStart = 0;
    this.used = 0;
  }
}

/** Resource-unit cost of a request (design §8): writes 3, transitiveMembers 5, other reads 1; $select takes 1 off (min 1). */
export function resourceUnitCost(method: string, path: string, hasSelect: boolean): number {
  if (method !== 'GET') return 3;
  const base = /\/transitiveMembers\b/i.test(path) ? 5 : 1;
  return Math.max(1, base - (hasSelect ? 1 : 0));
}

export const isReportPath = (path: string) => /^\/(reports|auditLogs)\//i.test(path);
