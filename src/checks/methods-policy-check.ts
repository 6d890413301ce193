// Step 1's Graph check: every MFA Server method the inventory marks in use must have its counterpart
// enabled in the tenant's authentication methods policy, and that configuration must target users.
// The comparison is pure (evaluateMethodsPolicy); checkMethodsPolicy only adds the one read.
import type {
  AuthenticationMethodConfiguration,
  AuthenticationMethodsPolicy,
} from '@microsoft/microsoft-graph-types';
import { METHOD_MAPPINGS, PORTAL_MAPPINGS } from '../../state/catalogue/index.js';
import type { Evidence, Inventory, InventoryMethodRow } from '../../state/model.js';
import type { GraphClient } from '../graph/client.js';
import { getAuthenticationMethodsPolicy } from '../graph/operations/policies.js';

/** Method configuration ids as Graph names them in authenticationMethodConfigurations. */
export const METHOD_CONFIG_IDS = [
  'Voice',
  'Sms',
  'MicrosoftAuthenticator',
  'SoftwareOath',
  'HardwareOath',
  'TemporaryAccessPass',
] as const;
export type MethodConfigId = (typeof METHOD_CONFIG_IDS)[number];

export const METHOD_CONFIG_LABELS: Record<MethodConfigId, string> = {
  Voice: 'Voice call',
  Sms: 'SMS (text message)',
  MicrosoftAuthenticator: 'Microsoft Authenticator',
  SoftwareOath: 'Software OATH tokens',
  HardwareOath: 'Hardware OATH tokens',
  TemporaryAccessPass: 'Temporary Access Pass',
};

/**
 * Inventory mapping ids (state/catalogue/mappings.ts) -> the method configurations they need when in
 * use. Rows not listed here (language, PIN rules, trusted IPs, ...) need nothing in the methods policy.
 */
export const MAPPING_TO_METHOD_CONFIGS: Readonly<Record<string, readonly MethodConfigId[]>> = {
  'method.phone-call-standard': ['Voice'],
  'method.phone-call-pin': ['Voice'],
  'method.text-otp': ['Sms'],
  'method.text-otp-pin': ['Sms'],
  'method.mobile-app-standard': ['MicrosoftAuthenticator'],
  'method.mobile-app-pin': ['MicrosoftAuthenticator'],
  'portal.prompt-backup-phone': ['Voice'],
  'portal.prompt-third-party-oath': ['SoftwareOath'],
  'portal.one-time-bypass': ['TemporaryAccessPass'],
  'portal.select-method.phone-call': ['Voice'],
  'portal.select-method.text-message': ['Sms'],
  'portal.select-method.mobile-app': ['MicrosoftAuthenticator'],
  'portal.select-method.oath-token': ['SoftwareOath', 'HardwareOath'],
  'portal.activate-mobile-app': ['MicrosoftAuthenticator'],
  'portal.associate-third-party-oath': ['SoftwareOath', 'HardwareOath'],
  'portal.oath-fallback': ['SoftwareOath', 'HardwareOath'],
};

// Rows an admin typed or imported under their own id still count when the feature name is the guide's.
const MAPPING_ID_BY_FEATURE = new Map(
  [...METHOD_MAPPINGS, ...PORTAL_MAPPINGS].map((d) => [`${d.area}|${d.feature}`.toLowerCase(), d.id]),
);

function mappingIdOf(row: InventoryMethodRow): string {
  if (row.id in MAPPING_TO_METHOD_CONFIGS) return row.id;
  return MAPPING_ID_BY_FEATURE.get(`${row.area}|${row.feature}`.toLowerCase()) ?? row.id;
}

export interface MethodCheck {
  configId: MethodConfigId;
  label: string;
  /** the inventory features (in use) that need this method */
  neededBy: string[];
  /** the configuration exists in the policy */
  found: boolean;
  enabled: boolean;
  /** includeTargets names at least one group (or all users) */
  targetsUsers: boolean;
  /** "all users", "2 groups", "nobody"; with exclusions when there are any */
  targets: string;
  ok: boolean;
  /** one line each: what is wrong or worth knowing */
  findings: string[];
}

export interface MethodsPolicyCheck {
  ok: boolean;
  policyMigrationState: string | null;
  /** only the methods the inventory needs, in METHOD_CONFIG_IDS order */
  methods: MethodCheck[];
  /** "what to enable": one line per method that is not ready */
  toEnable: string[];
  /** findings about the policy as a whole (legacy settings, nothing in use yet) */
  findings: string[];
}

export interface MethodsPolicyOptions {
  /**
   * whether MFA Server users have phone extensions (from the sync preview or the admin); then voice
   * must allow office phones. 'unknown' adds a reminder instead of a failure.
   */
  usersHaveExtensions?: boolean | 'unknown';
}

type Target = { targetType?: string; id?: string };

function describeTargets(config: AuthenticationMethodConfiguration): { targetsUsers: boolean; text: string } {
  const raw = config as { includeTargets?: Target[] };
  const include = raw.includeTargets ?? [];
  const exclude = config.excludeTargets ?? [];
  const all = include.some((t) => t.id === 'all_users');
  const text =
    include.length === 0
      ? 'nobody'
      : all
        ? 'all users'
        : `${include.length} group${include.length === 1 ? '' : 's'}`;
  const excluded =
    exclude.length > 0 ? `, excluding ${exclude.length} group${exclude.length === 1 ? '' : 's'}` : '';
  return { targetsUsers: include.length > 0, text: text + excluded };
}

