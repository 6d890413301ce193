// Staged rollout (featureRolloutPolicies), the authentication methods policy, Conditional Access.
import { randomUUID } from 'node:crypto';
import { graphError } from './graph-error.js';
import { notFound } from './handlers-directory.js';
import { rolloutJson, STAGED_FEATURES, wantsUnknownEnumMembers } from './json-shapes.js';
import { arraySource, collection, entity, ODATA_JSON, parseSelect, project } from './odata-query.js';
import type { EmulatorResponse, Handler, HandlerContext } from './route-types.js';
import type { FeatureRolloutPolicy, GraphObject } from './tenant-types.js';

const MAX_GROUPS_PER_FEATURE = 10;
const MAX_USERS_PER_GROUP = 50_000;

const bad = (ctx: HandlerContext, message: string): EmulatorResponse =>
  graphError(400, 'Request_BadRequest', message, ctx.req);

function expandsAppliesTo(ctx: HandlerContext): boolean {
  return (ctx.req.query.get('$expand') ?? '').split(',').some((e) => e.trim() === 'appliesTo');
}

function present(ctx: HandlerContext, p: FeatureRolloutPolicy): GraphObject {
  return rolloutJson(ctx.tenant, p, {
    showEvolvable: wantsUnknownEnumMembers(ctx.req.headers),
    expandAppliesTo: expandsAppliesTo(ctx),
  });
}

function findPolicy(ctx: HandlerContext): FeatureRolloutPolicy | undefined {
  return ctx.tenant.rolloutPolicies.find((p) => p.id === ctx.params.policy);
}

function withPreference(ctx: HandlerContext, res: EmulatorResponse): EmulatorResponse {
  if (wantsUnknownEnumMembers(ctx.req.headers))
    res.headers['preference-applied'] = 'include-unknown-enum-members';
  return res;
}

export const listRolloutPolicies: Handler = (ctx) =>
  // presented before filtering: without the Prefer header `feature eq 'multiFactorAuthentication'` finds nothing, as in Graph
  withPreference(
    ctx,
    collection(ctx.req, arraySource(ctx.tenant.rolloutPolicies.map((p) => present(ctx, p))), {
      context: 'policies/featureRolloutPolicies',
      defaultTop: 100,
      maxTop: 999,
    }),
  );

export const getRolloutPolicy: Handler = (ctx) => {
  const p = findPolicy(ctx);
  return p
    ? entity(ctx.req, 'policies/featureRolloutPolicies', present(ctx, p))
    : notFound(ctx, ctx.params.policy ?? '');
};

function bodyObject(ctx: HandlerContext): Record<string, unknown> | undefined {
  const b = ctx.req.body;
  return b !== null && typeof b === 'object' && !Array.isArray(b)
    ? (b as Record<string, unknown>)
    : undefined;
}

export const createRolloutPolicy: Handler = (ctx) => {
  const b = bodyObject(ctx);
  if (!b) return bad(ctx, 'The request body is missing or is not a JSON object.');
  const { displayName, feature, isEnabled } = b;
  if (typeof displayName !== 'string' || !displayName)
    return bad(ctx, "Required property 'displayName' is missing.");
  if (typeof feature !== 'string' || !STAGED_FEATURES.includes(feature) || feature === 'unknownFutureValue') {
    return bad(ctx, `Invalid value '${String(feature)}' for property 'feature'.`);
  }
  if (typeof isEnabled !== 'boolean') return bad(ctx, "Required property 'isEnabled' is missing.");
  if (ctx.tenant.rolloutPolicies.some((p) => p.feature === feature)) {
    return bad(
      ctx,
      `A feature rollout policy for feature '${feature}' already exists. Each feature can have only one policy.`,
    );
  }
  if (b.isAppliedToOrganization === true)
    return bad(ctx, 'isAppliedToOrganization is not supported; add groups to appliesTo instead.');
  const policy: FeatureRolloutPolicy = {
    id: randomUUID(),
    displayName,
    description: typeof b.description === 'string' ? b.description : null,
    feature,
    isEnabled,
    isAppliedToOrganization: false,
    appliesTo: [],
  };
  ctx.tenant.rolloutPolicies.push(policy);
  const res = entity(ctx.req, 'policies/featureRolloutPolicies', present(ctx, policy), 201);
  res.headers.location = `${ctx.req.base}/policies/featureRolloutPolicies/${policy.id}`;
  return res;
};

export const updateRolloutPolicy: Handler = (ctx) => {
  const p = findPolicy(ctx);
  if (!p) return notFound(ctx, ctx.params.policy ?? '');
  const b = bodyObject(ctx);
  if (!b) return bad(ctx, 'The request body is missing or is not a JSON object.');
  if ('feature' in b && b.feature !== p.feature) return bad(ctx, "Property 'feature' cannot be changed.");
  if ('displayName' in b && typeof b.displayName === 'string') p.displayName = b.displayName;
  if ('description' in b) p.description = typeof b.description === 'string' ? b.description : null;
  if ('isEnabled' in b && typeof b.isEnabled === 'boolean') p.isEnabled = b.isEnabled;
  return { status: 204, headers: {} };
};

