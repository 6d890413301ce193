// First link of the chain: every request gets a client-request-id, and every non-GET request is
// written to the audit log — once, with its final outcome, fsync'd before the caller sees the result.
import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { type AuditLog, redactBody } from '../../audit/audit-log.js';
import { getHeader, requestMethod, requestUrl, setHeader } from './headers.js';

export class AuditHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly log: AuditLog | undefined) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('AuditHandler has no next middleware');
    context.options = context.options ?? {};
    let clientRequestId = getHeader(context.options, 'client-request-id');
    if (!clientRequestId) {
      clientRequestId = randomUUID();
      setHeader(context.options, 'client-request-id', clientRequestId);
    }
    const method = requestMethod(context.options);
    if (!this.log || method === 'GET' || method === 'HEAD') {
      await this.next.execute(context);
      return;
    }
    const url = new URL(requestUrl(context.request));
    const path = safeDecode(url.pathname) + url.search;
    const body = redactBody(context.options.body);
    // A $batch of reads (verification sends thousands) changes nothing: it would only bury the writes.
    if (url.pathname.endsWith('/$batch') && isReadOnlyBatch(body)) {
      await this.next.execute(context);
      return;
    }
    try {
      await this.next.execute(context);
    } catch (err) {
      await this.log.append({
        method,
        path,
        body,
        status: 0,
        requestId: clientRequestId,
        error: (err instanceof Error ? err.message : String(err)).slice(0, 300),
      });
      throw err;
    }
    const res = context.response;
    await this.log.append({
      method,
      path,
      body,
      status: res?.status ?? 0,
      requestId: res?.headers.get('request-id') ?? clientRequestId,
    });
  }
}

function isReadOnlyBatch(body: unknown): boolean {
  const requests = (body as { requests?: unknown } | null)?.requests;
  return (
    Array.isArray(requests) &&
    requests.every((r) => String((r as { method?: unknown }).method ?? 'GET').toUpperCase() === 'GET')
  );
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
