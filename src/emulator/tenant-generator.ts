// The demo tenant: deterministic from (users, seed). Users are computed from their index on demand;
// only users whose Entra state changed (migrated, reset) are kept in memory.
import { hash32, indexedGuid, indexFromGuid, pick, unit } from './prng.js';
import type {
  AuthMethod,
  FeatureRolloutPolicy,
  GeneratedTenant,
  GenerateTenantOptions,
  GraphObject,
  MemberRef,
  MemberSet,
  MfaServerProfile,
  TenantContact,
  TenantDomain,
  TenantGroup,
  TenantUser,
} from './tenant-types.js';

const GIVEN = [
  'Adele',
  'Alex',
  'Allan',
  'Ben',
  'Christie',
  'Debra',
  'Diego',
  'Emily',
  'Enrico',
  'Grady',
  'Henrietta',
  'Irvin',
  'Isaiah',
  'Johanna',
  'Joni',
  'Lee',
  'Lidia',
  'Lynne',
  'Megan',
  'Miriam',
  'Nestor',
  'Patti',
  'Pradeep',
  'Raul',
  'Sakura',
  'Zoë',
  'Ciarán',
  'Mei',
  'Nils',
  'Ingrid',
];
const FAMILY = [
  'Vance',
  'Wilber',
  'Deyoung',
  'Walker',
  'Cline',
  'Berg',
  'Siciliani',
  'Braun',
  'Cattaneo',
  'Archie',
  'Cermak',
  'Sink',
  'Kanne',
  'Lauer',
  'Sherman',
  'Gu',
  'Holloway',
  'Fernandez',
  'Bowen',
  'Graham',
  'Wilke',
  'Fernandez',
  'Gupta',
  'Romero',
  'Tanaka',
  "O'Brien",
  'Müller',
  'Chen',
  'Larsen',
  'Ødegård',
];
const DEPARTMENTS = ['Finance', 'Sales', 'Engineering', 'Operations', 'Legal', 'HR', 'Support', 'Marketing'];
const TITLES = ['Analyst', 'Manager', 'Engineer', 'Specialist', 'Director', 'Coordinator', 'Consultant'];
const DEVICES = ['iPhone 15', 'iPhone 13', 'Pixel 8', 'Galaxy S23', 'iPad Air', 'Galaxy A54', 'Pixel 7a'];

const BASE_TIME = Date.UTC(2019, 0, 1);
const DAY = 86_400_000;

// computed once: building 500,000 users must not normalise strings or format dates per user
const asciiName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
const ASCII_GIVEN = GIVEN.map(asciiName);
const ASCII_FAMILY = FAMILY.map(asciiName);
const CREATED_DAYS = 1500;
const CREATED_ISO = Array.from({ length: CREATED_DAYS }, (_, d) =>
  new Date(BASE_TIME + d * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
);

/** Well-known ids of phone methods in Graph (fixed by phoneType). */
const PHONE_METHOD_IDS = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
} as const;
const PASSWORD_METHOD_ID = '28c10230-6103-485e-b985-444c60001490';

const MS_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Microsoft Graph application permissions (app role ids) the utility's registration asks for. */
const UTILITY_APP_ROLES = [
  { id: 'df021288-bdef-4463-88db-98f22de89214', value: 'User.Read.All' },
  { id: '50483e42-d915-4231-9639-7fdb7fd190e5', value: 'UserAuthenticationMethod.ReadWrite.All' },
  { id: '62a82d76-70ea-41e2-9197-370581804d09', value: 'Group.ReadWrite.All' },
];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function phoneNumber(seed: number, index: number, salt: number): string {
  const area = pick(['425', '206', '312', '646', '415', '512'], seed, index, salt);
  const rest = (hash32(seed, index, salt + 1) % 10_000).toString().padStart(4, '0');
  return `+1 ${area}555${rest}`;
}

