// Pure derivations for screens, `status` and reports. Anything that can be computed from the stored
// migration is computed here, never stored, so the screens, the report and the CLI agree.
import { phaseDef, stepDef } from './catalogue/index.js';
import type { Refusal } from './events.js';
import {
  FEDERATION_PROPAGATION_HOURS,
  hoursBetween,
  pendingStepRefusals,
  STALE_BACKUP_HOURS,
} from './guards.js';
import { FORWARD_STEP_IDS, isWaveStep, phaseOf, refKey, stepLabel, stepsOfPhase, waveById } from './ids.js';
import {
  END_USER_CHECK_IDS,
  type Migration,
  PHASES,
  type PhaseId,
  type RootState,
  STEP_IDS,
  type StepId,
  type StepRef,
  type StepState,
  type StepStatus,
  type WaveStepId,
} from './model.js';
import { groupLabel, sharedGroups } from './validation.js';

export { waveById };

const FINISHED: readonly StepStatus[] = ['done', 'skipped'];

/** A skipped step (with its reason) needs no more work, like a done one. */
export function isFinished(status: StepStatus): boolean {
  return FINISHED.includes(status);
}

export function currentMigration(root: RootState): Migration | undefined {
  const id = root.lastMigrationId;
  return id === undefined ? undefined : root.migrations[id];
}

/** The catalogue's title for a step; the id while the catalogue has none. */
export function stepTitle(step: StepId): string {
  return stepDef(step)?.title || step;
}

/**
 * Status of a per-wave step across waves: no waves -> pending; any blocked -> blocked; every wave
 * done or skipped -> done (skipped if none is done); any started -> in-progress.
 */
export function waveStepStatus(m: Migration, step: WaveStepId): StepStatus {
  const statuses = m.waves.map((w) => w.steps[step].status);
  if (statuses.length === 0) return 'pending';
  if (statuses.includes('blocked')) return 'blocked';
  if (statuses.every(isFinished)) return statuses.includes('done') ? 'done' : 'skipped';
  if (statuses.some((s) => s !== 'pending')) return 'in-progress';
  return 'pending';
}

/** What a ref shows: a wave's own status, the derived status of a per-wave step, or the step's. */
export function stepStatus(m: Migration, ref: StepRef): StepStatus {
  if (isWaveStep(ref.step)) {
    if (ref.wave === undefined) return waveStepStatus(m, ref.step);
    return waveById(m, ref.wave)?.steps[ref.step].status ?? 'pending';
  }
  return m.steps[ref.step]?.status ?? 'pending';
}

/** done = steps done or skipped; total = steps in the phase (per-wave steps count once). */
export function phaseProgress(m: Migration, phase: PhaseId): { done: number; total: number } {
  const steps = stepsOfPhase(phase);
  const done = steps.filter((s) => isFinished(stepStatus(m, { step: s }))).length;
  return { done, total: steps.length };
}

/** Every concrete step the admin works on: per-wave steps once per wave, in the order shown. */
export function stepRefs(m: Migration): StepRef[] {
  return STEP_IDS.flatMap((step): StepRef[] =>
    isWaveStep(step) ? m.waves.map((w) => ({ step, wave: w.id })) : [{ step }],
  );
}

/** Human name of a ref for messages and reports: "5 Migrate user data (Pilot)". */
export function describeRef(m: Migration, ref: StepRef): string {
  const base = `${stepLabel(ref.step)} ${stepTitle(ref.step)}`;
  if (ref.wave === undefined) return base;
  return `${base} (${waveById(m, ref.wave)?.name ?? ref.wave})`;
}

// ---- navigator ----

/** Same shape as screens/step-navigator.tsx's NavigatorRow (state must not import screens). */
export interface NavigatorRow {
  kind: 'phase' | 'step' | 'wave';
  key: string;
  label: string;
  title: string;
  status?: StepStatus;
  note?: string;
  progress?: { done: number; total: number };
  ref?: StepRef;
}

function statusNote(s: StepState | undefined): { note?: string } {
  if (!s) return {};
  if ((s.status === 'blocked' || s.status === 'skipped') && s.reason) return { note: s.reason };
  return {};
}

