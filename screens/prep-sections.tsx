// Sections that run the Preparations steps' checks (probe, CSV, backup, Graph checks). Owned by the
// preparations UI; step-view merges them after its own sections.
import type { StepId } from '../state/model.js';
import type { SectionDef } from './step-page.js';

export const PREP_SECTIONS: Partial<Record<StepId, SectionDef[]>> = {};
