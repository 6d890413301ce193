// The route table: method, path pattern, the permissions the route needs, the handler.
// ":name" matches one segment; ":cast" matches only an OData type-cast segment (microsoft.graph.x).
import * as apps from './handlers-apps.js';
import * as dir from './handlers-directory.js';
import * as methods from './handlers-methods.js';
import * as pol from './handlers-policies.js';
import * as reports from './handlers-reports.js';
import { PERMS, type RoutePermissions } from './permissions.js';
import type { Handler } from './route-types.js';

export interface Route {
  method: string;
  pattern: string;
  perms: RoutePermissions;
  handler: Handler;
  /** Graph answers app-only tokens with 400 and this message, before any permission check */
  delegatedOnly?: string;
  /** only these versions serve the route (default both) */
  versions?: readonly string[];
}

const ROUTE_LIST: Route[] = [
  { method: 'GET', pattern: '/organization', perms: PERMS.organization, handler: dir.getOrganization },
  {
    method: 'GET',
    pattern: '/me',
    perms: PERMS.me,
    handler: dir.getMe,
    delegatedOnly: '/me request is only valid with delegated authentication flow.',
  },
  { method: 'GET', pattern: '/users', perms: PERMS.users, handler: dir.listUsers },
  { method: 'GET', pattern: '/users/:user', perms: PERMS.users, handler: dir.getUser },
  {
    method: 'GET',
    pattern: '/users/:user/authentication/methods',
    perms: PERMS.authMethodsRead,
    handler: methods.listMethods,
  },
  {
    method: 'GET',
    pattern: '/users/:user/authentication/methods/:method',
    perms: PERMS.authMethodsRead,
    handler: methods.getMethod,
  },
  {
    method: 'GET',
    pattern: '/users/:user/authentication/signInPreferences',
    perms: PERMS.authMethodsRead,
    handler: methods.getSignInPreferences,
    versions: ['beta'],
  },
  {
    method: 'GET',
    pattern: '/users/:user/authentication/:collection',
    perms: PERMS.authMethodsRead,
    handler: methods.listMethods,
  },
  {
    method: 'GET',
    pattern: '/users/:user/authentication/:collection/:method',
    perms: PERMS.authMethodsRead,
    handler: methods.getMethod,
  },
  { method: 'GET', pattern: '/groups', perms: PERMS.groups, handler: dir.listGroups },
  { method: 'GET', pattern: '/groups/:group', perms: PERMS.groups, handler: dir.getGroup },
  { method: 'GET', pattern: '/groups/:group/members', perms: PERMS.groupMembers, handler: dir.listMembers },
  {
    method: 'GET',
    pattern: '/groups/:group/members/:cast',
    perms: PERMS.groupMembers,
    handler: dir.listMembers,
  },
  {
    method: 'GET',
    pattern: '/groups/:group/transitiveMembers',
    perms: PERMS.groupMembers,
    handler: dir.listTransitiveMembers,
  },
  {
    method: 'GET',
    pattern: '/groups/:group/transitiveMembers/:cast',
    perms: PERMS.groupMembers,
    handler: dir.listTransitiveMembers,
  },
  {
    method: 'GET',
    pattern: '/directoryObjects/:object',
    perms: PERMS.users,
    handler: dir.getDirectoryObject,
  },
  {
    method: 'GET',
    pattern: '/reports/authenticationMethods/userRegistrationDetails',
    perms: PERMS.registrationReport,
    handler: reports.listUserRegistrationDetails,
  },
  {
    method: 'GET',
    pattern: '/auditLogs/directoryAudits',
    perms: PERMS.directoryAudits,
    handler: reports.listDirectoryAudits,
  },
  {
    method: 'GET',
    pattern: '/policies/featureRolloutPolicies',
    perms: PERMS.rolloutList,
    handler: pol.listRolloutPolicies,
  },
  {
    method: 'POST',
    pattern: '/policies/featureRolloutPolicies',
    perms: PERMS.rolloutWrite,
    handler: pol.createRolloutPolicy,
  },
  {
    method: 'GET',
    pattern: '/policies/featureRolloutPolicies/:policy',
    perms: PERMS.rolloutGet,
    handler: pol.getRolloutPolicy,
  },
  {
    method: 'PATCH',
    pattern: '/policies/featureRolloutPolicies/:policy',
    perms: PERMS.rolloutWrite,
    handler: pol.updateRolloutPolicy,
  },
  {
    method: 'DELETE',
    pattern: '/policies/featureRolloutPolicies/:policy',
    perms: PERMS.rolloutWrite,
    handler: pol.deleteRolloutPolicy,
  },
  {
    method: 'GET',
    pattern: '/policies/featureRolloutPolicies/:policy/appliesTo',
    perms: PERMS.rolloutGet,
    handler: pol.listAppliesTo,
  },
  {
    method: 'POST',
    pattern: '/policies/featureRolloutPolicies/:policy/appliesTo/$ref',
    perms: PERMS.rolloutWrite,
    handler: pol.addAppliesTo,
  },
  {
    method: 'DELETE',
    pattern: '/policies/featureRolloutPolicies/:policy/appliesTo/:object/$ref',
    perms: PERMS.rolloutWrite,
    handler: pol.removeAppliesTo,
  },
  {
    method: 'GET',
    pattern: '/policies/authenticationMethodsPolicy',
    perms: PERMS.authMethodsPolicy,
    handler: pol.getAuthMethodsPolicy,
  },
  {
    method: 'GET',
    pattern: '/identity/conditionalAccess/policies',
    perms: PERMS.conditionalAccess,
    handler: pol.listConditionalAccess,
  },
  { method: 'GET', pattern: '/domains', perms: PERMS.domains, handler: apps.listDomains },
  { method: 'GET', pattern: '/domains/:domain', perms: PERMS.domains, handler: apps.getDomain },
  {
    method: 'GET',
    pattern: '/domains/:domain/federationConfiguration',
    perms: PERMS.federationRead,
    handler: apps.listFederation,
  },
  {
    method: 'GET',
    pattern: '/domains/:domain/federationConfiguration/:fed',
    perms: PERMS.federationRead,
    handler: apps.getFederation,
  },
  {
    method: 'PATCH',
    pattern: '/domains/:domain/federationConfiguration/:fed',
    perms: PERMS.federationWrite,
    handler: apps.updateFederation,
  },
  { method: 'GET', pattern: '/applications', perms: PERMS.applications, handler: apps.listApplications },
  { method: 'GET', pattern: '/applications/:app', perms: PERMS.applications, handler: apps.getApplication },
  {
    method: 'GET',
    pattern: '/servicePrincipals',
    perms: PERMS.applications,
    handler: apps.listServicePrincipals,
  },
  {
    method: 'GET',
    pattern: '/servicePrincipals/:sp',
    perms: PERMS.applications,
    handler: apps.getServicePrincipal,
  },
  {
    method: 'GET',
    pattern: '/servicePrincipals/:sp/appRoleAssignments',
    perms: PERMS.applications,
    handler: apps.listAppRoleAssignments,
  },
  { method: 'GET', pattern: '/oauth2PermissionGrants', perms: PERMS.grants, handler: apps.listOauth2Grants },
];

