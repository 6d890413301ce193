// Graph failures turned into one-line messages that say what happened and what to do. The class
// extends the client's GraphClientError on purpose: the client re-throws that type unchanged, so an
// error raised inside our middleware (network, timeout, tenant gate) reaches the caller as is.
import { GraphClientError, GraphError as SdkGraphError } from '@microsoft/microsoft-graph-client';
import { describeNeed, OPERATIONS, type OperationId, type PermissionKind } from './permissions.js';

export type GraphErrorKind =
  | 'denied'
  | 'auth'
  | 'not-found'
  | 'throttled'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'bad-request'
  | 'conflict'
  | 'server'
  | 'tenant'
  | 'refused'
  | 'unknown';

export class GraphError extends GraphClientError {
  readonly kind: GraphErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  /** for network/timeout on a write: the request may or may not have taken effect */
  readonly outcomeUnknown: boolean;

  constructor(
    kind: GraphErrorKind,
    message: string,
    extra: { status?: number; code?: string; requestId?: string; outcomeUnknown?: boolean } = {},
  ) {
    super(message);
    // GraphClientError resets the prototype to its own; restore ours so instanceof works
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'GraphError';
    this.kind = kind;
    this.status = extra.status;
    this.code = extra.code;
    this.requestId = extra.requestId;
    this.outcomeUnknown = extra.outcomeUnknown ?? false;
  }
}

export interface ErrorContext {
  /** the operation that failed; names the permission on 403 */
  op?: OperationId;
  /** what a 404 did not find, e.g. 'group "Wave 1"' */
  what?: string;
  /** Graph host, for "could not reach" */
  host?: string;
  /** sign-in kind, to name delegated or application permissions */
  signIn?: PermissionKind;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n/)[0]?.trim().slice(0, 200) ?? '';
}

function causeText(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

export function networkError(host: string, err: unknown, outcomeUnknown: boolean): GraphError {
  const tail = outcomeUnknown
    ? ' The change may or may not have been made: check it in the portal before retrying.'
    : ' Check the network or proxy, then try again.';
  return new GraphError('network', `Could not reach ${host} (${causeText(err)}).${tail}`, { outcomeUnknown });
}

export function timeoutError(host: string, seconds: number, outcomeUnknown: boolean): GraphError {
  const tail = outcomeUnknown
    ? ' The change may or may not have been made: check it before retrying.'
    : ' Try again; if it keeps happening, work in smaller batches.';
  return new GraphError('timeout', `${host} did not answer within ${seconds} s.${tail}`, { outcomeUnknown });
}

/** Turn anything a Graph call threw into a GraphError with a message for the admin. */
export function toGraphError(err: unknown, ctx: ErrorContext = {}): GraphError {
  if (err instanceof GraphError) return err;
  const host = ctx.host ?? 'Microsoft Graph';
  if (err instanceof SdkGraphError) {
    const status = err.statusCode;
    const code = err.code ?? undefined;
    const extra = { status, code: code ?? undefined, requestId: err.requestId ?? undefined };
    const graphMsg = firstLine(err.message);
    const doing = ctx.op ? OPERATIONS[ctx.op].describe : 'do this';
    // the response body stalled past the time limit (headers had arrived)
    if (code === 'TimeoutError') return timeoutError(host, 60, false);
    if (code === 'AbortError') return new GraphError('aborted', 'Cancelled.');
    if (status === 401 || code === 'InvalidAuthenticationToken') {
      return new GraphError(
        'auth',
        `Graph did not accept the sign-in (${code ?? status}). Sign in again.`,
        extra,
      );
    }
    if (status === 403 || code === 'Authorization_RequestDenied') {
      const need = ctx.op
        ? ` It needs ${describeNeed(ctx.op, ctx.signIn)}.`
        : ' The signed-in account lacks a permission or role.';
      return new GraphError(
        'denied',
        `Graph refused to ${doing}.${need} Grant it (admin consent) and sign in again.`,
        extra,
      );
    }
    if (status === 404 || code === 'Request_ResourceNotFound' || code === 'ResourceNotFound') {
      const what = ctx.what ?? 'The requested object';
      return new GraphError(
        'not-found',
        `${capitalise(what)} was not found in the tenant. Check the name or id.`,
        extra,
      );
    }
    if (status === 429) {
      return new GraphError(
        'throttled',
        'Graph kept throttling requests (429) after several retries. Wait a few minutes and continue; progress so far is kept.',
        extra,
      );
    }
    if (status === 400) {
      return new GraphError(
        'bad-request',
        `Graph rejected the request to ${doing}: ${graphMsg || code || 'bad request'}.`,
        extra,
      );
    }
    if (status === 409) {
      return new GraphError(
        'conflict',
        `Graph reported a conflict while trying to ${doing}: ${graphMsg || code}.`,
        extra,
      );
    }
    if (status !== undefined && status >= 500) {
      return new GraphError(
        'server',
        `Graph failed (${status}${code ? ` ${code}` : ''}) while trying to ${doing}. Try again later.`,
        extra,
      );
    }
    if (status === undefined || status < 0) {
      // the client wraps transport failures it saw itself with status -1
      return networkError(host, err, false);
    }
    return new GraphError('unknown', `Graph answered ${status}${code ? ` ${code}` : ''}: ${graphMsg}`, extra);
  }
  if (err instanceof Error && err.name === 'AbortError') {
    return new GraphError('aborted', 'Cancelled.');
  }
  return networkError(host, err, false);
}

function capitalise(s: string): string {
  return s.length > 0 ? s[0]?.toUpperCase() + s.slice(1) : s;
}
