// The guide's content as data. Screens and reports read it from here.
// PLACEHOLDER CONTENT: being written by the catalogue work; the exported names and shapes are fixed.
import {
  type Cloud,
  DISPOSITIONS,
  PHASES,
  type PhaseId,
  SERVICE_KINDS,
  STEP_IDS,
  type StepId,
} from '../model.js';
import type { ChecklistItemDef, EndUserCheckDef, MappingDef, PhaseDef, StepDef } from './types.js';

const PHASE_OF: Record<StepId, PhaseId> = Object.fromEntries(
  STEP_IDS.map((id, i) => [
    id,
    i < 4 ? 'preparations' : i < 8 ? 'migrations' : i < 12 ? 'finalize' : 'rollback',
  ]),
) as Record<StepId, PhaseId>;

export const PHASE_DEFS: PhaseDef[] = PHASES.map((id) => ({ id, title: id, summary: '' }));
export const STEP_DEFS: StepDef[] = STEP_IDS.map((id, i) => ({
  id,
  label: i < 12 ? String(i + 1) : `R${i - 11}`,
  phase: PHASE_OF[id],
  title: id,
  perWave: id === 'migrate-users' || id === 'validate',
  optional: id === 'disable-portal',
  summary: [],
  checklist: [],
  evidencePrompts: [],
}));
export function stepDef(id: StepId): StepDef {
  return STEP_DEFS.find((s) => s.id === id)!;
}
export function phaseDef(id: PhaseId): PhaseDef {
  return PHASE_DEFS.find((p) => p.id === id)!;
}
export const METHOD_MAPPINGS: MappingDef[] = [];
export const PORTAL_MAPPINGS: MappingDef[] = [];
export const END_USER_CHECKS: EndUserCheckDef[] = [];
export const NPS_CHECKLIST: ChecklistItemDef[] = [];
export const DISPOSITION_LABELS = Object.fromEntries(DISPOSITIONS.map((d) => [d, d])) as Record<
  (typeof DISPOSITIONS)[number],
  string
>;
export const SERVICE_KIND_LABELS = Object.fromEntries(SERVICE_KINDS.map((d) => [d, d])) as Record<
  (typeof SERVICE_KINDS)[number],
  string
>;
export const CLOUD_LABELS: Record<Cloud, string> = {
  global: 'Global',
  gcc: 'US Gov GCC',
  gcchigh: 'US Gov GCC High',
  dod: 'US Gov DoD',
  china: 'China (21Vianet)',
};
