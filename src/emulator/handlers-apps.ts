// Domains and federation, the utility's app registration, service principals, grants.
import { graphError } from './graph-error.js';
import { notFound } from './handlers-directory.js';
import { arraySource, collection, entity } from './odata-query.js';
import type { Handler, HandlerContext } from './route-types.js';
import type { FederationConfig, GraphObject, TenantDomain } from './tenant-types.js';

const BEHAVIORS = ['acceptIfMfaDoneByFederatedIdp', 'enforceMfaByFederatedIdp', 'rejectMfaByFederatedIdp'];

function domainJson(d: TenantDomain): GraphObject {
  const { federation: _f, ...rest } = d;
  return {
    ...rest,
    availabilityStatus: null,
    passwordNotificationWindowInDays: 14,
    passwordValidityPeriodInDays: 2147483647,
    state: null,
  };
}

function federationJson(f: FederationConfig): GraphObject {
  return {
    '@odata.type': '#microsoft.graph.internalDomainFederation',
    ...f,
    signingCertificateUpdateStatus: {
      certificateUpdateResult: 'Success',
      lastRunDateTime: '2025-01-01T00:00:00Z',
    },
  };
}

function findDomain(ctx: HandlerContext): TenantDomain | undefined {
  const id = (ctx.params.domain ?? '').toLowerCase();
  return ctx.tenant.domains.find((d) => d.id.toLowerCase() === id);
}

export const listDomains: Handler = (ctx) =>
  collection(ctx.req, arraySource(ctx.tenant.domains.map(domainJson)), {
    context: 'domains',
    defaultTop: 100,
    maxTop: 999,
  });

export const getDomain: Handler = (ctx) => {
  const d = findDomain(ctx);
  return d ? entity(ctx.req, 'domains', domainJson(d)) : notFound(ctx, ctx.params.domain ?? '');
};

/** The one internalDomainFederation of a federated domain; 404 when the domain has none (design §8). */
export const listFederation: Handler = (ctx) => {
  const d = findDomain(ctx);
  if (!d?.federation) return notFound(ctx, ctx.params.domain ?? '');
  return collection(ctx.req, arraySource([federationJson(d.federation)]), {
    context: `domains('${d.id}')/federationConfiguration`,
    defaultTop: 100,
    maxTop: 999,
  });
};

export const getFederation: Handler = (ctx) => {
  const d = findDomain(ctx);
  if (!d?.federation || d.federation.id !== ctx.params.fed) return notFound(ctx, ctx.params.fed ?? '');
  return entity(ctx.req, `domains('${d.id}')/federationConfiguration`, federationJson(d.federation));
};

/** PATCH: 200 with the updated object, as the reference's example shows. */
export const updateFederation: Handler = (ctx) => {
  const d = findDomain(ctx);
  const f = d?.federation;
  if (!d || !f || f.id !== ctx.params.fed) return notFound(ctx, ctx.params.fed ?? '');
  const b = ctx.req.body;
  if (b === null || typeof b !== 'object' || Array.isArray(b)) {
    return graphError(
      400,
      'Request_BadRequest',
      'The request body is missing or is not a JSON object.',
      ctx.req,
    );
  }
  const body = b as Record<string, unknown>;
  if ('federatedIdpMfaBehavior' in body) {
    const v = body.federatedIdpMfaBehavior;
    if (v === null && f.federatedIdpMfaBehavior !== null) {
      return graphError(
        400,
        'Request_BadRequest',
        'federatedIdpMfaBehavior cannot be reset to null once it is set.',
        ctx.req,
      );
    }
    if (v !== null && (typeof v !== 'string' || !BEHAVIORS.includes(v))) {
      return graphError(
        400,
        'Request_BadRequest',
        `Invalid value '${String(v)}' for property 'federatedIdpMfaBehavior'.`,
        ctx.req,
      );
    }
    f.federatedIdpMfaBehavior = v as FederationConfig['federatedIdpMfaBehavior'];
  }
  for (const k of [
    'displayName',
    'issuerUri',
    'passiveSignInUri',
    'activeSignInUri',
    'signOutUri',
    'metadataExchangeUri',
  ] as const) {
    if (typeof body[k] === 'string') f[k] = body[k] as string;
  }
  return entity(ctx.req, `domains('${d.id}')/federationConfiguration`, federationJson(f));
};

export const listApplications: Handler = (ctx) =>
  collection(ctx.req, arraySource(ctx.tenant.applications), {
    context: 'applications',
    defaultTop: 100,
    maxTop: 999,
    countNeedsEventual: true,
  });

export const getApplication: Handler = (ctx) => {
  const a = ctx.tenant.applications.find((x) => x.id === ctx.params.app);
  return a ? entity(ctx.req, 'applications', a) : notFound(ctx, ctx.params.app ?? '');
};

export const listServicePrincipals: Handler = (ctx) =>
  collection(ctx.req, arraySource(ctx.tenant.servicePrincipals), {
    context: 'servicePrincipals',
    defaultTop: 100,
    maxTop: 999,
    countNeedsEventual: true,
  });

export const getServicePrincipal: Handler = (ctx) => {
  const sp = ctx.tenant.servicePrincipals.find((x) => x.id === ctx.params.sp);
  return sp ? entity(ctx.req, 'servicePrincipals', sp) : notFound(ctx, ctx.params.sp ?? '');
};

export const listAppRoleAssignments: Handler = (ctx) => {
  const id = ctx.params.sp ?? '';
  if (!ctx.tenant.servicePrincipals.some((x) => x.id === id)) return notFound(ctx, id);
  return collection(ctx.req, arraySource(ctx.tenant.appRoleAssignments.get(id) ?? []), {
    context: `servicePrincipals('${id}')/appRoleAssignments`,
    defaultTop: 100,
    maxTop: 999,
  });
};

export const listOauth2Grants: Handler = (ctx) =>
  collection(ctx.req, arraySource(ctx.tenant.oauth2PermissionGrants), {
    context: 'oauth2PermissionGrants',
    defaultTop: 100,
    maxTop: 999,
  });
