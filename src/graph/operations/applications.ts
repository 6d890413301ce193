// The Migration Utility's app registration and its consent. Consent is complete when every permission
// in requiredResourceAccess has an app role assignment (type Role) or an AllPrincipals delegated grant
// (type Scope) on the utility's service principal. The permission list is read, never hard-coded.
import type {
  Application,
  AppRoleAssignment,
  OAuth2PermissionGrant,
  ServicePrincipal,
} from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client.js';
import { eq, queryString, segment } from '../odata.js';
import { all } from './paging.js';

export const MIGRATION_UTILITY_APP_NAME = 'MFA Server Migration Utility';

export async function findApplicationsByName(
  graph: GraphClient,
  displayName: string,
): Promise<Application[]> {
  return all<Application>(
    graph,
    'applications.read',
    `/applications${queryString({
      filter: eq('displayName', displayName),
      select: ['id', 'appId', 'displayName', 'requiredResourceAccess', 'keyCredentials'],
    })}`,
  );
}

export async function findApplicationByAppId(
  graph: GraphClient,
  appId: string,
): Promise<Application | undefined> {
  const found = await all<Application>(
    graph,
    'applications.read',
    `/applications${queryString({ filter: eq('appId', appId), select: ['id', 'appId', 'displayName', 'requiredResourceAccess', 'keyCredentials'] })}`,
  );
  return found[0];
}

const SP_SELECT = ['id', 'appId', 'displayName', 'appRoles', 'oauth2PermissionScopes'];

export async function findServicePrincipalsByName(
  graph: GraphClient,
  displayName: string,
): Promise<ServicePrincipal[]> {
  return all<ServicePrincipal>(
    graph,
    'applications.read',
    `/servicePrincipals${queryString({ filter: eq('displayName', displayName), select: SP_SELECT })}`,
  );
}

export async function findServicePrincipalByAppId(
  graph: GraphClient,
  appId: string,
): Promise<ServicePrincipal | undefined> {
  const found = await all<ServicePrincipal>(
    graph,
    'applications.read',
    `/servicePrincipals${queryString({ filter: eq('appId', appId), select: SP_SELECT })}`,
  );
  return found[0];
}

export async function listAppRoleAssignments(
  graph: GraphClient,
  servicePrincipalId: string,
): Promise<AppRoleAssignment[]> {
  return all<AppRoleAssignment>(
    graph,
    'applications.read',
    `/servicePrincipals/${segment(servicePrincipalId)}/appRoleAssignments`,
  );
}

export async function listOauth2PermissionGrants(
  graph: GraphClient,
  clientServicePrincipalId: string,
): Promise<OAuth2PermissionGrant[]> {
  return all<OAuth2PermissionGrant>(
    graph,
    'applications.read',
    `/oauth2PermissionGrants${queryString({ filter: eq('clientId', clientServicePrincipalId) })}`,
  );
}

export interface ConsentGap {
  resourceAppId: string;
  resourceName?: string;
  permissionId: string;
  /** "Role" (application) or "Scope" (delegated) */
  type: string;
  /** the permission's value when the resource publishes it, e.g. "User.Read.All" */
  value?: string;
}

export interface ConsentReport {
  app: Application;
  servicePrincipal: ServicePrincipal | undefined;
  missing: ConsentGap[];
  /** key credentials expiring within 30 days or already expired */
  expiringCertificates: { displayName?: string | null; endDateTime?: string | null }[];
}

/** Pure comparison of what the app requires against what was granted. */
export function compareConsent(
  app: Application,
  sp: ServicePrincipal | undefined,
  resources: Map<string, ServicePrincipal>,
  assignments: readonly AppRoleAssignment[],
  grants: readonly OAuth2PermissionGrant[],
  now: Date = new Date(),
): ConsentReport {
  const missing: ConsentGap[] = [];
  for (const rra of app.requiredResourceAccess ?? []) {
    const resource = rra.resourceAppId ? resources.get(rra.resourceAppId) : undefined;
    for (const access of rra.resourceAccess ?? []) {
      const gap: ConsentGap = {
        resourceAppId: rra.resourceAppId ?? '',
        permissionId: access.id ?? '',
        type: access.type ?? '',
        ...(resource?.displayName ? { resourceName: resource.displayName } : {}),
      };
      if (access.type === 'Role') {
        const value = resource?.appRoles?.find((r) => r.id === access.id)?.value;
        if (value) gap.value = value;
        const ok = assignments.some(
          (a) => a.appRoleId === access.id && (!resource || a.resourceId === resource.id),
        );
        if (!ok || !sp) missing.push(gap);
      } else {
        const value = resource?.oauth2PermissionScopes?.find((s) => s.id === access.id)?.value ?? undefined;
        if (value) gap.value = value;
        const ok = grants.some(
          (g) =>
            g.consentType === 'AllPrincipals' &&
            (!resource || g.resourceId === resource.id) &&
            value !== undefined &&
            (g.scope ?? '').split(' ').includes(value),
        );
        if (!ok || !sp) missing.push(gap);
      }
    }
  }
  const soon = now.getTime() + 30 * 24 * 3600 * 1000;
  const expiringCertificates = (app.keyCredentials ?? [])
    .filter((k) => k.endDateTime && Date.parse(k.endDateTime) < soon)
    .map((k) => ({ displayName: k.displayName, endDateTime: k.endDateTime }));
  return { app, servicePrincipal: sp, missing, expiringCertificates };
}

/** Reads everything needed and compares. */
export async function checkAppConsent(graph: GraphClient, app: Application): Promise<ConsentReport> {
  const sp = app.appId ? await findServicePrincipalByAppId(graph, app.appId) : undefined;
  const resources = new Map<string, ServicePrincipal>();
  for (const rra of app.requiredResourceAccess ?? []) {
    if (!rra.resourceAppId || resources.has(rra.resourceAppId)) continue;
    const r = await findServicePrincipalByAppId(graph, rra.resourceAppId);
    if (r) resources.set(rra.resourceAppId, r);
  }
  const assignments = sp?.id ? await listAppRoleAssignments(graph, sp.id) : [];
  const grants = sp?.id ? await listOauth2PermissionGrants(graph, sp.id) : [];
  return compareConsent(app, sp, resources, assignments, grants);
}
