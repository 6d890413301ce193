// Sections that read and write the tenant for steps 8-12 and rollback (coverage, federation, rollback
// plans). Owned by the tenant UI; step-view merges them after its own sections.
import type { StepId } from '../state/model.js';
import type { SectionDef } from './step-page.js';
import { TenantCoverage } from './tenant-coverage.js';
import { TenantFederation } from './tenant-federation.js';
import { TenantRollback } from './tenant-rollback.js';
import { WaveTenantMembers } from './wave-tenant-members.js';
import { WaveTenantPreview } from './wave-tenant-preview.js';
import { WaveTenantRollout } from './wave-tenant-rollout.js';
import { WaveTenantVerify } from './wave-tenant-verify.js';

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
  'migrate-users': [
    { id: 'members', label: 'Members', render: (p) => <WaveTenantMembers {...p} /> },
    { id: 'preview', label: 'Preview', render: (p) => <WaveTenantPreview {...p} /> },
    { id: 'verify', label: 'Verify', render: (p) => <WaveTenantVerify {...p} /> },
  ],
  validate: [{ id: 'rollout', label: 'Staged rollout', render: (p) => <WaveTenantRollout {...p} /> }],
};