/** Phases, their steps, and under each per-wave step one row per wave. */
export function navigatorRows(m: Migration): NavigatorRow[] {
  const rows: NavigatorRow[] = [];
  for (const phase of PHASES) {
    rows.push({
      kind: 'phase',
      key: `phase:${phase}`,
      label: '',
      title: phaseDef(phase)?.title || phase,
      progress: phaseProgress(m, phase),
    });
    for (const step of stepsOfPhase(phase)) {
      const ref: StepRef = { step };
      if (isWaveStep(step)) {
        rows.push({
          kind: 'step',
          key: refKey(ref),
          label: stepLabel(step),
          title: stepTitle(step),
          status: waveStepStatus(m, step),
          ...(m.waves.length === 0 ? { note: 'no waves yet' } : {}),
          ref,
        });
        for (const w of m.waves) {
          const wref: StepRef = { step, wave: w.id };
          const s = w.steps[step];
          rows.push({
            kind: 'wave',
            key: refKey(wref),
            label: '',
            title: w.name,
            status: s.status,
            ...statusNote(s),
            ref: wref,
          });
        }
      } else {
        const s = m.steps[step];
        rows.push({
          kind: 'step',
          key: refKey(ref),
          label: stepLabel(step),
          title: stepTitle(step),
          status: s?.status ?? 'pending',
          ...statusNote(s),
          ref,
        });
      }
    }
  }
  return rows;
}

// ---- open items ----

export type OpenItemKind =
  | 'step-pending'
  | 'step-blocked'
  | 'checklist'
  | 'service'
  | 'wave-unverified'
  | 'test-check';

/** One thing still to do. Superset of the report's ReportOpenItem: `wave` is the wave's name. */
export interface OpenItem {
  kind: OpenItemKind;
  phase: PhaseId;
  step: StepId;
  stepLabel: string;
  wave: string | null;
  /** where the admin goes to deal with it */
  ref: StepRef;
  text: string;
}

/**
 * What is still open, in step order: pending and blocked steps, unchecked checklist items of steps
 * that are not finished, services not done, waves with unverified users, test checks pending or
 * failed. Rollback steps count only once a rollback has started (untouched they are not work).
 */
export function openItems(m: Migration): OpenItem[] {
  const items: OpenItem[] = [];
  const item = (kind: OpenItemKind, ref: StepRef, text: string): OpenItem => ({
    kind,
    phase: phaseOf(ref.step),
    step: ref.step,
    stepLabel: stepLabel(ref.step),
    wave: ref.wave === undefined ? null : (waveById(m, ref.wave)?.name ?? ref.wave),
    ref,
    text,
  });
  for (const step of STEP_IDS) {
    if (phaseOf(step) === 'rollback' && stepStatus(m, { step }) === 'pending') continue;
    const title = stepTitle(step);
    if (isWaveStep(step) && m.waves.length === 0) {
      items.push(item('step-pending', { step }, `${title}: no wave yet`));
      continue;
    }
    const instances: { ref: StepRef; state: StepState | undefined; where: string }[] = isWaveStep(step)
      ? m.waves.map((w) => ({ ref: { step, wave: w.id }, state: w.steps[step], where: ` (${w.name})` }))
      : [{ ref: { step }, state: m.steps[step], where: '' }];
    for (const { ref, state, where } of instances) {
      const status = state?.status ?? 'pending';
      if (isFinished(status)) continue;
      if (status === 'pending') items.push(item('step-pending', ref, `${title}${where} not started`));
      if (status === 'blocked') {
        items.push(
          item('step-blocked', ref, `${title}${where} blocked: ${state?.reason ?? 'no reason given'}`),
        );
      }
      for (const c of stepDef(step)?.checklist ?? []) {
        if (state?.checklist[c.id]?.checked !== true)
          items.push(item('checklist', ref, `${title}${where}: ${c.text}`));
      }
    }
  }
  for (const s of m.inventory.services) {
    if (s.status === 'done' || s.disposition === 'retire') continue;
    const host = s.host ? ` on ${s.host}` : '';
    items.push(
      item(
        'service',
        { step: 'dependencies' },
        `${s.kind.toUpperCase()} ${s.name}${host}: ${s.status} (${s.disposition})`,
      ),
    );
  }
  for (const w of m.waves) {
    const { members, verified } = w.counts;
    if (members !== undefined && (verified ?? 0) < members) {
      const missing = members - (verified ?? 0);
      items.push(
        item(
          'wave-unverified',
          { step: 'migrate-users', wave: w.id },
          `${w.name}: ${missing} of ${members} users not verified in Entra`,
        ),
      );
    }
    for (const u of w.testUsers) {
      for (const check of END_USER_CHECK_IDS) {
        const result = u.checks[check]?.result ?? 'pending';
        if (result === 'pending' || result === 'fail') {
          items.push(
            item(
              'test-check',
              { step: 'validate', wave: w.id },
              `${w.name}: test user ${u.upn}, check ${check}: ${result}`,
            ),
          );
        }
      }
    }
  }
  return items;
}

