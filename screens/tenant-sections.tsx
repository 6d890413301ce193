// Sections that read and write the tenant for steps 8-12 and rollback (coverage, federation, rollback
// plans). Owned by the tenant UI; step-view merges them after its own sections.
import type { StepId } from '../state/model.js';
import type { SectionDef } from './step-page.js';
import { TenantCoverage } from './tenant-coverage.js';
import { TenantFederation } from './tenant-federation.js';
import { TenantRollback } from './tenant-rollback.js';
import { WaveTenantRollout } from './wave-tenant-rollout.js';
import { WaveTenantUsers } from './wave-tenant-users.js';

export const TENANT_SECTIONS: Partial<Record<StepId, SectionDef[]>> = {
  complete: [{ id: 'coverage', label: 'Coverage', render: (p) => <TenantCoverage {...p} /> }],
  federation: [{ id: 'tenant-federation', label: 'Tenant', render: (p) => <TenantFederation {...p} /> }],
  'rb-assess': [
    { id: 'rollback-plan', label: 'Rollback plan', render: (p) => <TenantRollback {...p} scope="assess" /> },
  ],
  'rb-staged-rollout': [
    {
      id: 'rollback-rollout',
      label: 'Tenant',
      render: (p) => <TenantRollback {...p} scope="staged-rollout" />,
    },
  ],
  'rb-federation': [
    {
      id: 'rollback-federation',
      label: 'Tenant',
      render: (p) => <TenantRollback {...p} scope="federation" />,
    },
  ],
};

/** Sections inside a wave's step 5 or 6 (members, preview, verification, staged rollout). */
export const WAVE_TENANT_SECTIONS: Partial<Record<'migrate-users' | 'validate', SectionDef[]>> = {
  // Labels are short on purpose: the tab row does not scroll, and at 80 columns every tab must show
  // (step 6 has room for two characters: "SR" is staged rollout, spelled out inside).
  'migrate-users': [{ id: 'entra-users', label: 'Entra users', render: (p) => <WaveTenantUsers {...p} /> }],
  validate: [{ id: 'rollout', label: 'SR', render: (p) => <WaveTenantRollout {...p} /> }],
};