export const deleteRolloutPolicy: Handler = (ctx) => {
  const i = ctx.tenant.rolloutPolicies.findIndex((p) => p.id === ctx.params.policy);
  if (i < 0) return notFound(ctx, ctx.params.policy ?? '');
  ctx.tenant.rolloutPolicies.splice(i, 1);
  return { status: 204, headers: {} };
};

export const listAppliesTo: Handler = (ctx) => {
  const p = findPolicy(ctx);
  if (!p) return notFound(ctx, ctx.params.policy ?? '');
  const items = rolloutJson(ctx.tenant, p, { showEvolvable: true, expandAppliesTo: true })
    .appliesTo as GraphObject[];
  return collection(ctx.req, arraySource(items), {
    context: 'directoryObjects',
    defaultTop: 100,
    maxTop: 999,
  });
};

/** POST .../appliesTo/$ref with {"@odata.id": "<graph>/v1.0/directoryObjects/{id}"}: the documented limits. */
export const addAppliesTo: Handler = (ctx) => {
  const p = findPolicy(ctx);
  if (!p) return notFound(ctx, ctx.params.policy ?? '');
  const ref = bodyObject(ctx)?.['@odata.id'];
  const m = typeof ref === 'string' ? /\/(?:directoryObjects|groups)\/([^/?#]+)$/.exec(ref) : null;
  if (!m?.[1])
    return bad(ctx, "The request body must contain '@odata.id' with the URL of a directory object.");
  // the reference must name this service's own host (a national cloud never accepts another cloud's URL)
  if (new URL(String(ref), ctx.req.base).host !== new URL(ctx.req.base).host) {
    return bad(ctx, `Invalid URL format specified in @odata.id: '${String(ref)}' is not on this Graph host.`);
  }
  const id = decodeURIComponent(m[1]);
  const group = ctx.tenant.groups.get(id);
  if (!group) {
    if (ctx.tenant.findUser(id) || ctx.tenant.contacts.has(id))
      return bad(ctx, 'Only groups can be added to a feature rollout policy.');
    return notFound(ctx, id);
  }
  if (p.appliesTo.includes(id)) {
    return bad(
      ctx,
      "One or more added object references already exist for the following modified properties: 'appliesTo'.",
    );
  }
  const sameFeatureGroups = new Set(
    ctx.tenant.rolloutPolicies.filter((x) => x.feature === p.feature).flatMap((x) => x.appliesTo),
  );
  if (sameFeatureGroups.size >= MAX_GROUPS_PER_FEATURE) {
    return bad(
      ctx,
      `A feature rollout policy supports at most ${MAX_GROUPS_PER_FEATURE} groups per feature.`,
    );
  }
  if (group.groupTypes.includes('DynamicMembership'))
    return bad(ctx, 'Dynamic groups are not supported for staged rollout.');
  if (group.members.groups.length > 0) return bad(ctx, 'Nested groups are not supported for staged rollout.');
  if (group.members.contacts.length > 0)
    return bad(ctx, 'Groups that contain contacts are not supported for staged rollout.');
  const users = group.members.userRanges.reduce((n, [a, b]) => n + (b - a), 0);
  if (users > MAX_USERS_PER_GROUP)
    return bad(
      ctx,
      `Groups with more than ${MAX_USERS_PER_GROUP} users are not supported for staged rollout.`,
    );
  p.appliesTo.push(id);
  return entity(ctx.req, 'directoryObjects', { '@odata.type': '#microsoft.graph.group', id }, 201);
};

export const removeAppliesTo: Handler = (ctx) => {
  const p = findPolicy(ctx);
  if (!p) return notFound(ctx, ctx.params.policy ?? '');
  const i = p.appliesTo.indexOf(ctx.params.object ?? '');
  if (i < 0) return notFound(ctx, ctx.params.object ?? '');
  p.appliesTo.splice(i, 1);
  return { status: 204, headers: {} };
};

export const getAuthMethodsPolicy: Handler = (ctx) => ({
  status: 200,
  headers: { 'content-type': ODATA_JSON },
  body: {
    '@odata.context': `${ctx.req.base}/$metadata#policies/authenticationMethodsPolicy`,
    ...project(ctx.tenant.authenticationMethodsPolicy, parseSelect(ctx.req)),
  },
});

export const listConditionalAccess: Handler = (ctx) =>
  collection(ctx.req, arraySource(ctx.tenant.conditionalAccessPolicies), {
    context: 'identity/conditionalAccess/policies',
    defaultTop: 100,
    maxTop: 999,
  });
