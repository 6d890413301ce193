// Shapes of the demo tenant. Users are virtual (made from their index on demand); everything else is
// a small explicit object. Graph JSON shapes are built from these by the route handlers.

/** What MFA Server holds for a user: the input of the Migration Utility. */
export interface MfaServerProfile {
  phone?: string;
  phoneExtension?: string;
  backupPhone?: string;
  backupPhoneExtension?: string;
  defaultMethod: 'phoneCall' | 'textMessage' | 'mobileApp' | 'oathToken';
  mobileAppDevices: { name: string; activatedDateTime: string }[];
  oathTokens: { serialNumber: string; manufacturer: string }[];
}

/** One Entra authentication method, already in Graph's JSON shape (with @odata.type). */
export type AuthMethod = Record<string, unknown> & { '@odata.type': string; id: string };

export interface TenantUser {
  index: number;
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  accountEnabled: boolean;
  onPremisesSyncEnabled: boolean | null;
  onPremisesSamAccountName: string | null;
  onPremisesImmutableId: string | null;
  department: string;
  jobTitle: string;
  usageLocation: string;
  createdDateTime: string;
  userType: 'Member';
  /** undefined: the user never enrolled in MFA Server */
  mfaServer?: MfaServerProfile;
  methods: AuthMethod[];
  /** beta signInPreferences.userPreferredMethodForSecondaryAuthentication */
  preferredMethod: string | null;
  migrated: boolean;
}

/** A member reference: a number is a user index, a string is the id of a group or contact. */
export type MemberRef = number | string;

export interface MemberSet {
  /** half-open ranges [start, end) of user indices */
  userRanges: [number, number][];
  groups: string[];
  contacts: string[];
}

export interface TenantGroup {
  id: string;
  displayName: string;
  description: string | null;
  groupTypes: string[];
  membershipRule: string | null;
  membershipRuleProcessingState: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
  mailNickname: string;
  onPremisesSyncEnabled: boolean | null;
  createdDateTime: string;
  members: MemberSet;
}

export interface TenantContact {
  id: string;
  displayName: string;
  mail: string;
  companyName: string;
}

export interface FeatureRolloutPolicy {
  id: string;
  displayName: string;
  description: string | null;
  feature: string;
  isEnabled: boolean;
  isAppliedToOrganization: boolean;
  appliesTo: string[];
}

export interface FederationConfig {
  id: string;
  displayName: string;
  issuerUri: string;
  metadataExchangeUri: string;
  passiveSignInUri: string;
  activeSignInUri: string;
  signOutUri: string;
  preferredAuthenticationProtocol: 'wsFed' | 'saml';
  promptLoginBehavior: string;
  federatedIdpMfaBehavior:
    | 'acceptIfMfaDoneByFederatedIdp'
    | 'enforceMfaByFederatedIdp'
    | 'rejectMfaByFederatedIdp'
    | null;
  isSignedAuthenticationRequestRequired: boolean;
  signingCertificate: string;
  nextSigningCertificate: string | null;
}

export interface TenantDomain {
  id: string;
  authenticationType: 'Managed' | 'Federated';
  isDefault: boolean;
  isInitial: boolean;
  isRoot: boolean;
  isVerified: boolean;
  isAdminManaged: boolean;
  supportedServices: string[];
  federation?: FederationConfig;
}

export type GraphObject = Record<string, unknown>;

export interface GeneratedTenant {
  tenantId: string;
  seed: number;
  userCount: number;
  /** Entra ID P1/P2: the registration report needs it */
  premium: boolean;
  organization: GraphObject;
  /** the signed-in admin of demo tokens (user index 0) */
  adminUserId: string;
  /** user by index; undefined when out of range */
  userAt(index: number): TenantUser | undefined;
  /** user by object id or userPrincipalName (case-insensitive) */
  findUser(idOrUpn: string): TenantUser | undefined;
  groups: Map<string, TenantGroup>;
  contacts: Map<string, TenantContact>;
  domains: TenantDomain[];
  rolloutPolicies: FeatureRolloutPolicy[];
  authenticationMethodsPolicy: GraphObject;
  conditionalAccessPolicies: GraphObject[];
  applications: GraphObject[];
  servicePrincipals: GraphObject[];
  /** keyed by service principal id */
  appRoleAssignments: Map<string, GraphObject[]>;
  oauth2PermissionGrants: GraphObject[];
  directoryAudits: GraphObject[];
  /** well-known ids tests and the demo flow use */
  wellKnown: {
    allStaffGroupId: string;
    migrationGroupId: string;
    rolloutGroupId: string;
    pilotGroupId: string;
    dynamicGroupId: string;
    contactGroupId: string;
    nestedSubgroupIds: string[];
    utilityAppId?: string;
    utilityServicePrincipalId?: string;
    graphServicePrincipalId: string;
  };
  /** direct members, in a stable order (cached) */
  directMembers(groupId: string): MemberRef[];
  /** transitive members, deduplicated, in a stable order (cached) */
  transitiveMembers(groupId: string): MemberRef[];
  /** Simulate "the admin ran the Migration Utility" for these users (ids or indices). Returns how many changed. */
  migrateUsers(ids: readonly (string | number)[], at?: Date): number;
  /** Reset a user's Entra state to the generated one. */
  resetUser(idOrIndex: string | number): void;
}

export interface GenerateTenantOptions {
  users: number;
  seed: number;
  /** build the migration group with nested subgroups (default true) */
  nestedGroups?: boolean;
  /** consent state of the MFA Server Migration Utility (default 'granted'); 'absent' = no app at all */
  utilityConsent?: 'granted' | 'partial' | 'none' | 'absent';
  /** days until the first utility certificate expires (default 20: near expiry) */
  certificateExpiresInDays?: number;
  /**
   * per method configuration id ("Voice", "HardwareOath", ...): properties that replace the generated
   * ones (state, includeTargets, isOfficePhoneAllowed, ...) — for tests of the methods-policy check
   */
  methodConfigurations?: Record<string, GraphObject>;
  /** the methods policy's policyMigrationState (default 'migrationInProgress') */
  policyMigrationState?: 'preMigration' | 'migrationInProgress' | 'migrationComplete';
  /** whether the tenant has Entra ID P1/P2 (default true); without it the registration report is refused */
  premium?: boolean;
  /** reference time for generated timestamps (default now) */
  now?: Date;
}
