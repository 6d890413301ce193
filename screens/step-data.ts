// Small read helpers the step screens share: which step state a ref points at, words for statuses,
// and fresh ids for things the admin adds (the reducer is pure, so ids come in the event).

import { isWaveStep } from '../state/ids.js';
import type { Migration, StepRef, StepState, StepStatus, Wave } from '../state/model.js';

export { isWaveStep };

export function waveOf(m: Migration, waveId: string | undefined): Wave | undefined {
  return waveId === undefined ? undefined : m.waves.find((w) => w.id === waveId);
}

/** The stored state of one step: per-wave steps live in their wave. */
export function stepStateOf(m: Migration, ref: StepRef): StepState | undefined {
  if (isWaveStep(ref.step)) return waveOf(m, ref.wave)?.steps[ref.step];
  return m.steps[ref.step];
}

export function statusWord(status: StepStatus): string {
  return status === 'in-progress' ? 'in progress' : status;
}

export function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

/** "2026-11-25T14:50:48.123Z" -> "2026-11-25 14:50" (UTC, as recorded) */
export function shortTime(iso: string): string {
  return iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso;
}
