// Which Graph permissions each operation needs, and which operations each wizard step runs. Used both
// to ask for scopes at sign-in (least privilege: a read-only step never asks for a write scope) and to
// name the missing permission when Graph answers 403. Values are from the Graph API reference pages
// ("least privileged permissions"); `null` application permission = no app-only access exists.
import type { StepId } from '../../state/model.js';

export interface OperationPermissions {
  /** what the operation does, in the admin's words (used in error messages) */
  describe: string;
  delegated: readonly string[];
  /** null: Graph offers no application permission for this API (delegated sign-in required) */
  application: readonly string[] | null;
  /** least-privileged Entra roles for delegated use, when the docs name them */
  roles?: readonly string[];
  write: boolean;
  /** why the wizard needs it */
  why: string;
}

export const OPERATIONS = {
  'organization.read': {
    describe: 'read the tenant (organization)',
    delegated: ['User.Read'],
    application: ['Organization.Read.All'],
    write: false,
    why: 'pin the migration to one tenant at first sign-in and check it on every later one',
  },
  'groups.read': {
    describe: 'find groups',
    delegated: ['GroupMember.Read.All'],
    application: ['GroupMember.Read.All'],
    write: false,
    why: 'resolve the migration and staged-rollout groups by name or id',
  },
  'members.read': {
    describe: 'list group members',
    delegated: ['GroupMember.Read.All', 'User.Read.All'],
    application: ['GroupMember.Read.All', 'User.Read.All'],
    write: false,
    why: 'enumerate (nested) members of a wave; User.Read.All returns user properties such as onPremisesSyncEnabled',
  },
  'authMethods.read': {
    describe: "read users' authentication methods",
    delegated: ['UserAuthenticationMethod.Read.All'],
    application: ['UserAuthenticationMethod.Read.All'],
    roles: ['Authentication Administrator (phone numbers unmasked: Privileged Authentication Administrator)'],
    write: false,
    why: "verify per user that the Migration Utility's methods arrived in Entra",
  },
  'hardwareOath.read': {
    describe: "read users' hardware OATH tokens (beta)",
    delegated: ['UserAuthenticationMethod.Read.All'],
    application: null,
    write: false,
    why: 'hardware OATH tokens are only listed by the beta API, and only with delegated sign-in',
  },
  'registrationDetails.read': {
    describe: 'read the authentication methods registration report',
    delegated: ['AuditLog.Read.All'],
    application: ['AuditLog.Read.All'],
    roles: ['Reports Reader'],
    write: false,
    why: 'a quick overview (needs Entra ID P1/P2; lags by hours; cannot prove migration)',
  },
  'audits.read': {
    describe: 'read the directory audit log',
    delegated: ['AuditLog.Read.All'],
    application: ['AuditLog.Read.All'],
    roles: ['Reports Reader'],
    write: false,
    why: 'find users the Migration Utility ("Azure MFA Management") changed since the last pass',
  },
  'authMethodsPolicy.read': {
    describe: 'read the authentication methods policy',
    delegated: ['Policy.Read.All'],
    application: ['Policy.Read.All'],
    write: false,
    why: 'check that every method used on MFA Server is enabled in Entra',
  },
  'applications.read': {
    describe: 'read app registrations, service principals and consent grants',
    delegated: ['Application.Read.All', 'Directory.Read.All'],
    application: ['Application.Read.All', 'Directory.Read.All'],
    write: false,
    why: 'check the "MFA Server Migration Utility" app and its admin consent (oauth2PermissionGrants need Directory.Read.All)',
  },
  'rollout.read': {
    describe: 'read staged rollout policies',
    delegated: ['Policy.Read.HybridAuthentication'],
    application: null,
    roles: ['Hybrid Identity Administrator'],
    write: false,
    why: 'show which groups are in staged rollout for MFA',
  },
  'rollout.write': {
    describe: 'change staged rollout policies',
    delegated: ['Policy.ReadWrite.HybridAuthentication'],
    application: null,
    roles: ['Hybrid Identity Administrator'],
    write: true,
    why: 'create the MFA rollout policy and add or remove wave groups (delegated only)',
  },
  'domains.read': {
    describe: 'read domains',
    delegated: ['Domain.Read.All'],
    application: ['Domain.Read.All'],
    write: false,
    why: 'list federated domains',
  },
  'federation.read': {
    describe: "read a domain's federation settings",
    delegated: ['Domain-InternalFederation.Read.All'],
    application: ['Domain-InternalFederation.Read.All'],
    roles: ['Security Administrator', 'External Identity Provider Administrator'],
    write: false,
    why: 'read federatedIdpMfaBehavior per domain',
  },
  'federation.write': {
    describe: "change a domain's federation settings",
    delegated: ['Domain-InternalFederation.ReadWrite.All'],
    application: ['Domain-InternalFederation.ReadWrite.All'],
    roles: ['Hybrid Identity Administrator', 'Domain Name Administrator', 'Security Administrator'],
    write: true,
    why: 'set federatedIdpMfaBehavior (may also need delegated Directory.AccessAsUser.All, a known Graph issue)',
  },
  'conditionalAccess.read': {
    describe: 'read Conditional Access policies',
    delegated: ['Policy.Read.All'],
    application: ['Policy.Read.All'],
    roles: ['Security Reader'],
    write: false,
    why: 'check that policies requiring MFA exist before federation stops enforcing it',
  },
} as const satisfies Record<string, OperationPermissions>;

