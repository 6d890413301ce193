// The derived facts the report and `status` need, taken from state/selectors.ts so that the screens,
// `status` and the report count progress and open items the same way.
import { isWaveStep, phaseOf, stepsOfPhase } from '../../state/ids.js';
import type { Migration, StepId, StepState, StepStatus } from '../../state/model.js';
import {
  openItems as selectOpenItems,
  warnings as selectWarnings,
  stepStatus,
} from '../../state/selectors.js';
import type { ReportOpenItem, ReportWarning } from './report-model.js';

export { phaseProgress } from '../../state/selectors.js';
export { isWaveStep, stepsOfPhase };

/** Status of a step; for per-wave steps derived from the waves (none -> pending). */
export function derivedStepStatus(m: Migration, id: StepId): StepStatus {
  return stepStatus(m, { step: id });
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
  return selectOpenItems(m).map(({ ref: _ref, ...item }) => item);
}

/** Warnings as of `now` (the report's generation time), with the phase they belong to. */
export function warnings(m: Migration, now: Date): ReportWarning[] {
  return selectWarnings(m, now.toISOString()).map((w) => ({
    code: w.code,
    phase: w.ref ? phaseOf(w.ref.step) : null,
    step: w.ref?.step ?? null,
    wave: w.ref?.wave === undefined ? null : (m.waves.find((x) => x.id === w.ref?.wave)?.name ?? w.ref.wave),
    text: w.text,
  }));
}
