// Staged rollout pre-checks (each one), the existing policy found through the Prefer header, and a
// dropped connection after a $ref write was applied: never a second policy, never a group twice.
import { afterEach, describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import type { GeneratedTenant } from '../../src/emulator/tenant-types.js';
import { createGraphClient } from '../../src/graph/client.js';
import { applyRolloutPlan, planWaveRollout } from '../../src/waves/rollout.js';
import { ROLLOUT_POLICY_NAME } from '../../state/rollout-plan.js';
import { type Harness, startHarness } from '../graph/graph-harness.js';
import { setupWave } from './wave-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const OVERRIDE = 'members verified by hand';

async function planFor(tenant: GeneratedTenant, rolloutGroup: string, opts: { migrated?: boolean } = {}) {
  h ??= await startHarness({ tenant });
  const w = setupWave(tenant, { rolloutGroups: [{ name: rolloutGroup }] });
  if (opts.migrated !== false) {
    const r = w.store.dispatch(
      w.store.stamp({ type: 'set-wave-counts', waveId: 'w1', members: 10, migrated: 10, verified: 10 }),
    );
    expect(r.ok).toBe(true);
  }
  return { w, result: await planWaveRollout(h.graph, w.migration(), w.wave()) };
}

function addGroup(tenant: GeneratedTenant, id: string, displayName: string, users: [number, number]) {
  tenant.groups.set(id, {
    id,
    displayName,
    description: null,
    groupTypes: [],
    membershipRule: null,
    membershipRuleProcessingState: null,
    securityEnabled: true,
    mailEnabled: false,
    mailNickname: displayName.replace(/\W/g, ''),
    onPremisesSyncEnabled: true,
    createdDateTime: '2024-01-01T00:00:00Z',
    members: { userRanges: [users], groups: [], contacts: [] },
  });
}

describe('staged rollout pre-checks', () => {
  it('refuses a dynamic group', async () => {
    const { result } = await planFor(generateTenant({ users: 300, seed: 1 }), 'All Enabled Users (dynamic)');
    expect(result.plan.refusals[0]?.message).toMatch(/dynamic/);
    expect(result.plan.actions).toEqual([]);
  });

  it('refuses a group with nested groups', async () => {
    const { result } = await planFor(generateTenant({ users: 300, seed: 1 }), 'MFA Wave 1 - Sales');
    expect(result.facts[0]?.nestedGroupCount).toBe(1);
    expect(result.plan.refusals[0]?.message).toMatch(/nested group/);
  });

  it('refuses a group with contacts', async () => {
    const { result } = await planFor(generateTenant({ users: 300, seed: 1 }), 'Helpdesk & Partners');
    expect(result.facts[0]?.contactCount).toBe(2);
    expect(result.plan.refusals[0]?.message).toMatch(/contact/);
  });

  it('refuses a group of more than 50,000 users', async () => {
    const tenant = generateTenant({ users: 50_100, seed: 1 });
    addGroup(tenant, '00000000-0000-4000-8000-0000000000b1', 'Everyone Big', [1, 50_050]);
    const { result } = await planFor(tenant, 'Everyone Big');
    expect(result.facts[0]?.userCount).toBe(50_049);
    expect(result.plan.refusals[0]?.message).toMatch(/at most 50,000/);
  }, 30_000);

  it('refuses an 11th group', async () => {
    const tenant = generateTenant({ users: 300, seed: 1 });
    const ids = Array.from(
      { length: 10 },
      (_, i) => `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
    );
    for (const [i, id] of ids.entries()) addGroup(tenant, id, `Earlier wave ${i}`, [1, 3]);
    tenant.rolloutPolicies.push({
      id: '00000000-0000-4000-8000-0000000000c1',
      displayName: ROLLOUT_POLICY_NAME,
      description: null,
      feature: 'multiFactorAuthentication',
      isEnabled: true,
      isAppliedToOrganization: false,
      appliesTo: ids,
    });
    const { result } = await planFor(tenant, 'MFA Rollout - Wave 1');
    expect(result.policy?.groupIds).toHaveLength(10);
    expect(result.plan.refusals[0]?.message).toMatch(/at most 10/);
  });

  it('warns about a first add above 200 users and about cloud-only members', async () => {
    const { result } = await planFor(generateTenant({ users: 3000, seed: 1 }), 'MFA Rollout - Wave 1');
    expect(result.facts[0]?.userCount).toBe(300);
    expect(result.plan.refusals).toEqual([]);
    const text = result.plan.warnings.join('\n');
    expect(text).toMatch(/over 200/);
    expect(text).toMatch(/cloud-only user\(s\) are not affected/);
    expect(result.facts[0]?.cloudOnlyCount).toBeGreaterThan(0);
  });

  it('refuses the migration group itself unless overridden with a reason', async () => {
    const tenant = generateTenant({ users: 300, seed: 1, nestedGroups: false });
    h = await startHarness({ tenant });
    const w = setupWave(tenant, {
      rolloutGroups: [{ name: 'MFA Migration - Wave 1' }],
      sameGroupReason: OVERRIDE,
    });
    w.store.dispatch(w.store.stamp({ type: 'set-wave-counts', waveId: 'w1', members: 5, migrated: 5 }));
    // without the override the state records, it is refused (overridable)
    const bare = await planWaveRollout(h.graph, { ...w.migration(), overrides: [] }, w.wave());
    expect(bare.plan.refusals.map((r) => [r.code, r.overridable])).toEqual([['rollout-same-group', true]]);
    // the override recorded with the wave's groups carries over to the plan
    expect(w.migration().overrides.map((o) => o.guard)).toEqual(['rollout-same-group']);
    const overridden = await planWaveRollout(h.graph, w.migration(), w.wave());
    expect(overridden.plan.refusals).toEqual([]);
    expect(overridden.plan.actions.map((a) => a.kind)).toEqual(['create-policy', 'add-group']);
  });

  it('refuses a group whose members are not verified as migrated', async () => {
    const { result } = await planFor(generateTenant({ users: 300, seed: 1 }), 'MFA Rollout - Wave 1', {
      migrated: false,
    });
    expect(result.plan.refusals.map((r) => r.code)).toEqual(['rollout-needs-migrated']);
  });

  it('refuses app-only sign-in and the China cloud without reading the rollout policies', async () => {
    const tenant = generateTenant({ users: 300, seed: 1 });
    h = await startHarness({ tenant });
    const w = setupWave(tenant);
    const appOnly = createGraphClient({
      credential: h.credential,
      cloud: 'global',
      baseUrl: h.emu.url,
      scopes: ['https://graph.microsoft.com/.default'],
      signInKind: 'application',
    });
    const a = await planWaveRollout(appOnly, w.migration(), w.wave());
    expect(a.plan.refusals[0]?.message).toMatch(/delegated/);
    const c = await planWaveRollout(h.graph, { ...w.migration(), cloud: 'china' }, w.wave());
    expect(c.plan.refusals[0]?.message).toMatch(/China/);
    expect(h.emu.requestLog.filter((e) => e.path.includes('featureRolloutPolicies'))).toEqual([]);
  });

  it('finds the existing MFA policy (Prefer header) and adds to it instead of creating a second', async () => {
    const tenant = generateTenant({ users: 300, seed: 1 });
    tenant.rolloutPolicies.push({
      id: '00000000-0000-4000-8000-0000000000c2',
      displayName: 'MFA pilot (made in the portal)',
      description: null,
      feature: 'multiFactorAuthentication',
      isEnabled: false,
      isAppliedToOrganization: false,
      appliesTo: [],
    });
    const { result } = await planFor(tenant, 'MFA Rollout - Wave 1');
    expect(result.policy?.id).toBe('00000000-0000-4000-8000-0000000000c2');
    expect(result.plan.actions.map((a) => a.kind)).toEqual(['enable-policy', 'add-group']);
    const applied = await applyRolloutPlan(h!.graph, result.plan);
    expect(applied.allConfirmed).toBe(true);
    expect(applied.createdPolicy).toBe(false);
    expect(tenant.rolloutPolicies.filter((p) => p.feature === 'multiFactorAuthentication')).toHaveLength(1);
  });
});

describe('a dropped connection after a write was applied', () => {
  it('confirms the $ref add by reading back and never adds the group twice', async () => {
    const tenant = generateTenant({ users: 300, seed: 1 });
    let drops = 0;
    h = await startHarness({
      tenant,
      faults: {
        dropConnectionOn: (req) => {
          if (req.method === 'POST' && req.path.endsWith('/appliesTo/$ref') && drops === 0) {
            drops++;
            return 'after';
          }
          return false;
        },
      },
    });
    const w = setupWave(tenant);
    w.store.dispatch(w.store.stamp({ type: 'set-wave-counts', waveId: 'w1', members: 5, migrated: 5 }));
    const { plan } = await planWaveRollout(h.graph, w.migration(), w.wave());
    expect(plan.actions.map((a) => a.kind)).toEqual(['create-policy', 'add-group']);
    const applied = await applyRolloutPlan(h.graph, plan);
    expect(drops).toBe(1);
    expect(applied.allConfirmed).toBe(true);
    const refPosts = () =>
      h!.emu.requestLog.filter((e) => e.method === 'POST' && e.path.endsWith('/appliesTo/$ref'));
    expect(refPosts()).toHaveLength(1);
    const mfa = tenant.rolloutPolicies.filter((p) => p.feature === 'multiFactorAuthentication');
    expect(mfa).toHaveLength(1);
    expect(mfa[0]?.appliesTo).toEqual([tenant.wellKnown.rolloutGroupId]);

    // the admin retries after the scare (or after a crash): nothing is sent twice
    const again = await applyRolloutPlan(h.graph, plan);
    expect(again.actions.every((a) => a.outcome === 'already-in-place')).toBe(true);
    expect(refPosts()).toHaveLength(1);
    expect(
      h.emu.requestLog.filter((e) => e.method === 'POST' && /featureRolloutPolicies$/.test(e.path)),
    ).toHaveLength(1);
  });
});

describe('a crash in the middle of an apply', () => {
  it('re-plans from a fresh read: the policy made before the crash is reused, the group added once', async () => {
    const tenant = generateTenant({ users: 300, seed: 1 });
    h = await startHarness({ tenant });
    const w = setupWave(tenant);
    w.store.dispatch(w.store.stamp({ type: 'set-wave-counts', waveId: 'w1', members: 5, migrated: 5 }));
    const first = await planWaveRollout(h.graph, w.migration(), w.wave());
    expect(first.plan.actions.map((a) => a.kind)).toEqual(['create-policy', 'add-group']);
    // the process died right after the policy was created
    const partial = await applyRolloutPlan(h.graph, {
      ...first.plan,
      actions: first.plan.actions.slice(0, 1),
    });
    expect(partial.createdPolicy).toBe(true);

    // next start: plan again from what the tenant now says, and apply
    const second = await planWaveRollout(h.graph, w.migration(), w.wave());
    expect(second.policy?.groupIds).toEqual([]);
    expect(second.plan.actions.map((a) => a.kind)).toEqual(['add-group']);
    // even the stale first plan would not create a second policy
    const applied = await applyRolloutPlan(h.graph, first.plan);
    expect(applied.actions.map((a) => [a.action.kind, a.outcome])).toEqual([
      ['create-policy', 'already-in-place'],
      ['add-group', 'applied'],
    ]);
    expect(applied.allConfirmed).toBe(true);
    const posts = h.emu.requestLog.filter(
      (e) => e.method === 'POST' && e.path.includes('featureRolloutPolicies'),
    );
    expect(posts.map((p) => p.path.replace(/[0-9a-f-]{36}/, 'ID'))).toEqual([
      '/v1.0/policies/featureRolloutPolicies',
      '/v1.0/policies/featureRolloutPolicies/ID/appliesTo/$ref',
    ]);
  });
});
