// Organization, /me, users and groups (with members and transitive members, typed casts).
import { graphError } from './graph-error.js';
import { groupJson, memberJson, userJson } from './json-shapes.js';
import { equalityOn } from './odata-filter.js';
import { arraySource, collection, entity, isResponse, parseFilterParam, type Source } from './odata-query.js';
import type { EmulatorResponse, Handler, HandlerContext } from './route-types.js';
import type { GeneratedTenant, MemberRef, TenantUser } from './tenant-types.js';

export const notFound = (ctx: HandlerContext, id: string): EmulatorResponse =>
  graphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ctx.req,
  );

export const getOrganization: Handler = (ctx) =>
  collection(ctx.req, arraySource([ctx.tenant.organization]), {
    context: 'organization',
    defaultTop: 100,
    maxTop: 999,
  });

export const getMe: Handler = (ctx) => {
  if (ctx.token.scp.length === 0) {
    return graphError(
      400,
      'BadRequest',
      '/me request is only valid with delegated authentication flow.',
      ctx.req,
    );
  }
  const u = ctx.tenant.findUser(ctx.token.oid ?? ctx.tenant.adminUserId);
  if (!u) return notFound(ctx, ctx.token.oid ?? 'me');
  return entity(ctx.req, 'users', userJson(u));
};

export function resolveUser(ctx: HandlerContext): TenantUser | EmulatorResponse {
  const key = ctx.params.user ?? '';
  const u = ctx.tenant.findUser(key);
  return u ?? notFound(ctx, key);
}

function userSource(tenant: GeneratedTenant): Source {
  return {
    total: tenant.userCount,
    at: (i) => {
      const u = tenant.userAt(i);
      return u ? userJson(u) : undefined;
    },
  };
}

export const listUsers: Handler = (ctx) => {
  const filter = parseFilterParam(ctx.req);
  if (isResponse(filter)) return filter;
  const opts = { context: 'users', defaultTop: 100, maxTop: 999, countNeedsEventual: true };
  // fast paths so a lookup in a 500k tenant does not scan it
  const key = filter && (equalityOn(filter, 'id') ?? equalityOn(filter, 'userPrincipalName'));
  if (key) {
    const u = ctx.tenant.findUser(key);
    return collection(ctx.req, arraySource(u ? [userJson(u)] : []), opts, true);
  }
  return collection(ctx.req, userSource(ctx.tenant), opts);
};

export const getUser: Handler = (ctx) => {
  const u = resolveUser(ctx);
  return isResponse(u) ? u : entity(ctx.req, 'users', userJson(u));
};

export const listGroups: Handler = (ctx) => {
  const groups = [...ctx.tenant.groups.values()].map(groupJson);
  return collection(ctx.req, arraySource(groups), {
    context: 'groups',
    defaultTop: 100,
    maxTop: 999,
    countNeedsEventual: true,
  });
};

export const getGroup: Handler = (ctx) => {
  const g = ctx.tenant.groups.get(ctx.params.group ?? '');
  return g ? entity(ctx.req, 'groups', groupJson(g)) : notFound(ctx, ctx.params.group ?? '');
};

const CASTS: Record<string, (ref: MemberRef, tenant: GeneratedTenant) => boolean> = {
  'microsoft.graph.user': (r) => typeof r === 'number',
  'microsoft.graph.group': (r, t) => typeof r === 'string' && t.groups.has(r),
  'microsoft.graph.orgContact': (r, t) => typeof r === 'string' && t.contacts.has(r),
};
const castCache = new WeakMap<MemberRef[], Map<string, MemberRef[]>>();

function membersHandler(transitive: boolean): Handler {
  return (ctx) => {
    const groupId = ctx.params.group ?? '';
    if (!ctx.tenant.groups.has(groupId)) return notFound(ctx, groupId);
    let refs = transitive ? ctx.tenant.transitiveMembers(groupId) : ctx.tenant.directMembers(groupId);
    const cast = ctx.params.cast;
    if (cast) {
      const test = CASTS[cast];
      if (!test)
        return graphError(400, 'BadRequest', `Resource not found for the segment '${cast}'.`, ctx.req);
      let byCast = castCache.get(refs);
      if (!byCast) {
        byCast = new Map();
        castCache.set(refs, byCast);
      }
      const all = refs;
      refs = byCast.get(cast) ?? all.filter((r) => test(r, ctx.tenant));
      byCast.set(cast, refs);
    }
    const list = refs;
    return collection(
      ctx.req,
      {
        total: list.length,
        at: (i) => (list[i] === undefined ? undefined : memberJson(ctx.tenant, list[i]!)),
      },
      {
        context: cast ? `${cast.replace('microsoft.graph.', '')}s` : 'directoryObjects',
        defaultTop: 100,
        maxTop: 999,
        countNeedsEventual: true,
      },
    );
  };
}

export const listMembers = membersHandler(false);
export const listTransitiveMembers = membersHandler(true);

/** GET /directoryObjects/{id}: any user, group or contact. */
export const getDirectoryObject: Handler = (ctx) => {
  const id = ctx.params.object ?? '';
  const u = ctx.tenant.findUser(id);
  const o = u ? memberJson(ctx.tenant, u.index) : memberJson(ctx.tenant, id);
  return o ? entity(ctx.req, 'directoryObjects', o) : notFound(ctx, id);
};

/** GET .../$count: the number as text/plain; like $count=true it needs ConsistencyLevel: eventual. */
export function countOf(list: Handler): Handler {
  return (ctx) => {
    if ((ctx.req.headers.consistencylevel ?? '').toLowerCase() !== 'eventual') {
      return graphError(400, 'Request_BadRequest', 'Count is not currently supported.', ctx.req);
    }
    const query = new URLSearchParams(ctx.req.query);
    query.set('$count', 'true');
    query.set('$top', '1');
    query.delete('$skiptoken');
    const res = list({ ...ctx, req: { ...ctx.req, query } });
    if (res.status !== 200) return res;
    const count = (res.body as Record<string, unknown>)['@odata.count'];
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: String(count) };
  };
}
