// Route -> permissions, from each API's "Permissions" table in the Microsoft Graph reference: the
// least-privileged permission first, then the higher-privileged ones that also grant access. `null`
// means Graph offers no permission of that kind (e.g. staged rollout has no application permission).

export interface RoutePermissions {
  delegated: readonly string[] | null;
  application: readonly string[] | null;
}

const both = (...p: string[]): RoutePermissions => ({ delegated: p, application: p });

export const PERMS = {
  organization: {
    delegated: [
      'User.Read',
      'Organization.Read.All',
      'Directory.Read.All',
      'Organization.ReadWrite.All',
      'Directory.ReadWrite.All',
    ],
    application: [
      'Organization.Read.All',
      'Directory.Read.All',
      'Organization.ReadWrite.All',
      'Directory.ReadWrite.All',
    ],
  },
  me: {
    delegated: [
      'User.Read',
      'User.ReadWrite',
      'User.ReadBasic.All',
      'User.Read.All',
      'User.ReadWrite.All',
      'Directory.Read.All',
      'Directory.ReadWrite.All',
    ],
    application: null,
  },
  users: both(
    'User.ReadBasic.All',
    'User.Read.All',
    'User.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ),
  groups: both(
    'GroupMember.Read.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ),
  groupMembers: both(
    'GroupMember.Read.All',
    'Group.Read.All',
    'GroupMember.ReadWrite.All',
    'Group.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ),
  authMethodsRead: both('UserAuthenticationMethod.Read.All', 'UserAuthenticationMethod.ReadWrite.All'),
  registrationReport: both('AuditLog.Read.All'),
  directoryAudits: both('AuditLog.Read.All'),
  // list: Policy.Read.HybridAuthentication is least privileged; get by id documents only the ReadWrite ones
  rolloutList: {
    delegated: [
      'Policy.Read.HybridAuthentication',
      'Policy.ReadWrite.HybridAuthentication',
      'Directory.ReadWrite.All',
    ],
    application: null,
  },
  rolloutGet: {
    delegated: ['Policy.ReadWrite.HybridAuthentication', 'Directory.ReadWrite.All'],
    application: null,
  },
  rolloutWrite: {
    delegated: ['Policy.ReadWrite.HybridAuthentication', 'Directory.ReadWrite.All'],
    application: null,
  },
  authMethodsPolicy: both('Policy.Read.All', 'Policy.ReadWrite.AuthenticationMethod'),
  domains: both('Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
  federationRead: both(
    'Domain-InternalFederation.Read.All',
    'Domain-InternalFederation.ReadWrite.All',
    'Domain.Read.All',
    'Domain.ReadWrite.All',
  ),
  federationWrite: both('Domain-InternalFederation.ReadWrite.All', 'Domain.ReadWrite.All'),
  conditionalAccess: both(
    'Policy.Read.All',
    'Policy.Read.ConditionalAccess',
    'Policy.ReadWrite.ConditionalAccess',
  ),
  applications: both(
    'Application.Read.All',
    'Application.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ),
  grants: both(
    'DelegatedPermissionGrant.Read.All',
    'DelegatedPermissionGrant.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ),
} satisfies Record<string, RoutePermissions>;

/** Does a token's scp (delegated) or roles (app-only) satisfy the route? */
export function isAllowed(
  perms: RoutePermissions,
  scp: readonly string[],
  roles: readonly string[],
): boolean {
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  if (scp.length > 0) {
    const have = lower(scp);
    return (perms.delegated ?? []).some((p) => have.has(p.toLowerCase()));
  }
  const have = lower(roles);
  return (perms.application ?? []).some((p) => have.has(p.toLowerCase()));
}
