// What every section inside a step receives from the step page.
import type { StepRef } from '../state/model.js';

export interface SectionProps {
  stepRef: StepRef;
  /** false while the page shows a modal (refusal, reason prompt): the section ignores keys */
  active: boolean;
  /** rows the section may draw, including its own key-hint line at the bottom */
  height: number;
  width: number;
}
