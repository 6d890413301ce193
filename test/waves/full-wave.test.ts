// A whole wave against the emulator over real HTTP: group -> members -> preview -> the admin runs the
// utility -> verification -> staged-rollout plan -> apply -> read back.
import { afterEach, describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { findMfaRolloutPolicies } from '../../src/graph/operations/rollout.js';
import { enumerateMembers, readMembers } from '../../src/waves/enumerate-members.js';
import { acceptPreview, importPreviewCsv } from '../../src/waves/preview-wave.js';
import type { Progress } from '../../src/waves/progress.js';
import { resolveGroupRef } from '../../src/waves/resolve-group.js';
import { applyRolloutPlan, planWaveRollout } from '../../src/waves/rollout.js';
import { PHONES_MASKED_REASON, verifyWave } from '../../src/waves/verify-wave.js';
import { type Harness, startHarness } from '../graph/graph-harness.js';
import { memberIds, previewCsvFor, setupWave } from './wave-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a full wave, from group to staged rollout', () => {
  it('enumerates, previews, verifies, plans, applies and reads back', async () => {
    const tenant = generateTenant({ users: 400, seed: 7, nestedGroups: true });
    h = await startHarness({ tenant });
    const w = setupWave(tenant);
    const graph = h.graph;

    // step 5: the migration group, by name, with nested groups
    const resolved = await resolveGroupRef(graph, w.wave().migrationGroups[0] ?? {});
    expect(resolved.kind).toBe('found');
    if (resolved.kind !== 'found') return;
    expect(resolved.group.id).toBe(tenant.wellKnown.migrationGroupId);
    const progress: Progress[] = [];
    const members = await enumerateMembers(graph, w.files, resolved.group, {
      pageSize: 7,
      onProgress: (p) => progress.push(p),
    });
    const expectedIds = memberIds(tenant, tenant.wellKnown.migrationGroupId);
    expect(members.totals.users).toBe(expectedIds.length);
    expect(members.totals.synced + members.totals.cloudOnly).toBe(members.totals.users);
    const seen: string[] = [];
    for await (const m of readMembers(w.files)) seen.push(m.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expectedIds].sort());
    // the progress bar knew its total from the group's $count
    expect(progress.at(-1)).toMatchObject({
      done: expectedIds.length,
      total: expectedIds.length,
      etaSeconds: 0,
    });
    expect(progress.length).toBe(Math.ceil(expectedIds.length / 7));

    // sync preview from the admin's CSV
    const imported = importPreviewCsv(previewCsvFor(tenant, expectedIds));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.errors).toEqual([]);
    await acceptPreview(w.files, imported.previews);

    // before the utility ran: nothing (or little) is migrated
    const before = await verifyWave(graph, w.files);
    expect(before.pass).toBe(1);
    expect(before.complete).toBe(false);

    // the admin runs the utility
    tenant.migrateUsers(expectedIds);
    const after = await verifyWave(graph, w.files);
    expect(after.pass).toBe(2);
    // phones come back masked: the demo admin is not a Privileged Authentication Administrator
    expect(after.phonesMasked).toBe(true);
    expect(after.maskedReason).toBe(PHONES_MASKED_REASON);
    const withProfile = expectedIds.filter((id) => tenant.findUser(id)?.mfaServer).length;
    expect(after.coverage.migrated).toBeGreaterThanOrEqual(withProfile);
    expect(after.counts.members).toBe(expectedIds.length);
    expect(after.counts.verified).toBe(expectedIds.length);

    // record the counts as the screen would
    const r = w.store.dispatch(w.store.stamp({ type: 'set-wave-counts', waveId: 'w1', ...after.counts }));
    expect(r.ok).toBe(true);

    // step 6: plan. Not every member is migrated (some never enrolled): refused unless overridden
    const refused = await planWaveRollout(graph, w.migration(), w.wave());
    expect(refused.plan.refusals.map((x) => x.code)).toEqual(['rollout-needs-migrated']);
    expect(refused.facts[0]?.id).toBe(tenant.wellKnown.rolloutGroupId);

    const planned = await planWaveRollout(graph, w.migration(), w.wave(), {
      overrides: [
        {
          groupId: tenant.wellKnown.rolloutGroupId,
          guard: 'rollout-needs-migrated',
          reason: 'users without MFA Server data register in Entra',
        },
      ],
    });
    expect(planned.plan.refusals).toEqual([]);
    expect(planned.plan.actions.map((a) => a.kind)).toEqual(['create-policy', 'add-group']);
    expect(planned.plan.warnings.join(' ')).toMatch(/24 hours/);

    const applied = await applyRolloutPlan(graph, planned.plan);
    expect(applied.allConfirmed).toBe(true);
    expect(applied.createdPolicy).toBe(true);
    expect(applied.readBack?.groupIds).toEqual([tenant.wellKnown.rolloutGroupId]);
    expect(applied.readBack?.isEnabled).toBe(true);

    // read back independently, and a second apply of the same plan writes nothing
    const policies = await findMfaRolloutPolicies(graph);
    expect(policies).toHaveLength(1);
    const writesBefore = h.emu.requestLog.filter(
      (e) => e.method !== 'GET' && !e.path.includes('$batch'),
    ).length;
    const again = await applyRolloutPlan(graph, planned.plan);
    expect(again.actions.every((a) => a.outcome === 'already-in-place' && a.confirmed)).toBe(true);
    const writesAfter = h.emu.requestLog.filter(
      (e) => e.method !== 'GET' && !e.path.includes('$batch'),
    ).length;
    expect(writesAfter).toBe(writesBefore);
    expect(await findMfaRolloutPolicies(graph)).toHaveLength(1);
  });
});
