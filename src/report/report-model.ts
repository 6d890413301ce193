// The report as data: what buildReport produces and both renderers read. The JSON rendering is this
// object as is, so its shape is a public contract — bump REPORT_VERSION on any breaking change and
// keep README "Commands" in step. Enum values stay raw (for scripts); the renderers turn them into
// the catalogue's labels.
import type {
  CheckResult,
  Cloud,
  GuardId,
  InventoryLoadBalancerRow,
  InventoryServerRow,
  InventoryServiceRow,
  PhaseId,
  StepId,
  StepStatus,
} from '../../state/model.js';

export const REPORT_VERSION = 1;

export interface ReportWho {
  /** "osuser@host" */
  by: string;
  /** ISO-8601 */
  at: string;
}

export interface ReportHistoryEntry extends ReportWho {
  what: string;
  reason: string | null;
}

export interface ReportChecklistItem {
  id: string;
  /** item text from the catalogue (the same the screens show); the id when the catalogue no longer has it */
  text: string;
  /** null when nobody has answered it yet */
  checked: boolean | null;
  note: string | null;
  by: string | null;
  at: string | null;
}

export interface ReportEvidence extends ReportWho {
  id: string;
  kind: string;
  label: string;
  value: string;
}

export interface ReportOverride extends ReportWho {
  guard: GuardId;
  /** the guard's short name from the catalogue */
  guardLabel: string;
  step: StepId;
  stepLabel: string;
  wave: { id: string; name: string } | null;
  reason: string;
  /** the refusal message that was overridden, verbatim */
  refusal: string;
}

export interface ReportStep {
  id: StepId;
  label: string;
  title: string;
  /** for steps done once per wave, the wave; null for the step itself */
  wave: { id: string; name: string } | null;
  status: StepStatus;
  /** skipped / blocked reason */
  reason: string | null;
  optional: boolean;
  doneAt: string | null;
  checklist: ReportChecklistItem[];
  notes: string;
  evidence: ReportEvidence[];
  history: ReportHistoryEntry[];
}

export interface ReportPhase {
  id: PhaseId;
  title: string;
  done: number;
  total: number;
  /** per-wave steps appear once per wave (or once, pending, when there is no wave yet) */
  steps: ReportStep[];
}

export interface ReportTestUser {
  upn: string;
  checks: {
    id: string;
    label: string;
    result: CheckResult;
    note: string | null;
    by: string | null;
    at: string | null;
  }[];
}

export interface ReportWave {
  id: string;
  name: string;
  createdAt: string;
  migrationGroups: string[];
  rolloutGroups: string[];
  counts: { members: number | null; migrated: number | null; verified: number | null };
  testUsers: ReportTestUser[];
}

export interface ReportOpenItem {
  phase: PhaseId;
  step: StepId;
  stepLabel: string;
  wave: string | null;
  kind: 'step-pending' | 'step-blocked' | 'checklist' | 'service' | 'wave-unverified' | 'test-check';
  text: string;
}

/** Allowed (or overridden) but worth a look, as of the report's time: stale backup, shared groups... */
export interface ReportWarning {
  code: string;
  phase: PhaseId | null;
  step: StepId | null;
  wave: string | null;
  text: string;
}

export interface ReportInventory {
  methods: {
    feature: string;
    area: string;
    inUse: string;
    entraAction: string;
    actionNeeded: boolean;
    notes: string;
  }[];
  portal: {
    feature: string;
    area: string;
    inUse: string;
    entraAction: string;
    actionNeeded: boolean;
    notes: string;
  }[];
  services: {
    kind: InventoryServiceRow['kind'];
    name: string;
    host: string;
    disposition: InventoryServiceRow['disposition'];
    status: InventoryServiceRow['status'];
    notes: string;
  }[];
  servers: {
    name: string;
    role: InventoryServerRow['role'];
    membership: InventoryServerRow['membership'];
    replicationPort: number | null;
    hosts: string;
    notes: string;
  }[];
  loadBalancers: {
    name: string;
    fronts: InventoryLoadBalancerRow['fronts'];
    sticky: boolean;
    notes: string;
  }[];
}

export interface Report {
  reportVersion: typeof REPORT_VERSION;
  generatedAt: string;
  generatedBy: string;
  programVersion: string;
  /** null = the whole migration */
  phase: PhaseId | null;
  phonesMasked: boolean;
  migration: {
    id: string;
    name: string;
    tenant: string | null;
    tenantId: string | null;
    cloud: Cloud;
    cloudLabel: string;
    demo: boolean;
    createdAt: string;
    createdBy: string;
    current: { step: StepId; label: string; title: string; wave: string | null };
  };
  /** progress of every phase, also when the report covers one phase */
  progress: { phase: PhaseId; title: string; done: number; total: number }[];
  phases: ReportPhase[];
  overrides: ReportOverride[];
  openItems: ReportOpenItem[];
  warnings: ReportWarning[];
  /** in the report when it covers preparations (step 1) or everything */
  inventory: ReportInventory | null;
  /** in the report when it covers migrations or everything */
  waves: ReportWave[] | null;
  exceptions: (ReportWho & { upn: string; reason: string })[] | null;
  /** in the report when it covers finalize, rollback or everything */
  federationChanges: (ReportWho & { domain: string; from: string | null; to: string })[] | null;
  /** writes to the tenant from the audit log; null when not read or not in this phase */
  tenantWrites: ReportTenantWrite[] | null;
}

export interface ReportTenantWrite extends ReportWho {
  method: string;
  path: string;
  /** HTTP status; 0 when no answer arrived */
  status: number;
  requestId: string | null;
  /** JSON of the request body, secrets removed */
  body: string | null;
  error: string | null;
}
