// Rollback undoes what the wizard did and only that: derived from its audit log and the state, with
// the plain warning first; applied against the emulator it leaves others' changes alone.
import { afterEach, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../src/audit/audit-log.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { applyFederationChange, planFederation } from '../../src/federation/federation.js';
import {
  applyFederationRollback,
  applyRemoveGroups,
  applyRolloutOff,
} from '../../src/rollback/rollback-apply.js';
import { buildRollbackPlan, ROLLBACK_WARNING } from '../../src/rollback/rollback-plan.js';
import { applyRolloutPlan, planWaveRollout } from '../../src/waves/rollout.js';
import { type Harness, startHarness } from '../graph/graph-harness.js';
import { setupWave } from '../waves/wave-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('rollback', () => {
  it('is derived from the audit log and the state, and touches only what the wizard changed', async () => {
    const tenant = generateTenant({ users: 300, seed: 2 });
    h = await startHarness({ tenant });
    const graph = h.graph;
    const w = setupWave(tenant);
    w.store.dispatch(w.store.stamp({ type: 'set-wave-counts', waveId: 'w1', members: 5, migrated: 5 }));

    // what the wizard did: staged rollout for the wave's group, and fabrikam.com's federation
    const { plan } = await planWaveRollout(graph, w.migration(), w.wave());
    expect((await applyRolloutPlan(graph, plan)).allConfirmed).toBe(true);
    const fed = await planFederation(graph, ['fabrikam.com'], { caGateOverridden: false, attestations: {} });
    const change = fed.plan.changes[0];
    if (!change) throw new Error('no federation change planned');
    const applied = await applyFederationChange(graph, change, 'fabrikam.com');
    if (!applied.ok) throw new Error(applied.message);
    const { domain, from, to } = applied.change;
    expect(w.store.dispatch(w.store.stamp({ type: 'record-federation-change', domain, from, to })).ok).toBe(
      true,
    );

    // what someone else did in the portal
    const policy = tenant.rolloutPolicies.find((p) => p.feature === 'multiFactorAuthentication');
    policy?.appliesTo.push(tenant.wellKnown.pilotGroupId);
    const contoso = tenant.domains.find((d) => d.id === 'contoso.com')?.federation;
    if (contoso) contoso.federatedIdpMfaBehavior = 'rejectMfaByFederatedIdp';

    const audit = await readAuditLog(h.auditFile);
    const rb = buildRollbackPlan(w.migration(), audit);
    expect(rb.warning).toBe(ROLLBACK_WARNING);
    expect(rb.warning).toMatch(/2024-09-30/);
    expect(rb.partial.map((i) => i.id)).toEqual([
      `remove-group:${tenant.wellKnown.rolloutGroupId}`,
      'rollout-off',
    ]);
    expect(rb.derivedFrom.policyCreatedByWizard).toBe(true);
    const fedItem = rb.full.find((i) => i.kind === 'federation-enforce');
    expect(fedItem && 'domains' in fedItem ? fedItem.domains : []).toEqual(['fabrikam.com']);
    expect(rb.full.map((i) => i.kind)).toEqual([
      'restore-data-file',
      'reinstall-checklist',
      'federation-enforce',
      'rollout-off',
      'methods-lost',
    ]);

    // partial: the wizard's group out, the pilot group someone else added stays
    const removed = await applyRemoveGroups(graph, rb.partial);
    expect(removed.allConfirmed).toBe(true);
    expect(removed.readBack?.groupIds).toEqual([tenant.wellKnown.pilotGroupId]);
    const off = await applyRolloutOff(graph);
    expect(off.readBack?.isEnabled).toBe(false);

    // full, federation part: refused without the typed name, then only fabrikam.com is set back
    const patchesBefore = h.emu.requestLog.filter((e) => e.method === 'PATCH').length;
    const refused = await applyFederationRollback(graph, w.migration(), {});
    expect(refused.applied).toEqual([]);
    expect(refused.skipped.map((s) => s.domain)).toEqual(['fabrikam.com']);
    const done = await applyFederationRollback(graph, w.migration(), { 'fabrikam.com': 'fabrikam.com' });
    expect(done.applied.map((c) => [c.domain, c.from, c.to])).toEqual([
      ['fabrikam.com', 'rejectMfaByFederatedIdp', 'enforceMfaByFederatedIdp'],
    ]);
    const patches = h.emu.requestLog.filter((e) => e.method === 'PATCH').slice(patchesBefore);
    expect(patches.map((p) => p.path)).toEqual([expect.stringContaining('/domains/fabrikam.com/')]);
    expect(contoso?.federatedIdpMfaBehavior).toBe('rejectMfaByFederatedIdp');

    // after the groups came out, a new plan offers nothing to remove
    const later = buildRollbackPlan(w.migration(), await readAuditLog(h.auditFile));
    expect(later.partial.filter((i) => i.kind === 'remove-group')).toEqual([]);
  });

  it('offers nothing for the tenant when the wizard changed nothing there', () => {
    const rb = buildRollbackPlan({ steps: {}, federationChanges: [] } as never, { entries: [] });
    expect(rb.partial).toEqual([]);
    expect(rb.full.map((i) => i.kind)).toEqual(['restore-data-file', 'reinstall-checklist', 'methods-lost']);
    const restore = rb.full[0];
    expect(restore?.kind === 'restore-data-file' && restore.backup).toBe(null);
  });

  it('restores from the backup taken before the update', () => {
    const backup = (takenAt: string) => ({
      id: `backup:${takenAt}`,
      kind: 'file-hash' as const,
      label: 'Backup',
      value: 'x',
      at: takenAt,
      by: 'a@b',
      data: {
        type: 'mfa-backup',
        origin: 'local',
        takenAt,
        server: 'mfa01',
        source: 'C:\\Data',
        destination: `D:\\b\\${takenAt.slice(0, 10)}`,
        dataFileSha256: 'ab'.repeat(32),
        files: [],
        totalBytes: 1,
        installer: 'D:\\MultiFactorAuthenticationServerSetup64.exe',
        version: '8.0.1.1',
      },
    });
    const steps = {
      backup: {
        status: 'done',
        checklist: {},
        notes: '',
        history: [],
        evidence: [backup('2026-10-01T00:00:00Z'), backup('2026-10-20T00:00:00Z')],
      },
      update: {
        status: 'done',
        checklist: {},
        notes: '',
        history: [],
        evidence: [],
        doneAt: '2026-10-02T00:00:00Z',
      },
    };
    const rb = buildRollbackPlan({ steps, federationChanges: [] } as never, { entries: [] });
    const restore = rb.full[0];
    expect(restore?.kind === 'restore-data-file' ? restore.backup?.takenAt : undefined).toBe(
      '2026-10-01T00:00:00Z',
    );
    const reinstall = rb.full[1];
    expect(reinstall?.kind === 'reinstall-checklist' ? reinstall.checklist.join(' ') : '').toContain(
      'MultiFactorAuthenticationServerSetup64.exe',
    );
  });
});

