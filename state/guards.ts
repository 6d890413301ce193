// The guards of design §2: where the guide says "only after", the state machine refuses and says why.
// Every guard is overridable with a written reason (recorded for the change board). Each guard is a
// pure function of the migration, the step ref, the target status and the event time.
import type { Refusal } from './events.js';
import { phaseOf, stepLabel, stepStateAt, waveById } from './ids.js';
import type { GroupRef, GuardId, Migration, StepRef, StepStatus } from './model.js';
import { groupLabel, sharedGroups } from './validation.js';

const HOUR_MS = 3_600_000;
/** Backups older than this miss recent changes to the data file; federation changes take this long. */
export const STALE_BACKUP_HOURS = 24;
export const FEDERATION_PROPAGATION_HOURS = 24;

export interface GuardInput {
  migration: Migration;
  ref: StepRef;
  target: StepStatus;
  /** event time, ISO-8601: the guards never read the clock */
  at: string;
}

type StepGuard = (input: GuardInput) => Refusal | null;

function refuse(code: GuardId, message: string): Refusal {
  return { code, message, overridable: true };
}

/** Hours from `from` to `to`; NaN when either is not a time (callers treat NaN as "cannot tell"). */
export function hoursBetween(from: string | undefined, to: string): number {
  if (from === undefined) return Number.NaN;
  return (Date.parse(to) - Date.parse(from)) / HOUR_MS;
}

function formatHours(h: number): string {
  return h >= 48 ? `${Math.floor(h / 24)} days` : `${Math.floor(h)} hours`;
}

function statusOf(m: Migration, ref: StepRef): StepStatus {
  return stepStateAt(m, ref)?.status ?? 'pending';
}

function waveName(m: Migration, waveId: string | undefined): string {
  return (waveId !== undefined && waveById(m, waveId)?.name) || waveId || '?';
}

export const backupRequired: StepGuard = ({ migration: m, ref }) => {
  if (ref.step !== 'update' || statusOf(m, { step: 'backup' }) === 'done') return null;
  return refuse(
    'backup-required',
    `Install the update only after a backup: step ${stepLabel('backup')} is not done. The 8.1 update changes the data file and an older backup is the only way back.`,
  );
};

export const backupStale: StepGuard = ({ migration: m, ref, at }) => {
  if (ref.step !== 'update') return null;
  const backup = m.steps.backup;
  if (backup?.status !== 'done') return null; // backup-required speaks for that case
  // Age matters when the install starts; an update already under way may be finished the next day.
  if (m.steps.update?.status === 'in-progress') return null;
  const age = hoursBetween(backup.doneAt, at);
  if (age <= STALE_BACKUP_HOURS) return null;
  const old = Number.isNaN(age) ? 'of unknown age' : `${formatHours(age)} old`;
  return refuse(
    'backup-stale',
    `The backup of step ${stepLabel('backup')} is ${old}: reopen step ${stepLabel('backup')} and back up the data file again, or a restore would lose every change made since.`,
  );
};

export const utilityRequired: StepGuard = ({ migration: m, ref }) => {
  if (ref.step !== 'migrate-users' || statusOf(m, { step: 'utility' }) === 'done') return null;
  return refuse(
    'utility-required',
    `Migrate user data only after step ${stepLabel('utility')} is done: the Migration Utility must be configured and consented before it can copy anything.`,
  );
};

export const rolloutNeedsMigrated: StepGuard = ({ migration: m, ref }) => {
  if (ref.step !== 'validate') return null;
  if (ref.wave !== undefined && statusOf(m, { step: 'migrate-users', wave: ref.wave }) === 'done')
    return null;
  return refuse(
    'rollout-needs-migrated',
    `Wave "${waveName(m, ref.wave)}": finish step ${stepLabel('migrate-users')} before staged rollout, or its users are sent to Entra MFA before their methods are there.`,
  );
};

export const federationNeedsUsers: StepGuard = ({ migration: m, ref }) => {
  if (ref.step !== 'federation' || statusOf(m, { step: 'complete' }) === 'done') return null;
  return refuse(
    'federation-needs-users',
    `Change federation only after step ${stepLabel('complete')} is done: every user must be migrated or have an exception recorded, or they lose MFA.`,
  );
};

