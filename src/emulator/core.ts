// One request through the emulator: injected faults, authentication, routing, permissions,
// throttling, then the handler. Shared by top-level requests and the requests inside $batch.
import type { FaultOptions } from './faults.js';
import { graphError } from './graph-error.js';
import { isAllowed } from './permissions.js';
import type { EmulatorRequest, EmulatorResponse } from './route-types.js';
import { matchRoute } from './routes.js';
import type { GeneratedTenant } from './tenant-types.js';
import { isReportPath, resourceUnitCost, WindowBudget } from './throttle.js';
import { type DecodedToken, decodeToken } from './tokens.js';

export interface RequestLogEntry {
  method: string;
  /** path with version and query, e.g. /v1.0/users?$top=5 */
  path: string;
  status: number;
  time: string;
  /** true for a request inside $batch */
  inner: boolean;
}

const WWW_AUTH =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export class EmulatorCore {
  readonly requestLog: RequestLogEntry[] = [];
  private faults: FaultOptions = {};
  private counted = 0;
  private burst503 = 0;
  private burst504 = 0;
  private readonly units = new WindowBudget(8000);
  private readonly reports = new WindowBudget(5);

  constructor(
    readonly tenant: GeneratedTenant,
    private readonly decode: (token: string) => DecodedToken | undefined = decodeToken,
  ) {}

  setFaults(f: FaultOptions): void {
    this.faults = { ...f };
    this.counted = 0;
    this.burst503 = f.fail503Burst ?? 0;
    this.burst504 = f.fail504Burst ?? 0;
    this.units.limit = f.resourceUnitsPer10s ?? 8000;
    this.reports.limit = f.reportRequestsPer10s ?? 5;
    this.units.reset();
    this.reports.reset();
  }

  get currentFaults(): FaultOptions {
    return this.faults;
  }

  log(req: EmulatorRequest, status: number): void {
    const q = req.query.toString();
    this.requestLog.push({
      method: req.method,
      path: `/${req.version}${req.path}${q ? `?${q.replace(/%24/g, '$')}` : ''}`,
      status,
      time: new Date().toISOString(),
      inner: req.inner,
    });
  }

  /** Gateway-level failures, before anything else (never for requests inside a batch). */
  gatewayFault(req: EmulatorRequest): EmulatorResponse | undefined {
    const retry = this.faults.retryAfterSeconds;
    const headers: Record<string, string> = retry !== undefined ? { 'retry-after': String(retry) } : {};
    if (this.burst503 > 0) {
      this.burst503--;
      return graphError(
        503,
        'ServiceUnavailable',
        'The service is temporarily unavailable. Retry the request later.',
        req,
        headers,
      );
    }
    if (this.burst504 > 0) {
      this.burst504--;
      return graphError(
        504,
        'GatewayTimeout',
        'The gateway did not receive a response in time. Retry the request later.',
        req,
        headers,
      );
    }
    return undefined;
  }

  authenticate(req: EmulatorRequest): DecodedToken | undefined | EmulatorResponse {
    const fail = (message: string) =>
      graphError(401, 'InvalidAuthenticationToken', message, req, { 'www-authenticate': WWW_AUTH });
    const auth = req.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(auth);
    if (!m?.[1]) return fail('Access token is empty.');
    const token = this.decode(m[1]);
    if (!token) {
      return fail(
        m[1].includes('.')
          ? 'Access token validation failure. Invalid audience.'
          : 'IDX14100: JWT is not well formed, there are no dots (.).',
      );
    }
    if (token.exp * 1000 < Date.now()) return fail('Lifetime validation failed, the token is expired.');
    if (token.tid !== this.tenant.tenantId) {
      return fail(
        `Access token validation failure: the token was issued for tenant '${token.tid}', not for this tenant.`,
      );
    }
    if (token.scp.length === 0 && token.roles.length === 0)
      return fail('Access token validation failure: the token carries no scp or roles claim.');
    return token;
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    let res: EmulatorResponse;
    try {
      res = this.route(req);
    } catch (e) {
      // a bug in the emulator must still answer like Graph would, not hang or crash the server
      res = graphError(
        500,
        'InternalServerError',
        `Emulator error: ${e instanceof Error ? e.message : String(e)}`,
        req,
      );
    }
    res.headers['request-id'] = req.requestId;
    res.headers['client-request-id'] = req.clientRequestId;
    this.log(req, res.status);
    return res;
  }

  private route(req: EmulatorRequest): EmulatorResponse {
    const token = this.authenticate(req);
    if (!token || 'status' in token)
      return token ?? graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', req);
    const match = matchRoute(req.method, req.version, req.path);
    if (match === 'methodMismatch') {
      return graphError(
        405,
        'Request_BadRequest',
        `The HTTP method '${req.method}' is not supported by this resource.`,
        req,
      );
    }
    if (!match) {
      const last = req.path.split('/').filter(Boolean).pop() ?? '';
      return graphError(400, 'BadRequest', `Resource not found for the segment '${last}'.`, req);
    }
    if (match.route.delegatedOnly && token.scp.length === 0) {
      return graphError(400, 'BadRequest', match.route.delegatedOnly, req);
    }
    if (!isAllowed(match.route.perms, token.scp, token.roles)) {
      return graphError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
        req,
      );
    }
    if (
      this.faults.federationPatchNeedsAccessAsUser &&
      req.method === 'PATCH' &&
      /^\/domains\/[^/]+\/federationConfiguration\//i.test(req.path) &&
      token.scp.length > 0 &&
      !token.scp.some((s) => s.toLowerCase() === 'directory.accessasuser.all')
    ) {
      return graphError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
        req,
      );
    }
    const throttled = this.throttle(req);
    if (throttled) return throttled;
    return match.route.handler({ req, tenant: this.tenant, token, params: match.params });
  }

  private throttle(req: EmulatorRequest): EmulatorResponse | undefined {
    const too = (seconds: number) =>
      graphError(
        429,
        'TooManyRequests',
        'Too many requests. Retry after the number of seconds in the Retry-After header.',
        req,
        {
          'retry-after': String(seconds),
        },
      );
    const every = this.faults.throttleEvery;
    if (every && every > 0) {
      this.counted++;
      if (this.counted % every === 0) return too(this.faults.retryAfterSeconds ?? 1);
    }
    if (isReportPath(req.path)) {
      const wait = this.reports.take(1);
      if (wait !== undefined) return too(wait);
    }
    const wait = this.units.take(resourceUnitCost(req.method, req.path, req.query.has('$select')));
    return wait === undefined ? undefined : too(wait);
  }
}
