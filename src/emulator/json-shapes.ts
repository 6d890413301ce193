// Tenant objects -> Graph JSON.
import type {
  FeatureRolloutPolicy,
  GeneratedTenant,
  GraphObject,
  MemberRef,
  TenantGroup,
  TenantUser,
} from './tenant-types.js';
import { type DecodedToken, GLOBAL_ADMIN_ROLE, PRIVILEGED_AUTH_ADMIN_ROLE } from './tokens.js';

export function userJson(u: TenantUser): GraphObject {
  return {
    id: u.id,
    displayName: u.displayName,
    givenName: u.givenName,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    mail: u.mail,
    accountEnabled: u.accountEnabled,
    onPremisesSyncEnabled: u.onPremisesSyncEnabled,
    onPremisesSamAccountName: u.onPremisesSamAccountName,
    onPremisesImmutableId: u.onPremisesImmutableId,
    department: u.department,
    jobTitle: u.jobTitle,
    usageLocation: u.usageLocation,
    userType: u.userType,
    createdDateTime: u.createdDateTime,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
  };
}

export function groupJson(g: TenantGroup): GraphObject {
  const { members: _members, ...rest } = g;
  return {
    ...rest,
    mail: g.mailEnabled ? `${g.mailNickname.toLowerCase()}@contoso.com` : null,
    visibility: null,
    deletedDateTime: null,
  };
}

export function memberJson(tenant: GeneratedTenant, ref: MemberRef): GraphObject | undefined {
  if (typeof ref === 'number') {
    const u = tenant.userAt(ref);
    return u ? { '@odata.type': '#microsoft.graph.user', ...userJson(u) } : undefined;
  }
  const g = tenant.groups.get(ref);
  if (g) return { '@odata.type': '#microsoft.graph.group', ...groupJson(g) };
  const c = tenant.contacts.get(ref);
  if (c)
    return {
      '@odata.type': '#microsoft.graph.orgContact',
      ...c,
      givenName: null,
      surname: null,
      proxyAddresses: [`SMTP:${c.mail}`],
    };
  return undefined;
}

/** Phone numbers are masked unless the signed-in admin holds Privileged Authentication Administrator (or Global Administrator). */
export function canSeePhoneNumbers(token: DecodedToken): boolean {
  if (token.scp.length === 0) return true; // app-only tokens with the permission see full numbers
  return token.wids.includes(PRIVILEGED_AUTH_ADMIN_ROLE) || token.wids.includes(GLOBAL_ADMIN_ROLE);
}

export function maskPhone(phone: string): string {
  const m = /^(\+\d+ )(.*?)(x\d+)?$/.exec(phone);
  if (!m) return phone;
  const digits = m[2] ?? '';
  return `${m[1]}${'X'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}${m[3] ? 'xXXXX' : ''}`;
}

/** Members of the stagedFeatureName enum that come after unknownFutureValue (evolvable). */
const EVOLVABLE_FEATURES = new Set(['certificateBasedAuthentication', 'multiFactorAuthentication']);
export const STAGED_FEATURES = [
  'passthroughAuthentication',
  'seamlessSso',
  'passwordHashSync',
  'emailAsAlternateId',
  'unknownFutureValue',
  'certificateBasedAuthentication',
  'multiFactorAuthentication',
];

export function wantsUnknownEnumMembers(headers: Record<string, string>): boolean {
  return (headers.prefer ?? '')
    .split(',')
    .some((p) => p.trim().toLowerCase() === 'include-unknown-enum-members');
}

export function rolloutJson(
  tenant: GeneratedTenant,
  p: FeatureRolloutPolicy,
  opts: { showEvolvable: boolean; expandAppliesTo: boolean },
): GraphObject {
  const o: GraphObject = {
    id: p.id,
    displayName: p.displayName,
    description: p.description,
    feature: !opts.showEvolvable && EVOLVABLE_FEATURES.has(p.feature) ? 'unknownFutureValue' : p.feature,
    isEnabled: p.isEnabled,
    isAppliedToOrganization: p.isAppliedToOrganization,
  };
  if (opts.expandAppliesTo) o.appliesTo = p.appliesTo.map((id) => memberJson(tenant, id)).filter(Boolean);
  return o;
}