export const federationNeedsDependencies: StepGuard = ({ migration: m, ref }) => {
  if (ref.step !== 'federation' || statusOf(m, { step: 'dependencies' }) === 'done') return null;
  const open = m.inventory.services.filter((s) => s.disposition !== 'retire' && s.status !== 'done');
  if (open.length === 0) return null;
  const names = open.map((s) => s.name);
  const shown =
    names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return refuse(
    'federation-needs-dependencies',
    `Change federation only after every authentication service is migrated (step ${stepLabel('dependencies')}): ${shown} still open; they would lose MFA.`,
  );
};

export const decommissionNeeds24h: StepGuard = ({ migration: m, ref, at }) => {
  if (ref.step !== 'decommission') return null;
  const fed = m.steps.federation;
  if (fed?.status !== 'done') {
    return refuse(
      'decommission-needs-24h',
      `Decommission only after step ${stepLabel('federation')} is done: until the federation change, sign-ins still use MFA Server.`,
    );
  }
  const age = hoursBetween(fed.doneAt, at);
  if (age >= FEDERATION_PROPAGATION_HOURS) return null;
  const since = Number.isNaN(age) ? 'at an unknown time' : `${formatHours(Math.max(age, 0))} ago`;
  return refuse(
    'decommission-needs-24h',
    `Step ${stepLabel('federation')} was done ${since}: wait 24 hours after it before decommissioning, the federation change takes that long to reach every sign-in.`,
  );
};

export const rollbackNeedsUpdate: StepGuard = ({ migration: m, ref }) => {
  if (phaseOf(ref.step) !== 'rollback') return null;
  const update = statusOf(m, { step: 'update' });
  if (update === 'in-progress' || update === 'done') return null;
  return refuse(
    'rollback-needs-update',
    `Rollback applies from step ${stepLabel('update')} on: the update has not been started, so there is nothing to roll back yet.`,
  );
};

/** In the order refusals are reported (the first refusing guard is the one shown). */
const STEP_GUARDS: readonly StepGuard[] = [
  backupRequired,
  backupStale,
  utilityRequired,
  rolloutNeedsMigrated,
  federationNeedsUsers,
  federationNeedsDependencies,
  decommissionNeeds24h,
  rollbackNeedsUpdate,
];

/** Statuses whose arrival the guards check; skipping or blocking a step is always allowed. */
export function isGuardedTarget(status: StepStatus): boolean {
  return status === 'in-progress' || status === 'done';
}

/** Every guard that refuses moving `ref` to `target` at time `at`, first one first. */
export function stepGuardRefusals(input: GuardInput): Refusal[] {
  if (!isGuardedTarget(input.target)) return [];
  return STEP_GUARDS.map((g) => g(input)).filter((r): r is Refusal => r !== null);
}

/**
 * An override written for a step stands until the step is reopened, so that moving the same step on
 * from in-progress to done does not ask for the same reason twice.
 */
export function hasStandingOverride(m: Migration, ref: StepRef, guard: GuardId): boolean {
  const history = stepStateAt(m, ref)?.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const what = history[i]?.what;
    if (what === 'reopened') return false;
    if (what === overrideHistoryWhat(guard)) return true;
  }
  return false;
}

export function overrideHistoryWhat(guard: GuardId): string {
  return `override ${guard}`;
}

/** The refusals that still apply: those the guards raise minus those overridden earlier for this step. */
export function pendingStepRefusals(input: GuardInput): Refusal[] {
  return stepGuardRefusals(input).filter(
    (r) =>
      r.code === 'invalid' ||
      r.code === 'not-found' ||
      !hasStandingOverride(input.migration, input.ref, r.code),
  );
}

/** On set-wave-groups: a rollout group that is also a migration group of the same wave. */
export function rolloutSameGroup(
  m: Migration,
  waveId: string,
  groups: { migrationGroups: GroupRef[]; rolloutGroups: GroupRef[] },
): Refusal | null {
  const shared = sharedGroups(groups);
  if (shared.length === 0) return null;
  const names = shared.map((g) => `"${groupLabel(g)}"`).join(', ');
  return refuse(
    'rollout-same-group',
    `Wave "${waveName(m, waveId)}": ${names} is both a migration and a rollout group; users could reach Entra MFA before the utility syncs them. Use a separate rollout group.`,
  );
}
