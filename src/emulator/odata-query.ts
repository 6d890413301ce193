// OData query options shared by every collection: $top, $skiptoken, $select, $filter, $count.
import { graphError } from './graph-error.js';
import { type FilterNode, FilterSyntaxError, matches, parseFilter } from './odata-filter.js';
import type { EmulatorRequest, EmulatorResponse } from './route-types.js';
import type { GraphObject } from './tenant-types.js';

export const ODATA_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** A collection that can be read by position without materialising it. */
export interface Source {
  total: number;
  at(i: number): GraphObject | undefined;
}

export function arraySource(items: readonly GraphObject[]): Source {
  return { total: items.length, at: (i) => items[i] };
}

export interface CollectionOptions {
  /** e.g. "users" or "groups('id')/members"; used in @odata.context */
  context: string;
  defaultTop: number;
  maxTop: number;
  /** directory objects support $count only with ConsistencyLevel: eventual */
  countNeedsEventual?: boolean;
  /** what the caller reads in `$filter`; a transform after filtering (masking) goes in `present` */
  present?: (o: GraphObject) => GraphObject;
}

const badRequest = (req: EmulatorRequest, message: string, code = 'Request_BadRequest') =>
  graphError(400, code, message, req);

export function parseSelect(req: EmulatorRequest): string[] | undefined {
  const s = req.query.get('$select');
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
}

export function project(o: GraphObject, select: string[] | undefined): GraphObject {
  if (!select) return o;
  const out: GraphObject = {};
  if (o['@odata.type'] !== undefined) out['@odata.type'] = o['@odata.type'];
  for (const k of select) if (k in o) out[k] = o[k];
  return out;
}

/** Parse $filter; a response when it is malformed. */
export function parseFilterParam(req: EmulatorRequest): FilterNode | EmulatorResponse | undefined {
  const f = req.query.get('$filter');
  if (!f) return undefined;
  try {
    return parseFilter(f);
  } catch (e) {
    const why = e instanceof FilterSyntaxError ? e.message : 'Invalid filter clause.';
    return badRequest(req, `Invalid filter clause: ${why}`);
  }
}

export const isResponse = (x: unknown): x is EmulatorResponse =>
  typeof x === 'object' && x !== null && 'status' in x && 'headers' in x;

function encodeSkip(offset: number): string {
  return Buffer.from(`emu1:${offset}`, 'utf8').toString('base64url');
}
function decodeSkip(token: string): number | undefined {
  const m = /^emu1:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m?.[1] ? Number(m[1]) : undefined;
}

export function entity(
  req: EmulatorRequest,
  context: string,
  o: GraphObject,
  status = 200,
): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': ODATA_JSON },
    body: { '@odata.context': `${req.base}/$metadata#${context}/$entity`, ...project(o, parseSelect(req)) },
  };
}

export function collection(
  req: EmulatorRequest,
  source: Source,
  opts: CollectionOptions,
  prefiltered = false,
): EmulatorResponse {
  const countParam = req.query.get('$count');
  const eventual = (req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
  if (countParam === 'true' && opts.countNeedsEventual && !eventual) {
    // Graph's answer for advanced queries on directory objects without the header
    return badRequest(req, '$count is not currently supported.', 'Request_BadRequest');
  }
  const topRaw = req.query.get('$top');
  let top = opts.defaultTop;
  if (topRaw !== null) {
    top = Number(topRaw);
    if (!Number.isInteger(top) || top < 1 || top > opts.maxTop) {
      return badRequest(
        req,
        `Invalid page size specified: '${topRaw}'. Must be between 1 and ${opts.maxTop} inclusive.`,
      );
    }
  }
  const skipRaw = req.query.get('$skiptoken');
  let offset = 0;
  if (skipRaw !== null) {
    const o = decodeSkip(skipRaw);
    if (o === undefined) return badRequest(req, 'Invalid $skiptoken value.', 'Request_BadRequest');
    offset = o;
  }
  const filter = prefiltered ? undefined : parseFilterParam(req);
  if (isResponse(filter)) return filter;
  let view = source;
  if (filter) {
    const hits: GraphObject[] = [];
    for (let i = 0; i < source.total; i++) {
      const o = source.at(i);
      if (o && matches(filter, o)) hits.push(o);
    }
    view = arraySource(hits);
  }
  const select = parseSelect(req);
  const value: GraphObject[] = [];
  const end = Math.min(view.total, offset + top);
  for (let i = offset; i < end; i++) {
    const o = view.at(i);
    if (o) value.push(project(opts.present ? opts.present(o) : o, select));
  }
  const body: GraphObject = { '@odata.context': `${req.base}/$metadata#${opts.context}` };
  if (countParam === 'true') body['@odata.count'] = view.total;
  if (end < view.total) {
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', encodeSkip(end));
    if (topRaw === null) next.delete('$top');
    body['@odata.nextLink'] = `${req.base}${encodeURI(req.path)}?${next.toString().replace(/%24/g, '$')}`;
  }
  body.value = value;
  return { status: 200, headers: { 'content-type': ODATA_JSON }, body };
}