/** The methods the inventory says are in use, each with the features that need it. */
export function neededMethods(inventory: Inventory): Map<MethodConfigId, string[]> {
  const out = new Map<MethodConfigId, string[]>();
  for (const row of [...inventory.methods, ...inventory.portal]) {
    if (row.inUse !== 'yes') continue;
    for (const id of MAPPING_TO_METHOD_CONFIGS[mappingIdOf(row)] ?? []) {
      out.set(id, [...(out.get(id) ?? []), row.feature]);
    }
  }
  return out;
}

export function evaluateMethodsPolicy(
  inventory: Inventory,
  policy: AuthenticationMethodsPolicy,
  options: MethodsPolicyOptions = {},
): MethodsPolicyCheck {
  const needed = neededMethods(inventory);
  const configs = policy.authenticationMethodConfigurations ?? [];
  const methods: MethodCheck[] = [];
  for (const configId of METHOD_CONFIG_IDS) {
    const neededBy = needed.get(configId);
    if (!neededBy) continue;
    const label = METHOD_CONFIG_LABELS[configId];
    const config = configs.find((c) => c.id?.toLowerCase() === configId.toLowerCase());
    const findings: string[] = [];
    if (!config) {
      findings.push(`${label} is not in the tenant's methods policy: it cannot be enabled here.`);
      methods.push({
        configId,
        label,
        neededBy,
        found: false,
        enabled: false,
        targetsUsers: false,
        targets: 'nobody',
        ok: false,
        findings,
      });
      continue;
    }
    const enabled = config.state === 'enabled';
    const { targetsUsers, text } = describeTargets(config);
    if (!enabled)
      findings.push(`${label} is disabled; MFA Server users rely on it (${neededBy.join(', ')}).`);
    else if (!targetsUsers)
      findings.push(`${label} is enabled but targets nobody: add all users or the groups.`);
    let ok = enabled && targetsUsers;
    if (configId === 'Voice') {
      const officeAllowed = (config as { isOfficePhoneAllowed?: boolean }).isOfficePhoneAllowed === true;
      const ext = options.usersHaveExtensions ?? 'unknown';
      if (ext === true && !officeAllowed) {
        findings.push(
          'Users have phone extensions, which the utility migrates as office phones: allow office phones for voice (isOfficePhoneAllowed).',
        );
        ok = false;
      } else if (ext === 'unknown' && !officeAllowed) {
        findings.push(
          'Office phones are not allowed for voice: if any MFA Server phone has an extension, allow them.',
        );
      }
    }
    if (configId === 'MicrosoftAuthenticator') {
      findings.push(
        'Number matching is always on for Authenticator push now; nothing to set (it replaces the app PIN).',
      );
    }
    methods.push({
      configId,
      label,
      neededBy,
      found: true,
      enabled,
      targetsUsers,
      targets: text,
      ok,
      findings,
    });
  }

  const toEnable = methods
    .filter((m) => !m.ok)
    .map((m) => {
      if (!m.found) return `${m.label}: not available in this tenant's policy (${m.neededBy.join(', ')}).`;
      if (!m.enabled) return `Enable ${m.label} for the users of ${m.neededBy.join(', ')}.`;
      if (!m.targetsUsers) return `Target ${m.label} at all users or the migrating groups.`;
      return `${m.label}: ${m.findings[0] ?? 'fix its settings'}`;
    });

  const findings: string[] = [];
  const state = policy.policyMigrationState ?? null;
  if (state !== 'migrationComplete') {
    findings.push(
      `The methods policy migration is ${state ?? 'not reported'}, not complete: the legacy MFA and SSPR settings also apply and Graph cannot read them. Check them in the portal too.`,
    );
  }
  if (needed.size === 0) {
    findings.push('No MFA Server method is marked in use in the inventory: nothing to compare yet.');
  }
  return { ok: toEnable.length === 0, policyMigrationState: state, methods, toEnable, findings };
}

/** Reads the policy and compares. Throws the Graph layer's GraphError (with its one-line message). */
export async function checkMethodsPolicy(
  graph: GraphClient,
  inventory: Inventory,
  options: MethodsPolicyOptions = {},
): Promise<MethodsPolicyCheck> {
  const policy = await getAuthenticationMethodsPolicy(graph);
  return evaluateMethodsPolicy(inventory, policy, options);
}

/** The check as evidence for step 1 (`add-evidence` on { step: 'inventory' }). */
export function methodsPolicyEvidence(
  check: MethodsPolicyCheck,
  readAt: string,
): Omit<Evidence, 'at' | 'by'> {
  const value =
    check.methods.length === 0
      ? 'no method in use to compare'
      : check.ok
        ? `${check.methods.length} method${check.methods.length === 1 ? '' : 's'} in use, all enabled and targeting users`
        : `${check.toEnable.length} of ${check.methods.length} methods need action`;
  return {
    id: `methods-policy:${readAt}`,
    kind: 'graph-read',
    label: 'Authentication methods policy read',
    value,
    data: { readAt, ...check },
  };
}
