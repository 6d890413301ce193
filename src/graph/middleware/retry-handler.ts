// Retries throttling (429) and transient unavailability (503/504) honouring Retry-After, with a cap
// and jitter; and applies the dropped-connection policy: reads are re-sent; PUT/PATCH/DELETE are
// re-sent (same body, same effect); a POST is re-sent only when its WritePolicy says it is idempotent
// or its verify function shows the first attempt did not happen. Otherwise the caller hears that the
// outcome is unknown — never a silent duplicate.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphError, networkError, timeoutError } from '../errors.js';
import { requestMethod, requestUrl } from './headers.js';
import { TransportFailure } from './transport.js';
import { WritePolicy } from './write-policy.js';

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  reason: 'throttled' | 'unavailable' | 'network' | 'timeout';
  status?: number;
  method: string;
  url: string;
}

export interface RetryOptions {
  /** retries after the first attempt (default 6) */
  maxRetries?: number;
  /** longest single wait, Retry-After included (default 120 s) */
  maxDelayMs?: number;
  /** first back-off without Retry-After (default 1 s, doubled each time) */
  baseDelayMs?: number;
  /** replaceable for tests; the default really waits */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  onRetry?: (event: RetryEvent) => void;
  /** seconds shown in timeout messages */
  timeoutSeconds?: number;
}

const RETRY_STATUSES = new Set([429, 503, 504]);
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const IDEMPOTENT_WRITES = new Set(['PUT', 'PATCH', 'DELETE']);

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new GraphError('aborted', 'Cancelled.'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new GraphError('aborted', 'Cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

async function discardBody(res: Response): Promise<void> {
  try {
    await res.arrayBuffer();
  } catch {
    // a body we cannot read is a body we do not need
  }
}

export class RetryHandler implements Middleware {
  private next: Middleware | undefined;
  private readonly maxRetries: number;
  private readonly maxDelayMs: number;
  private readonly baseDelayMs: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly host: string,
    private readonly options: RetryOptions = {},
  ) {
    this.maxRetries = options.maxRetries ?? 6;
    this.maxDelayMs = options.maxDelayMs ?? 120_000;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  /** Exponential back-off with full jitter, capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** Retry-After honoured (never less), plus a little jitter so parallel callers spread out. */
  private fromRetryAfter(ms: number): number {
    return ms + Math.round(this.random() * Math.min(1000, ms * 0.1));
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('RetryHandler has no next middleware');
    const method = requestMethod(context.options);
    const url = requestUrl(context.request);
    const policy = context.middlewareControl?.getMiddlewareOptions(WritePolicy) as WritePolicy | undefined;
    const resendable = READS.has(method) || IDEMPOTENT_WRITES.has(method) || policy?.idempotent === true;
    const isWrite = !READS.has(method);
    const signal = context.options?.signal ?? undefined;
    let lostOnce = false;

    for (let attempt = 0; ; attempt++) {
      context.response = undefined;
      let failure: TransportFailure | undefined;
      try {
        await next.execute(context);
      } catch (err) {
        if (!(err instanceof TransportFailure)) throw err;
        failure = err;
      }

      const res = context.response as Response | undefined;
      // 504 on a POST: the gateway gave up, the backend may still have done it — same as a lost reply
      const lostReply = failure !== undefined || (res?.status === 504 && !resendable);
      if (lostReply) {
        const reason = failure?.reason ?? 'network';
        const finalError = () =>
          !failure
            ? new GraphError(
                'timeout',
                `${this.host} timed out (504) before confirming the change; it may or may not have been made: check it before retrying.`,
                { status: 504, outcomeUnknown: true },
              )
            : reason === 'timeout'
              ? timeoutError(this.host, this.options.timeoutSeconds ?? 60, isWrite)
              : networkError(this.host, failure.original, isWrite);
        if (!resendable) {
          if (!policy?.verify) {
            if (res) await discardBody(res);
            throw finalError();
          }
          if (res) await discardBody(res);
          let verdict: Awaited<ReturnType<NonNullable<typeof policy.verify>>>;
          try {
            verdict = await policy.verify();
          } catch {
            // could not find out: the write may or may not have happened
            throw finalError();
          }
          if (verdict.happened) {
            context.response = synthesise(verdict.status ?? 200, verdict.body);
            return;
          }
        } else if (res) {
          await discardBody(res);
        }
        if (attempt >= this.maxRetries) throw finalError();
        lostOnce = true;
        const delayMs = this.backoff(attempt);
        this.options.onRetry?.({ attempt: attempt + 1, delayMs, reason, method, url });
        await this.sleep(delayMs, signal);
        continue;
      }

      if (!res) return;
      if (lostOnce && method === 'DELETE' && res.status === 404) {
        // the first DELETE went through before the connection dropped
        await discardBody(res);
        context.response = synthesise(204, undefined);
        return;
      }
      const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
      // a wait longer than the cap is not shortened (that would only be throttled again): give up
      const waitTooLong = retryAfter !== undefined && retryAfter > this.maxDelayMs;
      if (RETRY_STATUSES.has(res.status) && attempt < this.maxRetries && !waitTooLong) {
        const delayMs = retryAfter !== undefined ? this.fromRetryAfter(retryAfter) : this.backoff(attempt);
        await discardBody(res);
        this.options.onRetry?.({
          attempt: attempt + 1,
          delayMs,
          reason: res.status === 429 ? 'throttled' : 'unavailable',
          status: res.status,
          method,
          url,
        });
        await this.sleep(delayMs, signal);
        continue;
      }
      return;
    }
  }
}

function synthesise(status: number, body: unknown): Response {
  if (status === 204 || body === undefined)
    return new Response(null, { status: status === 200 ? 204 : status });
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