/** Collections that also answer GET .../$count (text/plain). */
const COUNTABLE: Record<string, Handler> = {
  '/users': dir.listUsers,
  '/groups': dir.listGroups,
  '/groups/:group/members': dir.listMembers,
  '/groups/:group/members/:cast': dir.listMembers,
  '/groups/:group/transitiveMembers': dir.listTransitiveMembers,
  '/groups/:group/transitiveMembers/:cast': dir.listTransitiveMembers,
};

export const ROUTES: Route[] = [
  ...ROUTE_LIST,
  ...ROUTE_LIST.filter((r) => r.method === 'GET' && COUNTABLE[r.pattern]).map((r) => ({
    ...r,
    pattern: `${r.pattern}/$count`,
    handler: dir.countOf(COUNTABLE[r.pattern]!),
  })),
];

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Match a path; `methodMismatch` when the path exists for another method (405). */
export function matchRoute(
  method: string,
  version: string,
  path: string,
): RouteMatch | 'methodMismatch' | undefined {
  const segs = path.split('/').filter(Boolean);
  let pathMatched = false;
  for (const route of ROUTES) {
    const pat = route.pattern.split('/').filter(Boolean);
    if (pat.length !== segs.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pat.length && ok; i++) {
      const p = pat[i]!;
      const s = segs[i]!;
      if (p === ':cast') {
        ok = s.startsWith('microsoft.graph.');
        params.cast = s;
      } else if (p.startsWith(':')) {
        ok = !s.startsWith('microsoft.graph.') && !s.startsWith('$');
        params[p.slice(1)] = s;
      } else {
        ok = p.toLowerCase() === s.toLowerCase();
      }
    }
    if (!ok || (route.versions && !route.versions.includes(version))) continue;
    if (route.method !== method) {
      pathMatched = true;
      continue;
    }
    return { route, params };
  }
  return pathMatched ? 'methodMismatch' : undefined;
}
