// Step status as a plain word for reports and `status` (never a glyph or a colour alone): the
// catalogue's labels, so the screens say the same.
import { STATUS_LABELS } from '../../state/catalogue/index.js';

export const STATUS_WORDS = STATUS_LABELS;