function mfaServerProfile(seed: number, index: number, now: number): MfaServerProfile | undefined {
  if (unit(seed, index, 20) < 0.1) return undefined; // never enrolled
  const r = unit(seed, index, 21);
  const defaultMethod: MfaServerProfile['defaultMethod'] =
    r < 0.35 ? 'phoneCall' : r < 0.55 ? 'textMessage' : r < 0.95 ? 'mobileApp' : 'oathToken';
  const profile: MfaServerProfile = { defaultMethod, mobileAppDevices: [], oathTokens: [] };
  if (defaultMethod !== 'mobileApp' || unit(seed, index, 22) < 0.7) {
    profile.phone = phoneNumber(seed, index, 23);
    if (unit(seed, index, 25) < 0.2) profile.phoneExtension = String(1000 + (hash32(seed, index, 26) % 9000));
  }
  if (unit(seed, index, 27) < 0.3) {
    profile.backupPhone = phoneNumber(seed, index, 28);
    if (unit(seed, index, 30) < 0.25)
      profile.backupPhoneExtension = String(100 + (hash32(seed, index, 31) % 900));
  }
  if (defaultMethod === 'mobileApp' || unit(seed, index, 32) < 0.2) {
    // mostly one device; a few users have many (the five-device limit) or two with the same name
    const u = unit(seed, index, 33);
    const count = u < 0.75 ? 1 : u < 0.95 ? 2 : u < 0.99 ? 3 : 7;
    for (let d = 0; d < count; d++) {
      const name =
        d === 1 && unit(seed, index, 34) < 0.3
          ? profile.mobileAppDevices[0]!.name
          : pick(DEVICES, seed, index, 35 + d);
      profile.mobileAppDevices.push({
        name,
        activatedDateTime: iso(now - (d + 1) * 37 * DAY - (hash32(seed, index, 50 + d) % DAY)),
      });
    }
  }
  if (defaultMethod === 'oathToken' || unit(seed, index, 60) < 0.03) {
    profile.oathTokens.push({
      serialNumber: `OT${(hash32(seed, index, 61) % 1e8).toString().padStart(8, '0')}`,
      manufacturer: 'Token2',
    });
  }
  return profile;
}

function phoneMethod(phoneType: keyof typeof PHONE_METHOD_IDS, phone: string): AuthMethod {
  return {
    '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
    id: PHONE_METHOD_IDS[phoneType],
    phoneNumber: phone,
    phoneType,
    smsSignInState: 'notAllowedByPolicy',
  };
}

function authenticatorMethod(id: string, name: string, created: string): AuthMethod {
  return {
    '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
    id,
    displayName: name,
    deviceTag: 'SoftwareTokenActivated',
    phoneAppVersion: '6.2409.6094',
    createdDateTime: created,
  };
}

/** Section 4 of the design: what the Migration Utility writes to Entra for one MFA Server profile. */
function migratedMethods(
  seed: number,
  index: number,
  p: MfaServerProfile,
): { methods: AuthMethod[]; preferred: string | null } {
  const methods: AuthMethod[] = [];
  if (p.phone) {
    if (!p.phoneExtension || p.defaultMethod === 'textMessage') methods.push(phoneMethod('mobile', p.phone));
    else methods.push(phoneMethod('office', `${p.phone}x${p.phoneExtension}`));
  }
  if (p.backupPhone && !(p.phoneExtension && p.backupPhoneExtension)) {
    if (!p.backupPhoneExtension) methods.push(phoneMethod('alternateMobile', p.backupPhone));
    else if (!methods.some((m) => m.phoneType === 'office'))
      methods.push(phoneMethod('office', `${p.backupPhone}x${p.backupPhoneExtension}`));
  }
  const limit = p.oathTokens.length > 0 ? 4 : 5;
  const newestFirst = [...p.mobileAppDevices].sort((a, b) =>
    b.activatedDateTime.localeCompare(a.activatedDateTime),
  );
  const seen = new Set<string>();
  for (const [k, d] of newestFirst.entries()) {
    if (seen.has(d.name) || seen.size >= limit) continue;
    seen.add(d.name);
    methods.push(authenticatorMethod(indexedGuid(seed, 100 + k, index), d.name, d.activatedDateTime));
  }
  for (const [k, t] of p.oathTokens.entries()) {
    methods.push({
      '@odata.type': '#microsoft.graph.hardwareOathAuthenticationMethod',
      id: indexedGuid(seed, 200 + k, index),
      serialNumber: t.serialNumber,
      manufacturer: t.manufacturer,
      model: 'C202',
      secretKey: null,
      status: 'activated',
      displayName: `Token ${t.serialNumber}`,
    });
  }
  const preferred = {
    phoneCall:
      methods.some((m) => m.phoneType === 'office') && !methods.some((m) => m.phoneType === 'mobile')
        ? 'voiceOffice'
        : 'voiceMobile',
    textMessage: 'sms',
    mobileApp: 'push',
    oathToken: 'oath',
  }[p.defaultMethod];
  return { methods, preferred };
}

