// POST /$batch (JSON batching): at most 20 requests, optional dependsOn, every inner request goes
// through the same core as a top-level one (its own status, inner 429 with Retry-After), and the
// responses come back in a shuffled order — clients must match them by id.
import type { EmulatorCore } from './core.js';
import { graphError } from './graph-error.js';
import { hash32 } from './prng.js';
import type { EmulatorRequest, EmulatorResponse } from './route-types.js';

const MAX_REQUESTS = 20;

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

let shuffleCounter = 0;

function validate(body: unknown): InnerRequest[] | string {
  if (
    body === null ||
    typeof body !== 'object' ||
    !Array.isArray((body as { requests?: unknown }).requests)
  ) {
    return "The batch request body must be a JSON object with a 'requests' array.";
  }
  const requests = (body as { requests: unknown[] }).requests;
  if (requests.length === 0) return 'The batch request must contain at least one request.';
  if (requests.length > MAX_REQUESTS) return 'Number of requests inside batch exceeds the limit.'; // Graph's wording; the limit is MAX_REQUESTS
  const ids = new Set<string>();
  for (const r of requests) {
    const x = r as Partial<InnerRequest>;
    if (typeof x?.id !== 'string' || typeof x.method !== 'string' || typeof x.url !== 'string') {
      return "Each request in a batch needs 'id', 'method' and 'url'.";
    }
    if (ids.has(x.id)) return `The batch request contains the id '${x.id}' more than once.`;
    if (x.dependsOn?.some((d) => !ids.has(d)))
      return `Request '${x.id}' depends on a request that does not come before it.`;
    ids.add(x.id);
  }
  return requests as InnerRequest[];
}

export function handleBatch(core: EmulatorCore, outer: EmulatorRequest): EmulatorResponse {
  const requests = validate(outer.body);
  if (typeof requests === 'string') return graphError(400, 'BadRequest', requests, outer);
  const results = new Map<string, EmulatorResponse>();
  const responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[] = [];
  for (const r of requests) {
    let res: EmulatorResponse;
    const headers = Object.fromEntries(
      Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    const failedDep = r.dependsOn?.find((d) => (results.get(d)?.status ?? 500) >= 400);
    let url = r.url.startsWith('/') ? r.url : `/${r.url}`;
    // the Graph JS SDK's BatchRequestContent keeps the version segment ("/v1.0/users/..."); Graph accepts it
    if (url.startsWith(`/${outer.version}/`)) url = url.slice(outer.version.length + 1);
    const [path = '', qs = ''] = url.split('?', 2);
    const inner: EmulatorRequest = {
      method: r.method.toUpperCase(),
      version: outer.version,
      path: decodeURIComponent(path),
      query: new URLSearchParams(qs),
      headers: { ...headers, authorization: outer.headers.authorization ?? '' },
      body: r.body,
      base: outer.base,
      requestId: outer.requestId,
      clientRequestId: outer.clientRequestId,
      inner: true,
    };
    if (/^https?:/i.test(r.url)) {
      res = graphError(400, 'BadRequest', 'Batch request URLs must be relative to the version root.', inner);
    } else if (failedDep) {
      res = graphError(
        424,
        'FailedDependency',
        `The request depends on request '${failedDep}', which failed.`,
        inner,
      );
    } else {
      res = core.handle(inner);
    }
    results.set(r.id, res);
    const outHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      if (k === 'request-id' || k === 'client-request-id') continue;
      outHeaders[
        k === 'retry-after'
          ? 'Retry-After'
          : k === 'content-type'
            ? 'Content-Type'
            : k === 'location'
              ? 'Location'
              : k
      ] = v;
    }
    if (res.body !== undefined && !outHeaders['Content-Type'])
      outHeaders['Content-Type'] = 'application/json';
    responses.push({
      id: r.id,
      status: res.status,
      headers: outHeaders,
      ...(res.body !== undefined ? { body: res.body } : {}),
    });
  }
  // any order is legal; shuffle so clients cannot rely on it
  const salt = shuffleCounter++;
  for (let i = responses.length - 1; i > 0; i--) {
    const j = hash32(core.tenant.seed, salt, i) % (i + 1);
    [responses[i], responses[j]] = [responses[j]!, responses[i]!];
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: { responses } };
}
