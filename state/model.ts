// The migration model: what the store keeps on disk, validated on load with zod.
// Everything the screens or the report show that can be derived from this is derived (selectors.ts),
// never stored. Large per-user data (members, verification results) lives in files of its own beside
// the state file, never in here.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

export const CLOUDS = ['global', 'gcc', 'gcchigh', 'dod', 'china'] as const;
export type Cloud = (typeof CLOUDS)[number];

export const PHASES = ['preparations', 'migrations', 'finalize', 'rollback'] as const;
export type PhaseId = (typeof PHASES)[number];

/** Steps 1-12 of the guide, then the rollback's own steps. Order here is the order shown. */
export const STEP_IDS = [
  'inventory',
  'backup',
  'update',
  'utility',
  'migrate-users',
  'validate',
  'educate',
  'complete',
  'dependencies',
  'federation',
  'disable-portal',
  'decommission',
  'rb-assess',
  'rb-staged-rollout',
  'rb-federation',
  'rb-uninstall',
  'rb-restore',
  'rb-reinstall',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Steps whose work is done once per wave; their top-level status is derived from the waves. */
export const WAVE_STEP_IDS = ['migrate-users', 'validate'] as const satisfies readonly StepId[];
export type WaveStepId = (typeof WAVE_STEP_IDS)[number];

export const STEP_STATUSES = ['pending', 'in-progress', 'done', 'skipped', 'blocked'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Guards of design §2. Each refusal names one; an override records it with a reason. */
export const GUARD_IDS = [
  'backup-required',
  'backup-stale',
  'utility-required',
  'rollout-needs-migrated',
  'rollout-same-group',
  'federation-needs-users',
  'federation-needs-dependencies',
  'decommission-needs-24h',
  'rollback-needs-update',
] as const;
export type GuardId = (typeof GUARD_IDS)[number];

const iso = z.string().min(1); // ISO-8601 timestamp, produced by the caller (the reducer is pure)
const actor = z.string().min(1); // "osuser@host"

export const historyEntrySchema = z.object({
  at: iso,
  by: actor,
  /** what happened, e.g. "status: pending -> done", "reopened", "override backup-stale" */
  what: z.string(),
  reason: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const checklistAnswerSchema = z.object({
  checked: z.boolean(),
  note: z.string().optional(),
  at: iso,
  by: actor,
});
export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;

export const EVIDENCE_KINDS = [
  'note',
  'file-hash',
  'graph-read',
  'count',
  'probe',
  'version',
  'other',
] as const;
export const evidenceSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(EVIDENCE_KINDS),
  label: z.string().min(1),
  /** short human-readable value; structured detail goes in `data` */
  value: z.string(),
  data: z.unknown().optional(),
  at: iso,
  by: actor,
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const stepStateSchema = z.object({
  status: z.enum(STEP_STATUSES),
  /** reason for skipped / blocked */
  reason: z.string().optional(),
  checklist: z.record(z.string(), checklistAnswerSchema),
  notes: z.string(),
  evidence: z.array(evidenceSchema),
  history: z.array(historyEntrySchema),
  /** when the step last became done (cleared on reopen; the history keeps the old one) */
  doneAt: iso.optional(),
});
export type StepState = z.infer<typeof stepStateSchema>;

export const overrideSchema = z.object({
  guard: z.enum(GUARD_IDS),
  step: z.enum(STEP_IDS),
  wave: z.string().optional(),
  reason: z.string().min(1),
  /** the refusal message that was overridden, kept verbatim for the report */
  refusal: z.string(),
  at: iso,
  by: actor,
});
export type Override = z.infer<typeof overrideSchema>;

export const groupRefSchema = z.object({
  /** display name as typed or resolved */
  name: z.string().optional(),
  /** object id (GUID) once resolved */
  id: z.string().optional(),
});
export type GroupRef = z.infer<typeof groupRefSchema>;

export const END_USER_CHECK_IDS = [
  'methods-visible',
  'calls-texts-received',
  'sign-in-works',
  'authenticator-approved',
  'hardware-oath-works',
] as const;
export type EndUserCheckId = (typeof END_USER_CHECK_IDS)[number];
export const CHECK_RESULTS = ['pending', 'pass', 'fail', 'n/a'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const testUserSchema = z.object({
  upn: z.string().min(1),
  checks: z.record(
    z.string(),
    z.object({ result: z.enum(CHECK_RESULTS), note: z.string().optional(), at: iso, by: actor }),
  ),
});
export type TestUser = z.infer<typeof testUserSchema>;

export const waveSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: iso,
  migrationGroups: z.array(groupRefSchema),
  rolloutGroups: z.array(groupRefSchema),
  /** counts typed by the admin or recorded by a Graph read (then also evidence) */
  counts: z.object({
    members: z.number().int().nonnegative().optional(),
    migrated: z.number().int().nonnegative().optional(),
    verified: z.number().int().nonnegative().optional(),
  }),
  testUsers: z.array(testUserSchema),
  steps: z.object({ 'migrate-users': stepStateSchema, validate: stepStateSchema }),
});
export type Wave = z.infer<typeof waveSchema>;

// ---- Inventory (step 1) ----

export const inventoryMethodRowSchema = z.object({
  id: z.string().min(1),
  /** MFA Server setting, e.g. "Phone call (PIN)" */
  feature: z.string().min(1),
  /** where it lives in MFA Server, e.g. "Company Settings > General > User Defaults" */
  area: z.string(),
  inUse: z.enum(['yes', 'no', 'unknown']),
  entraAction: z.string(),
  /** whether the Entra side needs an action (derived from the guide's mapping, editable) */
  actionNeeded: z.boolean(),
  notes: z.string(),
});
export type InventoryMethodRow = z.infer<typeof inventoryMethodRowSchema>;

export const SERVICE_KINDS = ['radius', 'ldap', 'adfs', 'other'] as const;
export const DISPOSITIONS = [
  'undecided',
  'federate-saml-oidc',
  'nps-extension',
  'entra-domain-services',
  'sspr',
  'upgrade-adfs',
  'retire',
] as const;
export const DEPENDENCY_STATUSES = ['pending', 'in-progress', 'done'] as const;
export const inventoryServiceRowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(SERVICE_KINDS),
  name: z.string().min(1),
  host: z.string(),
  disposition: z.enum(DISPOSITIONS),
  status: z.enum(DEPENDENCY_STATUSES),
  notes: z.string(),
});
export type InventoryServiceRow = z.infer<typeof inventoryServiceRowSchema>;

export const SERVER_ROLES = ['primary', 'subordinate'] as const;
export const SERVER_MEMBERSHIPS = ['domain-joined', 'standalone'] as const;
export const inventoryServerRowSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(SERVER_ROLES),
  membership: z.enum(SERVER_MEMBERSHIPS),
  /** Pfsvc_ncan_ip_tcp_port; null when not set (dynamic RPC port) */
  replicationPort: z.number().int().min(1).max(65535).nullable(),
  /** roles hosted besides MFA Server: user portal, mobile app web service, AD FS adapter */
  hosts: z.string(),
  notes: z.string(),
});
export type InventoryServerRow = z.infer<typeof inventoryServerRowSchema>;