// ---- warnings ----

export type WarningCode =
  | 'backup-stale'
  | 'rollout-same-group'
  | 'rollout-without-migration'
  | 'federation-propagating'
  | 'counts-inconsistent';

export interface Warning {
  code: WarningCode;
  /** one line: what, why, what to do */
  text: string;
  ref?: StepRef;
}

/** Things that are allowed (or were overridden) but deserve a look. `now` is ISO-8601, from the caller. */
export function warnings(m: Migration, now: string): Warning[] {
  const out: Warning[] = [];
  const backup = m.steps.backup;
  const update = m.steps.update;
  // Staleness matters only until the install starts: after that, the pre-update backup is the one to keep.
  if (backup?.status === 'done' && update?.status !== 'done' && update?.status !== 'in-progress') {
    const age = hoursBetween(backup.doneAt, now);
    if (!(age <= STALE_BACKUP_HOURS)) {
      const old = Number.isNaN(age) ? 'of unknown age' : `${Math.floor(age)} hours old`;
      out.push({
        code: 'backup-stale',
        text: `The backup is ${old}: back up the data file again right before installing the update.`,
        ref: { step: 'backup' },
      });
    }
  }
  for (const w of m.waves) {
    const shared = sharedGroups(w);
    if (shared.length > 0) {
      out.push({
        code: 'rollout-same-group',
        text: `Wave "${w.name}": ${shared.map((g) => `"${groupLabel(g)}"`).join(', ')} is both a migration and a rollout group; users may reach Entra MFA before their methods are synced.`,
        ref: { step: 'validate', wave: w.id },
      });
    }
    const validate = w.steps.validate.status;
    if ((validate === 'in-progress' || validate === 'done') && w.steps['migrate-users'].status !== 'done') {
      out.push({
        code: 'rollout-without-migration',
        text: `Wave "${w.name}": staged rollout started before its user data migration is done; users may lack their methods in Entra.`,
        ref: { step: 'validate', wave: w.id },
      });
    }
    const { members, migrated, verified } = w.counts;
    if (
      (members !== undefined && migrated !== undefined && migrated > members) ||
      (migrated !== undefined && verified !== undefined && verified > migrated)
    ) {
      out.push({
        code: 'counts-inconsistent',
        text: `Wave "${w.name}": counts do not add up (members ${members ?? '?'}, migrated ${migrated ?? '?'}, verified ${verified ?? '?'}); count again.`,
        ref: { step: 'migrate-users', wave: w.id },
      });
    }
  }
  const fed = m.steps.federation;
  if (fed?.status === 'done') {
    const age = hoursBetween(fed.doneAt, now);
    if (age < FEDERATION_PROPAGATION_HOURS) {
      out.push({
        code: 'federation-propagating',
        text: `The federation change was made ${Math.floor(Math.max(age, 0))} hours ago; it takes up to 24 hours to reach every sign-in.`,
        ref: { step: 'federation' },
      });
    }
  }
  return out;
}

// ---- guards and the way forward ----

/**
 * The refusals moving `ref` to `target` would meet now (overrides already recorded on the step are
 * taken into account) — so a screen can show a guard before the admin presses done.
 */
export function guardsFor(m: Migration, ref: StepRef, target: StepStatus, now: string): Refusal[] {
  if (isWaveStep(ref.step) && ref.wave === undefined) return [];
  return pendingStepRefusals({ migration: m, ref, target, at: now });
}

/**
 * Where to go next: the first step of 1-12 that is not finished (for per-wave steps, the first wave
 * that is not; the waves overview when there are no waves). Undefined when all are finished.
 */
export function nextStep(m: Migration): StepRef | undefined {
  for (const step of FORWARD_STEP_IDS) {
    if (isWaveStep(step)) {
      if (m.waves.length === 0) return { step };
      const w = m.waves.find((x) => !isFinished(x.steps[step].status));
      if (w) return { step, wave: w.id };
      continue;
    }
    if (!isFinished(m.steps[step]?.status ?? 'pending')) return { step };
  }
  return undefined;
}
