// Step status as a plain word for reports and `status`: never a glyph or a colour alone.
import type { StepStatus } from '../../state/model.js';

export const STATUS_WORDS: Record<StepStatus, string> = {
  pending: 'pending',
  'in-progress': 'in progress',
  done: 'done',
  skipped: 'skipped',
  blocked: 'blocked',
};
