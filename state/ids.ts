// Facts about step ids and step refs that the reducer, guards and selectors share. These follow from
// the model's fixed step order (design §2), not from the guide's wording, so they live here rather
// than in the catalogue (which may still be changing).
import {
  type Migration,
  PHASES,
  type PhaseId,
  STEP_IDS,
  type StepId,
  type StepRef,
  type StepState,
  WAVE_STEP_IDS,
  type Wave,
  type WaveStepId,
} from './model.js';

/** Steps 1-4, 5-8, 9-12 of the guide, then the rollback's own steps. */
export const PHASE_OF_STEP: Readonly<Record<StepId, PhaseId>> = Object.fromEntries(
  STEP_IDS.map((id, i) => [
    id,
    i < 4 ? 'preparations' : i < 8 ? 'migrations' : i < 12 ? 'finalize' : 'rollback',
  ]),
) as Record<StepId, PhaseId>;

export function phaseOf(step: StepId): PhaseId {
  return PHASE_OF_STEP[step];
}

export function stepsOfPhase(phase: PhaseId): StepId[] {
  return STEP_IDS.filter((s) => PHASE_OF_STEP[s] === phase);
}

export function isPhaseId(value: string): value is PhaseId {
  return (PHASES as readonly string[]).includes(value);
}

export function isStepId(value: string): value is StepId {
  return (STEP_IDS as readonly string[]).includes(value);
}

export function isWaveStep(step: StepId): step is WaveStepId {
  return (WAVE_STEP_IDS as readonly StepId[]).includes(step);
}

/** "1".."12" for the guide's steps, "R1".. for rollback — what the admin sees next to a title. */
export function stepLabel(step: StepId): string {
  const i = STEP_IDS.indexOf(step);
  return i < 12 ? String(i + 1) : `R${i - 11}`;
}

/** Steps of the guide proper (1-12), in order; rollback steps are not part of the forward path. */
export const FORWARD_STEP_IDS: readonly StepId[] = STEP_IDS.filter((s) => PHASE_OF_STEP[s] !== 'rollback');

/** A stable string key for a ref, e.g. for React keys and maps: "validate@wave-1". */
export function refKey(ref: StepRef): string {
  return ref.wave === undefined ? ref.step : `${ref.step}@${ref.wave}`;
}

export function sameRef(a: StepRef, b: StepRef): boolean {
  return a.step === b.step && a.wave === b.wave;
}

export function waveById(m: Migration, waveId: string): Wave | undefined {
  return m.waves.find((w) => w.id === waveId);
}

/**
 * The stored state a ref points at: a wave's own step for per-wave steps with a wave, the top-level
 * entry otherwise (for per-wave steps without a wave that is only a placeholder — use the selectors'
 * derived status to show it). Undefined when the wave does not exist.
 */
export function stepStateAt(m: Migration, ref: StepRef): StepState | undefined {
  if (ref.wave !== undefined) {
    if (!isWaveStep(ref.step)) return undefined;
    return waveById(m, ref.wave)?.steps[ref.step];
  }
  return m.steps[ref.step];
}
