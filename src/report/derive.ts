// Derived facts the report and `status` need: wave-step status, phase progress, open items.
// state/selectors.ts is the shared home for these (written in parallel); until the report can import
// it, they are computed here with the same rules (design §2) so status, report and screens agree.
import { stepDef } from '../../state/catalogue/index.js';
import {
  END_USER_CHECK_IDS,
  type Migration,
  type PhaseId,
  STEP_IDS,
  type StepId,
  type StepState,
  type StepStatus,
  WAVE_STEP_IDS,
  type WaveStepId,
} from '../../state/model.js';
import type { ReportOpenItem } from './report-model.js';

export function isWaveStep(id: StepId): id is WaveStepId {
  return (WAVE_STEP_IDS as readonly StepId[]).includes(id);
}

const FINISHED: readonly StepStatus[] = ['done', 'skipped'];

/** Status of a step; for per-wave steps derived from the waves (none -> pending). */
export function derivedStepStatus(m: Migration, id: StepId): StepStatus {
  if (!isWaveStep(id)) return m.steps[id]?.status ?? 'pending';
  const statuses = m.waves.map((w) => w.steps[id].status);
  if (statuses.length === 0) return 'pending';
  if (statuses.some((s) => s === 'blocked')) return 'blocked';
  if (statuses.every((s) => FINISHED.includes(s)))
    return statuses.some((s) => s === 'done') ? 'done' : 'skipped';
  if (statuses.some((s) => s !== 'pending')) return 'in-progress';
  return 'pending';
}

export function stepsOfPhase(phase: PhaseId): StepId[] {
  return STEP_IDS.filter((id) => stepDef(id).phase === phase);
}

/** done = steps done or skipped (a skipped step needs no more work); total = steps in the phase. */
export function phaseProgress(m: Migration, phase: PhaseId): { done: number; total: number } {
  const steps = stepsOfPhase(phase);
  const done = steps.filter((id) => FINISHED.includes(derivedStepStatus(m, id))).length;
  return { done, total: steps.length };
}

/** Every concrete step state with the wave it belongs to (per-wave steps once per wave). */
export function stepInstances(
  m: Migration,
  id: StepId,
): { wave: { id: string; name: string } | null; state: StepState | undefined }[] {
  if (!isWaveStep(id)) return [{ wave: null, state: m.steps[id] }];
  return m.waves.map((w) => ({ wave: { id: w.id, name: w.name }, state: w.steps[id] }));
}

/** What is still open, per phase and step — what a change board asks about. */
export function openItems(m: Migration): ReportOpenItem[] {
  const items: ReportOpenItem[] = [];
  for (const id of STEP_IDS) {
    const def = stepDef(id);
    const base = { phase: def.phase, step: id, stepLabel: def.label };
    // The rollback phase is only work when a rollback has started; untouched it is not "open".
    const rollbackUntouched = def.phase === 'rollback' && derivedStepStatus(m, id) === 'pending';
    if (rollbackUntouched) continue;
    if (isWaveStep(id) && m.waves.length === 0) {
      items.push({ ...base, wave: null, kind: 'step-pending', text: `${def.title}: no wave yet` });
      continue;
    }
    for (const { wave, state } of stepInstances(m, id)) {
      const where = wave ? ` (${wave.name})` : '';
      const status = state?.status ?? 'pending';
      const item = { ...base, wave: wave?.name ?? null };
      if (status === 'skipped') continue;
      if (status === 'blocked') {
        items.push({
          ...item,
          kind: 'step-blocked',
          text: `${def.title}${where} blocked: ${state?.reason ?? ''}`,
        });
      } else if (status === 'pending') {
        items.push({ ...item, kind: 'step-pending', text: `${def.title}${where} not started` });
      }
      if (status === 'done') continue;
      for (const c of def.checklist) {
        if (state?.checklist[c.id]?.checked !== true) {
          items.push({ ...item, kind: 'checklist', text: `${def.title}${where}: ${c.text}` });
        }
      }
    }
  }
  for (const s of m.inventory.services) {
    if (s.disposition !== 'retire' && s.status !== 'done') {
      const def = stepDef('dependencies');
      items.push({
        phase: def.phase,
        step: 'dependencies',
        stepLabel: def.label,
        wave: null,
        kind: 'service',
        text: `${s.kind.toUpperCase()} ${s.name}${s.host ? ` on ${s.host}` : ''}: ${s.status} (${s.disposition})`,
      });
    }
  }
  const validate = stepDef('validate');
  const migrate = stepDef('migrate-users');
  for (const w of m.waves) {
    const { members, verified } = w.counts;
    if (members !== undefined && (verified ?? 0) < members) {
      items.push({
        phase: migrate.phase,
        step: 'migrate-users',
        stepLabel: migrate.label,
        wave: w.name,
        kind: 'wave-unverified',
        text: `${w.name}: ${members - (verified ?? 0)} of ${members} users not verified in Entra`,
      });
    }
    for (const u of w.testUsers) {
      for (const check of END_USER_CHECK_IDS) {
        const result = u.checks[check]?.result ?? 'pending';
        if (result === 'pending' || result === 'fail') {
          items.push({
            phase: validate.phase,
            step: 'validate',
            stepLabel: validate.label,
            wave: w.name,
            kind: 'test-check',
            text: `${w.name}: test user ${u.upn}, check ${check}: ${result}`,
          });
        }
      }
    }
  }
  return items;
}
