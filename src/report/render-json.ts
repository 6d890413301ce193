// Report -> JSON. The shape is the Report interface (report-model.ts), versioned by `reportVersion`;
// keys come out in a fixed order because buildReport always builds them in the same order.
import type { Report } from './report-model.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