interface UserOverride {
  methods: AuthMethod[];
  preferredMethod: string | null;
  migrated: boolean;
}

export function generateTenant(opts: GenerateTenantOptions): GeneratedTenant {
  const n = Math.max(10, Math.min(500_000, Math.floor(opts.users)));
  const seed = opts.seed >>> 0;
  const now = (opts.now ?? new Date()).getTime();
  const nested = opts.nestedGroups ?? true;
  const consent = opts.utilityConsent ?? 'granted';
  const tenantId = indexedGuid(seed, 1, 0);
  const tenantName = 'contosodemo';
  const initialDomain = `${tenantName}.onmicrosoft.com`;
  const overrides = new Map<number, UserOverride>();

  const baseUser = (index: number) => {
    const g = hash32(seed, index, 1) % GIVEN.length;
    const f = hash32(seed, index, 2) % FAMILY.length;
    const given = index === 0 ? 'Demo' : GIVEN[g]!;
    const family = index === 0 ? 'Admin' : FAMILY[f]!;
    const cloudOnly = index === 0 || unit(seed, index, 3) < 0.15;
    const upnDomain = cloudOnly ? initialDomain : index % 7 === 0 ? 'fabrikam.com' : 'contoso.com';
    const local = index === 0 ? 'admin' : `${ASCII_GIVEN[g]}.${ASCII_FAMILY[f]}${index}`;
    const id = indexedGuid(seed, 2, index);
    return { given, family, cloudOnly, upn: `${local}@${upnDomain}`, id };
  };

  const initialMethods = (index: number, cloudOnly: boolean): AuthMethod[] => {
    const created = CREATED_ISO[hash32(seed, index, 5) % CREATED_DAYS]!;
    const methods: AuthMethod[] = [
      {
        '@odata.type': '#microsoft.graph.passwordAuthenticationMethod',
        id: PASSWORD_METHOD_ID,
        password: null,
        createdDateTime: created,
      },
    ];
    // some users already registered in Entra through combined registration
    if (unit(seed, index, 6) < 0.1)
      methods.push(authenticatorMethod(indexedGuid(seed, 90, index), pick(DEVICES, seed, index, 7), created));
    if (cloudOnly && unit(seed, index, 8) < 0.5)
      methods.push(phoneMethod('mobile', phoneNumber(seed, index, 9)));
    if (unit(seed, index, 10) < 0.05) {
      methods.push({
        '@odata.type': '#microsoft.graph.emailAuthenticationMethod',
        id: indexedGuid(seed, 91, index),
        emailAddress: `u${index}@outlook.example`,
      });
    }
    if (unit(seed, index, 11) < 0.02) {
      methods.push({
        '@odata.type': '#microsoft.graph.softwareOathAuthenticationMethod',
        id: indexedGuid(seed, 92, index),
        secretKey: null,
      });
    }
    if (unit(seed, index, 15) < 0.01) {
      // an old one-time bypass replaced by a Temporary Access Pass, long expired
      methods.push({
        '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
        id: indexedGuid(seed, 94, index),
        temporaryAccessPass: null,
        createdDateTime: created,
        startDateTime: created,
        lifetimeInMinutes: 60,
        isUsableOnce: true,
        isUsable: false,
        methodUsabilityReason: 'Expired',
      });
    }
    if (unit(seed, index, 12) < 0.01) {
      methods.push({
        '@odata.type': '#microsoft.graph.fido2AuthenticationMethod',
        id: indexedGuid(seed, 93, index),
        displayName: 'YubiKey 5 NFC',
        aaGuid: 'cb69481e-8ff7-4039-93ec-0a2729a154a8',
        model: 'YubiKey 5 NFC',
        attestationCertificates: [],
        attestationLevel: 'attested',
        createdDateTime: created,
      });
    }
    return methods;
  };

  const userAt = (index: number): TenantUser | undefined => {
    if (!Number.isInteger(index) || index < 0 || index >= n) return undefined;
    const b = baseUser(index);
    const o = overrides.get(index);
    // methods and the MFA Server profile are computed on first read: a 500k-user scan of names stays cheap
    let methods: AuthMethod[] | undefined;
    let profile: MfaServerProfile | null | undefined;
    const getMethods = () => {
      methods ??= o?.methods ?? initialMethods(index, b.cloudOnly);
      return methods;
    };
    return {
      index,
      id: b.id,
      displayName: `${b.given} ${b.family}`,
      givenName: b.given,
      surname: b.family,
      userPrincipalName: b.upn,
      mail: b.upn,
      accountEnabled: index === 0 || unit(seed, index, 4) >= 0.03,
      onPremisesSyncEnabled: b.cloudOnly ? null : true,
      onPremisesSamAccountName: b.cloudOnly ? null : b.upn.split('@')[0]!.slice(0, 20),
      get onPremisesImmutableId() {
        return b.cloudOnly ? null : Buffer.from(b.id.replace(/-/g, ''), 'hex').toString('base64');
      },
      department: pick(DEPARTMENTS, seed, index, 13),
      jobTitle: pick(TITLES, seed, index, 14),
      usageLocation: 'US',
      createdDateTime: CREATED_ISO[hash32(seed, index, 5) % CREATED_DAYS]!,
      userType: 'Member',
      get methods() {
        return getMethods();
      },
      get preferredMethod() {
        if (o) return o.preferredMethod;
        const m = getMethods();
        if (m.some((x) => x['@odata.type'] === '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod'))
          return 'push';
        return m.some((x) => x.phoneType) ? 'sms' : null;
      },
      get mfaServer() {
        if (profile === undefined)
          profile = (index === 0 ? undefined : mfaServerProfile(seed, index, now)) ?? null;
        return profile ?? undefined;
      },
      migrated: o?.migrated ?? false,
    };
  };

  const findUser = (idOrUpn: string): TenantUser | undefined => {
    const byId = indexFromGuid(idOrUpn);
    if (byId !== undefined) {
      const u = userAt(byId);
      return u && u.id === idOrUpn.toLowerCase() ? u : undefined;
    }
    const m = /(\d+)@/.exec(idOrUpn) ?? (/^admin@/i.test(idOrUpn) ? ['', '0'] : null);
    if (!m?.[1]) return undefined;
    const u = userAt(Number(m[1]));
    return u && u.userPrincipalName.toLowerCase() === idOrUpn.toLowerCase() ? u : undefined;
  };

  // ---- groups ----
  const groups = new Map<string, TenantGroup>();
  let groupSerial = 0;
  const created = iso(BASE_TIME + 400 * DAY);
  const addGroup = (g: Partial<TenantGroup> & { displayName: string; members: MemberSet }): string => {
    const id = indexedGuid(seed, 3, groupSerial++);
    groups.set(id, {
      id,
      description: null,
      groupTypes: [],
      membershipRule: null,
      membershipRuleProcessingState: null,
      securityEnabled: true,
      mailEnabled: false,
      mailNickname: g.displayName.replace(/[^A-Za-z0-9]/g, ''),
      onPremisesSyncEnabled: true,
      createdDateTime: created,
      ...g,
    });
    return id;
  };
  const range = (a: number, b: number): [number, number][] => (b > a ? [[a, Math.min(b, n)]] : []);
  const empty = (): MemberSet => ({ userRanges: [], groups: [], contacts: [] });

  const contacts = new Map<string, TenantContact>();
  const contactIds = [0, 1].map((k) => {
    const id = indexedGuid(seed, 4, k);
    contacts.set(id, {
      id,
      displayName: k === 0 ? 'Helpdesk Partner (Northwind)' : 'On-call Vendor (Litware)',
      mail: `partner${k}@northwind.example`,
      companyName: k === 0 ? 'Northwind' : 'Litware',
    });
    return id;
  });

  const w = Math.max(6, Math.min(Math.floor(n * 0.1), 5000));
  const allStaffGroupId = addGroup({
    displayName: 'All Staff',
    description: 'Every employee',
    members: { ...empty(), userRanges: range(1, n) },
  });
  const nestedSubgroupIds: string[] = [];
  let migrationGroupId: string;
  if (nested) {
    const third = Math.floor(w / 3);
    const emea = addGroup({
      displayName: 'MFA Wave 1 - Sales EMEA',
      members: { ...empty(), userRanges: range(1 + Math.floor((5 * w) / 6), 1 + w) },
    });
    const sales = addGroup({
      displayName: 'MFA Wave 1 - Sales',
      members: { ...empty(), userRanges: range(1 + 2 * third, 1 + Math.floor((5 * w) / 6)), groups: [emea] },
    });
    // overlaps the direct members by two users: transitive enumeration must deduplicate
    const finance = addGroup({
      displayName: 'MFA Wave 1 - Finance',
      members: { ...empty(), userRanges: range(third - 1, 1 + 2 * third) },
    });
    nestedSubgroupIds.push(finance, sales, emea);
    migrationGroupId = addGroup({
      displayName: 'MFA Migration - Wave 1',
      description: 'Users the MFA Server Migration Utility syncs in wave 1',
      members: { ...empty(), userRanges: range(1, 1 + third), groups: [finance, sales] },
    });
  } else {
    migrationGroupId = addGroup({
      displayName: 'MFA Migration - Wave 1',
      members: { ...empty(), userRanges: range(1, 1 + w) },
    });
  }
  const rolloutGroupId = addGroup({
    displayName: 'MFA Rollout - Wave 1',
    description: 'Staged rollout group for wave 1',
    members: { ...empty(), userRanges: range(1, 1 + w) },
  });
  const pilotGroupId = addGroup({
    displayName: 'MFA Pilot',
    members: { ...empty(), userRanges: range(1, 11) },
  });
  const dynamicGroupId = addGroup({
    displayName: 'All Enabled Users (dynamic)',
    groupTypes: ['DynamicMembership'],
    membershipRule: '(user.accountEnabled -eq true)',
    membershipRuleProcessingState: 'On',
    onPremisesSyncEnabled: null,
    members: { ...empty(), userRanges: range(1, n) },
  });
  const contactGroupId = addGroup({
    displayName: 'Helpdesk & Partners',
    members: { ...empty(), userRanges: range(1, 6), contacts: contactIds },
  });
  addGroup({
    displayName: 'Sales Team (Microsoft 365)',
    groupTypes: ['Unified'],
    mailEnabled: true,
    securityEnabled: false,
    onPremisesSyncEnabled: null,
    members: { ...empty(), userRanges: range(20, 60) },
  });
  addGroup({ displayName: "O'Brien's Project", members: { ...empty(), userRanges: range(3, 8) } });

  const directCache = new Map<string, MemberRef[]>();
  const transitiveCache = new Map<string, MemberRef[]>();
  const directMembers = (groupId: string): MemberRef[] => {
    const cached = directCache.get(groupId);
    if (cached) return cached;
    const g = groups.get(groupId);
    const refs: MemberRef[] = [];
    if (g) {
      for (const [a, b] of g.members.userRanges) for (let i = a; i < b; i++) refs.push(i);
      refs.push(...g.members.groups, ...g.members.contacts);
    }
    directCache.set(groupId, refs);
    return refs;
  };
  const transitiveMembers = (groupId: string): MemberRef[] => {
    const cached = transitiveCache.get(groupId);
    if (cached) return cached;
    const seen = new Set<MemberRef>();
    const out: MemberRef[] = [];
    const visit = (gid: string, path: Set<string>) => {
      for (const ref of directMembers(gid)) {
        if (!seen.has(ref)) {
          seen.add(ref);
          out.push(ref);
        }
        if (typeof ref === 'string' && groups.has(ref) && !path.has(ref)) visit(ref, new Set([...path, ref]));
      }
    };
    visit(groupId, new Set([groupId]));
    transitiveCache.set(groupId, out);
    return out;
  };

  // ---- domains ----
  const fed = (domain: string, behavior: 'enforceMfaByFederatedIdp' | null, k: number) => ({
    id: indexedGuid(seed, 5, k),
    displayName: `${domain} AD FS`,
    issuerUri: `http://${domain}/adfs/services/trust/`,
    metadataExchangeUri: `https://sts.${domain}/adfs/services/trust/mex`,
    passiveSignInUri: `https://sts.${domain}/adfs/ls/`,
    activeSignInUri: `https://sts.${domain}/adfs/services/trust/2005/usernamemixed`,
    signOutUri: `https://sts.${domain}/adfs/ls/?wa=wsignout1.0`,
    preferredAuthenticationProtocol: 'wsFed' as const,
    promptLoginBehavior: 'nativeSupport',
    federatedIdpMfaBehavior: behavior,
    isSignedAuthenticationRequestRequired: false,
    signingCertificate: 'MIIC3jCCAcagAwIBAgIQEt0T0G5GPZ9DEMO',
    nextSigningCertificate: null,
  });
  const domainBase = {
    isRoot: true,
    isVerified: true,
    isAdminManaged: true,
    supportedServices: ['Email', 'OfficeCommunicationsOnline'],
  };
  const domains: TenantDomain[] = [
    { ...domainBase, id: initialDomain, authenticationType: 'Managed', isDefault: false, isInitial: true },
    {
      ...domainBase,
      id: 'contoso.com',
      authenticationType: 'Federated',
      isDefault: true,
      isInitial: false,
      federation: fed('contoso.com', null, 0),
    },
    {
      ...domainBase,
      id: 'fabrikam.com',
      authenticationType: 'Federated',
      isDefault: false,
      isInitial: false,
      federation: fed('fabrikam.com', 'enforceMfaByFederatedIdp', 1),
    },
    { ...domainBase, id: 'contoso.dev', authenticationType: 'Managed', isDefault: false, isInitial: false },
  ];

  const organization: GraphObject = {
    id: tenantId,
    displayName: 'Contoso (demo tenant)',
    tenantType: 'AAD',
    countryLetterCode: 'US',
    createdDateTime: iso(BASE_TIME),
    onPremisesSyncEnabled: true,
    onPremisesLastSyncDateTime: iso(now - 20 * 60_000),
    verifiedDomains: domains.map((d) => ({
      capabilities: 'Email, OfficeCommunicationsOnline',
      isDefault: d.isDefault,
      isInitial: d.isInitial,
      name: d.id,
      type: d.authenticationType,
    })),
    assignedPlans: [
      {
        assignedDateTime: iso(BASE_TIME),
        capabilityStatus: 'Enabled',
        service: 'AADPremiumService',
        servicePlanId: '41781fb2-bc02-4b7c-bd55-b576c07bb09d',
      },
    ],
  };

  const methodConfig = (
    type: string,
    id: string,
    state: 'enabled' | 'disabled',
    extra: GraphObject = {},
  ) => ({
    '@odata.type': `#microsoft.graph.${type}AuthenticationMethodConfiguration`,
    id,
    state,
    excludeTargets: [],
    includeTargets: [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false }],
    ...extra,
    ...opts.methodConfigurations?.[id],
  });
  const authenticationMethodsPolicy: GraphObject = {
    id: 'authenticationMethodsPolicy',
    displayName: 'Authentication Methods Policy',
    description:
      'The tenant-wide policy that controls which authentication methods are allowed in the tenant.',
    lastModifiedDateTime: iso(now - 30 * DAY),
    policyVersion: '1.5',
    policyMigrationState: opts.policyMigrationState ?? 'migrationInProgress',
    reconfirmationInDays: null,
    registrationEnforcement: {
      authenticationMethodsRegistrationCampaign: {
        snoozeDurationInDays: 1,
        state: 'default',
        excludeTargets: [],
        includeTargets: [],
      },
    },
    authenticationMethodConfigurations: [
      methodConfig('microsoftAuthenticator', 'MicrosoftAuthenticator', 'enabled', {
        isSoftwareOathEnabled: false,
        featureSettings: {
          numberMatchingRequiredState: {
            state: 'enabled',
            includeTarget: { targetType: 'group', id: 'all_users' },
            excludeTarget: { targetType: 'group', id: '00000000-0000-0000-0000-000000000000' },
          },
        },
      }),
      methodConfig('sms', 'Sms', 'enabled'),
      methodConfig('voice', 'Voice', 'disabled', { isOfficePhoneAllowed: false }),
      methodConfig('softwareOath', 'SoftwareOath', 'enabled'),
      methodConfig('hardwareOath', 'HardwareOath', 'disabled'),
      methodConfig('fido2', 'Fido2', 'enabled', {
        isAttestationEnforced: true,
        isSelfServiceRegistrationAllowed: true,
      }),
      methodConfig('temporaryAccessPass', 'TemporaryAccessPass', 'enabled', {
        defaultLifetimeInMinutes: 60,
        isUsableOnce: false,
      }),
      methodConfig('email', 'Email', 'disabled', { allowExternalIdToUseEmailOtp: 'default' }),
    ],
  };

  const caPolicy = (k: number, displayName: string, state: string, grant: string[], users: GraphObject) => ({
    id: indexedGuid(seed, 6, k),
    displayName,
    state,
    createdDateTime: iso(BASE_TIME + 800 * DAY),
    modifiedDateTime: iso(now - 10 * DAY),
    conditions: {
      users,
      applications: { includeApplications: ['All'], excludeApplications: [] },
      clientAppTypes: ['all'],
      locations: null,
      platforms: null,
    },
    grantControls: {
      operator: 'OR',
      builtInControls: grant,
      customAuthenticationFactors: [],
      termsOfUse: [],
    },
    sessionControls: null,
  });
  const conditionalAccessPolicies: GraphObject[] = [
    caPolicy(0, 'Require MFA for all users', 'enabled', ['mfa'], {
      includeUsers: ['All'],
      excludeUsers: [],
      includeGroups: [],
      excludeGroups: [],
    }),
    caPolicy(1, 'Block legacy authentication', 'enabledForReportingButNotEnforced', ['block'], {
      includeUsers: ['All'],
      excludeUsers: [],
      includeGroups: [],
      excludeGroups: [],
    }),
    caPolicy(2, 'Require compliant device for admins (draft)', 'disabled', ['compliantDevice'], {
      includeUsers: [],
      excludeUsers: [],
      includeRoles: ['62e90394-69f5-4237-9190-012177145e10'],
      includeGroups: [],
      excludeGroups: [],
    }),
  ];

  // ---- apps ----
  const graphSpId = indexedGuid(seed, 7, 0);
  const servicePrincipals: GraphObject[] = [
    {
      id: graphSpId,
      appId: MS_GRAPH_APP_ID,
      displayName: 'Microsoft Graph',
      servicePrincipalType: 'Application',
      accountEnabled: true,
      appRoles: UTILITY_APP_ROLES.map((r) => ({
        id: r.id,
        value: r.value,
        displayName: r.value,
        allowedMemberTypes: ['Application'],
        isEnabled: true,
      })),
    },
  ];
  const applications: GraphObject[] = [];
  const appRoleAssignments = new Map<string, GraphObject[]>();
  const oauth2PermissionGrants: GraphObject[] = [];
  let utilityAppId: string | undefined;
  let utilityServicePrincipalId: string | undefined;
  if (consent !== 'absent') {
    const appObjectId = indexedGuid(seed, 8, 0);
    utilityAppId = indexedGuid(seed, 9, 0);
    const expires = opts.certificateExpiresInDays ?? 20;
    applications.push({
      id: appObjectId,
      appId: utilityAppId,
      displayName: 'MFA Server Migration Utility',
      signInAudience: 'AzureADMyOrg',
      createdDateTime: iso(now - 60 * DAY),
      requiredResourceAccess: [
        {
          resourceAppId: MS_GRAPH_APP_ID,
          resourceAccess: UTILITY_APP_ROLES.map((r) => ({ id: r.id, type: 'Role' })),
        },
      ],
      keyCredentials: [
        {
          keyId: indexedGuid(seed, 10, 0),
          displayName: 'CN=MFASRV01.contoso.com',
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          startDateTime: iso(now - 345 * DAY),
          endDateTime: iso(now + expires * DAY),
          customKeyIdentifier: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
        },
        {
          keyId: indexedGuid(seed, 10, 1),
          displayName: 'CN=MFASRV02.contoso.com',
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          startDateTime: iso(now - 30 * DAY),
          endDateTime: iso(now + 335 * DAY),
          customKeyIdentifier: 'B1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
        },
      ],
      passwordCredentials: [],
    });
    utilityServicePrincipalId = indexedGuid(seed, 7, 1);
    servicePrincipals.push({
      id: utilityServicePrincipalId,
      appId: utilityAppId,
      displayName: 'MFA Server Migration Utility',
      servicePrincipalType: 'Application',
      accountEnabled: true,
      appRoles: [],
    });
    const granted =
      consent === 'granted' ? UTILITY_APP_ROLES : consent === 'partial' ? UTILITY_APP_ROLES.slice(0, 1) : [];
    appRoleAssignments.set(
      utilityServicePrincipalId,
      granted.map((r, k) => ({
        id: `demoAssign${k}${utilityServicePrincipalId!.slice(0, 8)}`,
        appRoleId: r.id,
        createdDateTime: iso(now - 59 * DAY),
        deletedDateTime: null,
        principalDisplayName: 'MFA Server Migration Utility',
        principalId: utilityServicePrincipalId,
        principalType: 'ServicePrincipal',
        resourceDisplayName: 'Microsoft Graph',
        resourceId: graphSpId,
      })),
    );
  }
  // an unrelated delegated grant so filters have something to skip
  oauth2PermissionGrants.push({
    id: 'demoGrant0',
    clientId: indexedGuid(seed, 7, 9),
    consentType: 'AllPrincipals',
    principalId: null,
    resourceId: graphSpId,
    scope: 'User.Read',
  });

  const rolloutPolicies: FeatureRolloutPolicy[] = [
    {
      id: indexedGuid(seed, 11, 0),
      displayName: 'Password hash sync rollout',
      description: 'Earlier pilot of password hash sync',
      feature: 'passwordHashSync',
      isEnabled: false,
      isAppliedToOrganization: false,
      appliesTo: [],
    },
  ];

  const directoryAudits: GraphObject[] = [];
  const utilityFirstPartyAppId = '1a9e3d5a-7f7e-4d1d-9f3c-0c0a9c2a5c11';

  const resolveIndex = (ref: string | number): number | undefined =>
    typeof ref === 'number' ? ref : findUser(ref)?.index;

  const tenant: GeneratedTenant = {
    tenantId,
    seed,
    userCount: n,
    premium: opts.premium ?? true,
    organization,
    adminUserId: indexedGuid(seed, 2, 0),
    userAt,
    findUser,
    groups,
    contacts,
    domains,
    rolloutPolicies,
    authenticationMethodsPolicy,
    conditionalAccessPolicies,
    applications,
    servicePrincipals,
    appRoleAssignments,
    oauth2PermissionGrants,
    directoryAudits,
    wellKnown: {
      allStaffGroupId,
      migrationGroupId,
      rolloutGroupId,
      pilotGroupId,
      dynamicGroupId,
      contactGroupId,
      nestedSubgroupIds,
      graphServicePrincipalId: graphSpId,
      ...(utilityAppId ? { utilityAppId } : {}),
      ...(utilityServicePrincipalId ? { utilityServicePrincipalId } : {}),
    },
    directMembers,
    transitiveMembers,
    migrateUsers(ids, at = new Date()) {
      let changed = 0;
      for (const ref of ids) {
        const index = resolveIndex(ref);
        const user = index === undefined ? undefined : userAt(index);
        if (!user?.mfaServer) continue;
        const { methods, preferred } = migratedMethods(seed, user.index, user.mfaServer);
        const kept = user.methods.filter((m) => !methods.some((x) => x.id === m.id));
        overrides.set(user.index, {
          methods: [...kept, ...methods],
          preferredMethod: preferred,
          migrated: true,
        });
        changed++;
        directoryAudits.push({
          id: `Directory_${indexedGuid(seed, 12, directoryAudits.length)}`,
          category: 'UserManagement',
          correlationId: indexedGuid(seed, 13, directoryAudits.length),
          result: 'success',
          resultReason: '',
          activityDisplayName: 'Update user',
          activityDateTime: at.toISOString(),
          loggedByService: 'Core Directory',
          operationType: 'Update',
          initiatedBy: {
            user: null,
            app: {
              appId: utilityFirstPartyAppId,
              displayName: 'Azure MFA Management',
              servicePrincipalId: indexedGuid(seed, 7, 2),
              servicePrincipalName: null,
            },
          },
          targetResources: [
            {
              id: user.id,
              displayName: null,
              type: 'User',
              userPrincipalName: user.userPrincipalName,
              groupType: null,
              modifiedProperties: [
                {
                  displayName: 'StrongAuthenticationPhoneAppDetail',
                  oldValue: '[]',
                  newValue: '"[migrated]"',
                },
              ],
            },
          ],
          additionalDetails: [{ key: 'UserType', value: 'Member' }],
        });
      }
      return changed;
    },
    resetUser(ref) {
      const index = resolveIndex(ref);
      if (index !== undefined) overrides.delete(index);
    },
  };
  return tenant;
}
