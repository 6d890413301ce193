// JSON batching: at most 20 requests per $batch; responses come back in any order (matched by id);
// an inner 429/503/504 is retried — only that request — after its own Retry-After.
import { GraphError as SdkGraphError } from '@microsoft/microsoft-graph-client';
import type { GraphClient, GraphVersion } from '../client.js';
import { writePolicy } from '../client.js';
import { type GraphError, toGraphError } from '../errors.js';
import { defaultSleep, parseRetryAfter } from '../middleware/retry-handler.js';
import type { OperationId } from '../permissions.js';

export const MAX_BATCH = 20;

export interface BatchItem {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** relative to the version, e.g. "/users/{id}/authentication/methods" */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface BatchResponseBody {
  responses?: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
}

export interface BatchOptions {
  version?: GraphVersion;
  /** operation for error messages and permissions */
  op?: OperationId;
  maxInnerRetries?: number;
  /** longest wait for an inner Retry-After */
  maxDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  onInnerRetry?: (info: { ids: string[]; delayMs: number }) => void;
}

const INNER_RETRY = new Set([429, 503, 504]);

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Sends the requests in batches of 20 and returns every result keyed by request id. */
export async function batch(
  graph: GraphClient,
  requests: readonly BatchItem[],
  opts: BatchOptions = {},
): Promise<Map<string, BatchResult>> {
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id)) throw new Error(`duplicate batch request id ${r.id}`);
    ids.add(r.id);
  }
  const results = new Map<string, BatchResult>();
  const sleep = opts.sleep ?? defaultSleep;
  const maxRetries = opts.maxInnerRetries ?? 6;
  const maxDelay = opts.maxDelayMs ?? 120_000;
  const op = opts.op ?? 'authMethods.read';

  for (let start = 0; start < requests.length; start += MAX_BATCH) {
    let pending = requests.slice(start, start + MAX_BATCH);
    for (let attempt = 0; pending.length > 0; attempt++) {
      const allReads = pending.every((r) => r.method === 'GET');
      const payload = {
        requests: pending.map((r) => ({
          id: r.id,
          method: r.method,
          url: r.url,
          ...(r.body !== undefined
            ? { body: r.body, headers: { 'Content-Type': 'application/json', ...r.headers } }
            : r.headers
              ? { headers: r.headers }
              : {}),
        })),
      };
      const res = await graph.run(op, () => {
        const req = graph.api('/$batch', opts.version ?? 'v1.0');
        if (allReads) req.middlewareOptions(writePolicy({ idempotent: true }));
        return req.post(payload) as Promise<BatchResponseBody>;
      });
      const retry: BatchItem[] = [];
      let waitMs = 0;
      const byId = new Map(pending.map((r) => [r.id, r]));
      for (const inner of res.responses ?? []) {
        const original = byId.get(inner.id);
        if (!original) continue; // not ours (never expected)
        byId.delete(inner.id);
        if (INNER_RETRY.has(inner.status) && attempt < maxRetries) {
          retry.push(original);
          const ra = parseRetryAfter(header(inner.headers, 'Retry-After'));
          waitMs = Math.max(waitMs, ra ?? Math.min(maxDelay, 1000 * 2 ** attempt));
          continue;
        }
        results.set(inner.id, {
          id: inner.id,
          status: inner.status,
          headers: inner.headers ?? {},
          body: inner.body,
        });
      }
      // a request the service did not answer at all is sent again too
      for (const missing of byId.values()) retry.push(missing);
      if (retry.length > 0 && attempt >= maxRetries) {
        for (const r of retry)
          if (!results.has(r.id)) results.set(r.id, { id: r.id, status: 429, headers: {}, body: undefined });
        break;
      }
      pending = retry;
      if (pending.length > 0) {
        const delayMs = Math.min(maxDelay, waitMs);
        opts.onInnerRetry?.({ ids: pending.map((r) => r.id), delayMs });
        if (delayMs > 0) await sleep(delayMs, opts.signal);
      }
    }
  }
  return results;
}

/** An inner failure as the GraphError a direct call would have raised. */
export function innerError(
  graph: GraphClient,
  result: BatchResult,
  op: OperationId,
  what?: string,
): GraphError {
  const body = result.body as { error?: { code?: string; message?: string } } | undefined;
  const sdk = new SdkGraphError(result.status, body?.error?.message ?? '');
  sdk.code = body?.error?.code ?? null;
  sdk.requestId = header(result.headers, 'request-id') ?? null;
  return toGraphError(sdk, {
    op,
    host: graph.host,
    ...(what ? { what } : {}),
    ...(graph.signInKind ? { signIn: graph.signInKind } : {}),
  });
}
