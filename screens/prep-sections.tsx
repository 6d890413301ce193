// Sections that run the Preparations steps' checks (probe, CSV, backup, Graph checks). Owned by the
// preparations UI; step-view merges them after its own sections.
import type { StepId } from '../state/model.js';
import { PrepBackup } from './prep-backup.js';
import { PrepCsv } from './prep-csv.js';
import { PrepMethodsCheck } from './prep-methods-check.js';
import { PrepProbe } from './prep-probe.js';
import { PrepRestore } from './prep-restore.js';
import { PrepUpdate } from './prep-update.js';
import { PrepUtility } from './prep-utility.js';
import type { SectionDef } from './step-page.js';

export const PREP_SECTIONS: Partial<Record<StepId, SectionDef[]>> = {
  inventory: [
    { id: 'probe', label: 'Probe', render: (p) => <PrepProbe {...p} /> },
    { id: 'csv', label: 'CSV', render: (p) => <PrepCsv {...p} /> },
    { id: 'graph-check', label: 'Graph check', render: (p) => <PrepMethodsCheck {...p} /> },
  ],
  backup: [{ id: 'run-backup', label: 'Run backup', render: (p) => <PrepBackup {...p} /> }],
  update: [{ id: 'versions', label: 'Versions', render: (p) => <PrepUpdate {...p} /> }],
  utility: [{ id: 'utility-check', label: 'Utility check', render: (p) => <PrepUtility {...p} /> }],
  'rb-restore': [{ id: 'restore', label: 'Restore', render: (p) => <PrepRestore {...p} /> }],
};
