import { describe, expect, it } from 'vitest';
import {
  planRollout,
  planRolloutOff,
  type RolloutContext,
  type RolloutGroupFacts,
} from '../../state/rollout-plan.js';

const group = (id: string, over: Partial<RolloutGroupFacts> = {}): RolloutGroupFacts => ({
  id,
  displayName: `G-${id}`,
  isDynamic: false,
  nestedGroupCount: 0,
  contactCount: 0,
  userCount: 50,
  cloudOnlyCount: 0,
  membersMigrated: true,
  isMigrationGroup: false,
  ...over,
});
const ctx = (over: Partial<RolloutContext> = {}): RolloutContext => ({
  cloud: 'global',
  delegated: true,
  policy: null,
  overrides: [],
  ...over,
});

describe('planRollout', () => {
  it('creates the policy once and adds the group when none exists', () => {
    const p = planRollout(ctx(), [group('a')]);
    expect(p.actions.map((a) => a.kind)).toEqual(['create-policy', 'add-group']);
    expect(p.refusals).toEqual([]);
    expect(p.warnings).toContain('Membership changes take up to 24 hours to reach every sign-in.');
  });
  it('is idempotent: a group already in the existing policy needs no write', () => {
    const p = planRollout(ctx({ policy: { id: 'p1', isEnabled: true, groupIds: ['a'] } }), [group('a')]);
    expect(p.actions).toEqual([]);
    expect(p.alreadyApplied).toEqual(['G-a']);
  });
  it('re-enables a disabled policy rather than creating a second one', () => {
    const p = planRollout(ctx({ policy: { id: 'p1', isEnabled: false, groupIds: [] } }), [group('b')]);
    expect(p.actions.map((a) => a.kind)).toEqual(['enable-policy', 'add-group']);
  });
  it('refuses China and app-only sign-in outright', () => {
    expect(planRollout(ctx({ cloud: 'china' }), [group('a')]).refusals[0]?.message).toMatch(/China/);
    expect(planRollout(ctx({ delegated: false }), [group('a')]).refusals[0]?.message).toMatch(/delegated/);
  });
  it('refuses dynamic, nested, contacts and oversized groups (not overridable)', () => {
    const p = planRollout(ctx(), [
      group('d', { isDynamic: true }),
      group('n', { nestedGroupCount: 2 }),
      group('c', { contactCount: 1 }),
      group('big', { userCount: 50_001 }),
    ]);
    expect(p.actions).toEqual([]);
    expect(p.refusals.map((r) => [r.groupId, r.overridable])).toEqual([
      ['d', false],
      ['n', false],
      ['c', false],
      ['big', false],
    ]);
    expect(p.refusals[3]?.message).toMatch(/50,001 users/);
  });
  it('refuses the migration group and unmigrated members unless overridden with a reason', () => {
    const g = [group('m', { isMigrationGroup: true }), group('u', { membersMigrated: false })];
    const p = planRollout(ctx(), g);
    expect(p.refusals.map((r) => r.code)).toEqual(['rollout-same-group', 'rollout-needs-migrated']);
    const o = planRollout(
      ctx({
        overrides: [
          { groupId: 'm', guard: 'rollout-same-group', reason: 'pilot of 3 IT users' },
          { groupId: 'u', guard: 'rollout-needs-migrated', reason: ' ' },
        ],
      }),
      g,
    );
    expect(o.actions.map((a) => a.kind)).toEqual(['create-policy', 'add-group']);
    expect(o.refusals.map((r) => r.groupId)).toEqual(['u']);
  });
  it('enforces at most 10 groups, counting removals', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `g${i}`);
    const policy = { id: 'p', isEnabled: true, groupIds: ids };
    expect(planRollout(ctx({ policy }), [group('x')]).refusals[0]?.message).toMatch(/11 groups/);
    const swap = planRollout(ctx({ policy }), [group('x')], [{ id: 'g0', displayName: 'G0' }]);
    expect(swap.actions.map((a) => a.kind)).toEqual(['remove-group', 'add-group']);
  });
  it('warns about a large first add and cloud-only users', () => {
    const p = planRollout(ctx(), [group('a', { userCount: 201, cloudOnlyCount: 3 })]);
    expect(p.warnings.join('\n')).toMatch(/201 users[\s\S]*3 cloud-only/);
  });
  it('turning off only writes when the policy is on', () => {
    expect(planRolloutOff(null)).toEqual([]);
    expect(planRolloutOff({ id: 'p', isEnabled: false, groupIds: [] })).toEqual([]);
    expect(planRolloutOff({ id: 'p', isEnabled: true, groupIds: [] })).toEqual([
      { kind: 'disable-policy', policyId: 'p' },
    ]);
  });
});
