// The one way this program talks to Microsoft Graph: the official client (3.0.7) with our own
// middleware chain — audit -> retry -> bearer token -> fetch with a time limit.
import type { TokenCredential } from '@azure/identity';
import { Client, type GraphRequest, type MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { Cloud } from '../../state/model.js';
import type { AuditLog } from '../audit/audit-log.js';
import { validateGraphBaseUrl } from './base-url.js';
import { cloudEndpoints } from './clouds.js';
import { type ErrorContext, GraphError, toGraphError } from './errors.js';
import { AuditHandler } from './middleware/audit-handler.js';
import { BearerHandler } from './middleware/auth-handler.js';
import { RetryHandler, type RetryOptions } from './middleware/retry-handler.js';
import { DEFAULT_TIMEOUT_MS, TransportHandler } from './middleware/transport.js';
import { WritePolicy, type WritePolicyInit } from './middleware/write-policy.js';
import type { OperationId, PermissionKind } from './permissions.js';
import type { TenantGate } from './tenant-gate.js';

export type GraphVersion = 'v1.0' | 'beta';

export interface CreateGraphClientOptions {
  credential: TokenCredential;
  cloud: Cloud;
  /** validated override (base-url.ts); default: the cloud's Graph host */
  baseUrl?: string;
  /** fully qualified scopes for the cloud (clouds.qualifyScopes / defaultScope) */
  scopes: string[];
  fetchImpl?: typeof fetch;
  /** every non-GET request is recorded here */
  auditLog?: AuditLog;
  /** when given, nothing but GET /organization is sent until the gate is opened (tenant-pin.ts) */
  tenantGate?: TenantGate;
  /** for naming delegated vs application permissions in 403 messages */
  signInKind?: PermissionKind;
  timeoutMs?: number;
  retry?: RetryOptions;
  /** cancels token requests (e.g. Esc during sign-in) */
  signal?: AbortSignal;
}

export interface GraphClient {
  readonly sdk: Client;
  readonly cloud: Cloud;
  /** origin (+ path prefix) without version, e.g. https://graph.microsoft.com */
  readonly baseUrl: string;
  readonly host: string;
  readonly signInKind: PermissionKind | undefined;
  readonly tenantGate: TenantGate | undefined;
  /** a request for a relative path ("/groups?...") or an absolute nextLink on the same host */
  api(pathOrUrl: string, version?: GraphVersion): GraphRequest;
  /** absolute URL on the same Graph host, for `@odata.id` bodies */
  resourceUrl(path: string, version?: GraphVersion): string;
  /** run a call and turn failures into GraphError for this operation */
  run<T>(
    op: OperationId,
    fn: () => Promise<T>,
    ctx?: Omit<ErrorContext, 'op' | 'host' | 'signIn'>,
  ): Promise<T>;
}

export function writePolicy(init: WritePolicyInit): MiddlewareOptions[] {
  return [new WritePolicy(init)];
}

export function createGraphClient(options: CreateGraphClientOptions): GraphClient {
  let baseUrl = cloudEndpoints(options.cloud).graphBaseUrl;
  if (options.baseUrl !== undefined) {
    const checked = validateGraphBaseUrl(options.baseUrl);
    if (!checked.ok) throw new GraphError('refused', checked.message);
    baseUrl = checked.baseUrl;
  }
  const host = new URL(baseUrl).host;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const chain = [
    new AuditHandler(options.auditLog),
    new RetryHandler(host, { timeoutSeconds: Math.round(timeoutMs / 1000), ...options.retry }),
    new BearerHandler({
      credential: options.credential,
      scopes: options.scopes,
      baseUrl,
      ...(options.tenantGate ? { gate: options.tenantGate } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }),
    new TransportHandler(options.fetchImpl ?? globalThis.fetch, timeoutMs),
  ];
  const sdk = Client.initWithMiddleware({ baseUrl, defaultVersion: 'v1.0', middleware: chain });

  const graph: GraphClient = {
    sdk,
    cloud: options.cloud,
    baseUrl,
    host,
    signInKind: options.signInKind,
    tenantGate: options.tenantGate,
    api(pathOrUrl, version = 'v1.0') {
      if (/^https?:\/\//i.test(pathOrUrl)) {
        // nextLinks are absolute; the client only understands https ones, and we only follow our host
        if (!pathOrUrl.startsWith(`${baseUrl}/`)) {
          throw new GraphError(
            'refused',
            `Refusing to follow a link to another host: ${new URL(pathOrUrl).host}.`,
          );
        }
        const rest = pathOrUrl.slice(baseUrl.length);
        const m = /^\/(v1\.0|beta)(\/.*)$/.exec(rest);
        if (!m?.[2]) throw new GraphError('refused', `Unexpected Graph link: ${pathOrUrl}`);
        return sdk.api(m[2]).version(m[1] as GraphVersion);
      }
      return sdk.api(pathOrUrl).version(version);
    },
    resourceUrl(path, version = 'v1.0') {
      return `${baseUrl}/${version}${path.startsWith('/') ? path : `/${path}`}`;
    },
    async run(op, fn, ctx = {}) {
      try {
        return await fn();
      } catch (err) {
        throw toGraphError(err, {
          ...ctx,
          op,
          host,
          ...(options.signInKind ? { signIn: options.signInKind } : {}),
        });
      }
    },
  };
  return graph;
}