export const LB_FRONTS = ['sms-otp', 'user-portal', 'mobile-app-ws', 'radius', 'other'] as const;
export const inventoryLoadBalancerRowSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  fronts: z.enum(LB_FRONTS),
  sticky: z.boolean(),
  notes: z.string(),
});
export type InventoryLoadBalancerRow = z.infer<typeof inventoryLoadBalancerRowSchema>;

export const INVENTORY_TABLES = ['methods', 'portal', 'services', 'servers', 'loadBalancers'] as const;
export type InventoryTable = (typeof INVENTORY_TABLES)[number];

export const inventorySchema = z.object({
  methods: z.array(inventoryMethodRowSchema),
  /** User portal settings use the same row shape as methods */
  portal: z.array(inventoryMethodRowSchema),
  services: z.array(inventoryServiceRowSchema),
  servers: z.array(inventoryServerRowSchema),
  loadBalancers: z.array(inventoryLoadBalancerRowSchema),
});
export type Inventory = z.infer<typeof inventorySchema>;
export type InventoryRow<T extends InventoryTable> = Inventory[T][number];

export const exceptionSchema = z.object({
  upn: z.string().min(1),
  reason: z.string().min(1),
  at: iso,
  by: actor,
});
export type UserException = z.infer<typeof exceptionSchema>;

/** One federation change the wizard made, so that rollback can undo exactly that. */
export const federationChangeSchema = z.object({
  domain: z.string().min(1),
  from: z.string().nullable(),
  to: z.string(),
  at: iso,
  by: actor,
});

export const stepRefSchema = z.object({ step: z.enum(STEP_IDS), wave: z.string().optional() });
export type StepRef = z.infer<typeof stepRefSchema>;

export const migrationSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(80),
  /** tenant as typed at creation: a GUID or a domain; optional */
  tenant: z.string().optional(),
  /** tenant id pinned at first sign-in (from /organization) */
  tenantId: z.string().optional(),
  cloud: z.enum(CLOUDS),
  demo: z.boolean(),
  createdAt: iso,
  createdBy: actor,
  current: stepRefSchema,
  steps: z.record(z.enum(STEP_IDS), stepStateSchema),
  waves: z.array(waveSchema),
  inventory: inventorySchema,
  overrides: z.array(overrideSchema),
  exceptions: z.array(exceptionSchema),
  federationChanges: z.array(federationChangeSchema),
});
export type Migration = z.infer<typeof migrationSchema>;

export const rootStateSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** which program version last wrote the file, shown when a newer file is refused */
  writtenBy: z.string(),
  migrations: z.record(z.string(), migrationSchema),
  lastMigrationId: z.string().optional(),
});
export type RootState = z.infer<typeof rootStateSchema>;

export function emptyStepState(): StepState {
  return { status: 'pending', checklist: {}, notes: '', evidence: [], history: [] };
}

export function emptyRootState(writtenBy: string): RootState {
  return { schemaVersion: SCHEMA_VERSION, writtenBy, migrations: {} };
}
