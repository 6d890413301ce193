// Injectable faults, so clients can be tested against what Graph does on a bad day.

export interface FaultRequest {
  method: string;
  /** path including the version: /v1.0/users/... */
  path: string;
  body: unknown;
}

export interface FaultOptions {
  /** every Nth request (counting requests inside $batch, not the $batch itself) gets 429 */
  throttleEvery?: number;
  /** Retry-After seconds for injected 429s (default 1) */
  retryAfterSeconds?: number;
  /** the next N requests get 503 */
  fail503Burst?: number;
  /** the next N requests get 504 */
  fail504Burst?: number;
  /** delay before every top-level response */
  latencyMs?: number;
  /**
   * Destroy the socket instead of answering. 'before' (or true): nothing is applied; 'after': the
   * request is applied (a write happens) and then the connection drops, for idempotency tests.
   */
  dropConnectionOn?: (req: FaultRequest) => boolean | 'before' | 'after';
  /** identity resource units per 10 s per tenant (default 8000) */
  resourceUnitsPer10s?: number;
  /** report requests (/reports, /auditLogs) per 10 s per tenant (default 5, as Graph documents) */
  reportRequestsPer10s?: number;
  /**
   * The documented "known permissions issue": delegated PATCH of a domain's federationConfiguration
   * may also need Directory.AccessAsUser.All. When true, it is refused with 403 without it.
   */
  federationPatchNeedsAccessAsUser?: boolean;
}

/** Parse the CLI form "throttle=N,503=N,504=N,latency=MS,units=N,reports=N". */
export function parseFaultSpec(spec: string): FaultOptions {
  const f: FaultOptions = {};
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [k, v] = part.split('=');
    const n = Number(v);
    if (!k || v === undefined || !Number.isFinite(n) || n < 0)
      throw new Error(`Bad fault '${part}': expected name=number.`);
    if (k === 'throttle') f.throttleEvery = n;
    else if (k === 'retryAfter') f.retryAfterSeconds = n;
    else if (k === '503') f.fail503Burst = n;
    else if (k === '504') f.fail504Burst = n;
    else if (k === 'latency') f.latencyMs = n;
    else if (k === 'units') f.resourceUnitsPer10s = n;
    else if (k === 'reports') f.reportRequestsPer10s = n;
    else
      throw new Error(`Unknown fault '${k}': use throttle, retryAfter, 503, 504, latency, units or reports.`);
  }
  return f;
}