describe('removing a group when the answer is lost', () => {
  it('confirms the removal by reading back', async () => {
    const tenant = generateTenant({ users: 300, seed: 2 });
    tenant.rolloutPolicies.push({
      id: '00000000-0000-4000-8000-0000000000c3',
      displayName: 'MFA Server migration (mfa-migrate)',
      description: null,
      feature: 'multiFactorAuthentication',
      isEnabled: true,
      isAppliedToOrganization: false,
      appliesTo: [tenant.wellKnown.rolloutGroupId, tenant.wellKnown.pilotGroupId],
    });
    let drops = 0;
    h = await startHarness({
      tenant,
      faults: {
        dropConnectionOn: (req) => {
          if (req.method === 'DELETE' && drops === 0) {
            drops++;
            return 'after';
          }
          return false;
        },
      },
    });
    const r = await applyRemoveGroups(h.graph, [
      {
        id: `remove-group:${tenant.wellKnown.rolloutGroupId}`,
        kind: 'remove-group',
        safe: true,
        groupId: tenant.wellKnown.rolloutGroupId,
        title: 'Remove MFA Rollout - Wave 1',
        addedAt: '2026-11-01T00:00:00Z',
        uncertain: false,
      },
    ]);
    expect(drops).toBe(1);
    expect(r.allConfirmed).toBe(true);
    expect(r.readBack?.groupIds).toEqual([tenant.wellKnown.pilotGroupId]);
  });
});
