// Shapes of the guide's content. The content itself is data (steps.ts, mappings.ts, ...) so that the
// screens and the report read one source.
import type { EndUserCheckId, PhaseId, StepId } from '../model.js';

export interface ChecklistItemDef {
  /** stable id: answers are stored under it, so never renumber */
  id: string;
  /** what to do or confirm, one line */
  text: string;
  /** why it matters, shown under the item when selected */
  why?: string;
}

export interface StepDef {
  id: StepId;
  /** "1".."12" for the guide's steps, "R1".. for rollback */
  label: string;
  phase: PhaseId;
  title: string;
  /** done once per wave (steps 5 and 6) */
  perWave: boolean;
  optional: boolean;
  /** what to do and why, in our own words; a few short paragraphs */
  summary: string[];
  checklist: ChecklistItemDef[];
  /** what the admin should record as evidence, shown as hints */
  evidencePrompts: string[];
}

export interface PhaseDef {
  id: PhaseId;
  title: string;
  summary: string;
}

/** One row of the guide's mapping tables (MFA methods, User portal settings). */
export interface MappingDef {
  id: string;
  feature: string;
  area: string;
  entraAction: string;
  actionNeeded: boolean;
}

export interface EndUserCheckDef {
  id: EndUserCheckId;
  label: string;
  text: string;
}