export type OperationId = keyof typeof OPERATIONS;

/** Graph operations each step runs. Steps not listed never call Graph. */
export const STEP_OPERATIONS: Partial<Record<StepId, readonly OperationId[]>> = {
  inventory: ['authMethodsPolicy.read'],
  utility: ['applications.read'],
  'migrate-users': [
    'groups.read',
    'members.read',
    'authMethods.read',
    'hardwareOath.read',
    'audits.read',
    'registrationDetails.read',
  ],
  validate: ['groups.read', 'members.read', 'authMethods.read', 'rollout.read', 'rollout.write'],
  complete: ['groups.read', 'members.read', 'authMethods.read'],
  federation: ['domains.read', 'federation.read', 'conditionalAccess.read', 'federation.write'],
  'rb-staged-rollout': ['rollout.read', 'rollout.write'],
  'rb-federation': ['domains.read', 'federation.read', 'federation.write'],
};

/** Every session reads /organization first (tenant pin), whatever the step. */
export const ALWAYS: readonly OperationId[] = ['organization.read'];

export type PermissionKind = 'delegated' | 'application';

export interface ScopeRequest {
  steps: readonly StepId[];
  /** include the steps' write operations (only when the admin is about to change the tenant) */
  write: boolean;
  kind: PermissionKind;
}

export function operationsFor(steps: readonly StepId[], write: boolean): OperationId[] {
  const ops = new Set<OperationId>(ALWAYS);
  for (const step of steps) {
    for (const op of STEP_OPERATIONS[step] ?? []) {
      if (write || !OPERATIONS[op].write) ops.add(op);
    }
  }
  return [...ops];
}

/** Unqualified permission names for a sign-in (qualify with clouds.qualifyScopes). */
export function permissionsFor(req: ScopeRequest): string[] {
  const names = new Set<string>();
  for (const op of operationsFor(req.steps, req.write)) {
    const perms = OPERATIONS[op][req.kind];
    for (const p of perms ?? []) names.add(p);
  }
  return [...names].sort();
}

/** Operations in the request that cannot work with this sign-in kind (app-only has no rollout API). */
export function unsupportedOperations(req: ScopeRequest): OperationId[] {
  if (req.kind === 'delegated') return [];
  return operationsFor(req.steps, req.write).filter((op) => OPERATIONS[op].application === null);
}

/** "Policy.ReadWrite.HybridAuthentication (delegated)" for a 403 message. */
export function describeNeed(op: OperationId, kind: PermissionKind | undefined): string {
  const entry: OperationPermissions = OPERATIONS[op];
  if (kind === 'application' && entry.application === null) {
    return `${entry.delegated.join(' + ')} with a delegated (user) sign-in; app-only sign-in cannot ${entry.describe}`;
  }
  const perms = kind === 'application' ? (entry.application ?? []) : entry.delegated;
  const roles = kind !== 'application' && entry.roles ? `, role ${entry.roles.join(' or ')}` : '';
  return `${perms.join(' + ')}${kind ? ` (${kind})` : ''}${roles}`;
}

/** The README table: one row per operation. */
export function permissionsMarkdownTable(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const stepsOf = (op: OperationId) =>
    Object.entries(STEP_OPERATIONS)
      .filter(([, ops]) => ops?.includes(op))
      .map(([s]) => s);
  const lines = [
    '| Operation | Steps | Delegated | Application | Write | Why |',
    '|---|---|---|---|---|---|',
  ];
  for (const [id, e] of Object.entries(OPERATIONS) as [OperationId, OperationPermissions][]) {
    const steps = ALWAYS.includes(id) ? 'every session' : stepsOf(id).join(', ');
    lines.push(
      `| ${esc(e.describe)} | ${steps} | ${e.delegated.join(', ')} | ${e.application?.join(', ') ?? 'not supported'} | ${e.write ? 'yes' : 'no'} | ${esc(e.why)} |`,
    );
  }
  return lines.join('\n');
}
