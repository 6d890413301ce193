// Step 6: the staged-rollout plan. Pure: given what Graph says about the MFA rollout policy and the
// groups, decide exactly which writes are needed — none when they are already in place, so a retry
// after a crash never creates a second policy or adds a group twice — and refuse what Entra would
// refuse or what would send users to Entra MFA before their methods are there.
import type { Cloud, GuardId } from './model.js';

export const MAX_ROLLOUT_GROUPS = 10;
export const MAX_GROUP_USERS = 50_000;
/** The portal warns that a first add of more than 200 users may time out. */
export const LARGE_FIRST_ADD = 200;

export interface RolloutGroupFacts {
  id: string;
  displayName: string;
  isDynamic: boolean;
  /** direct members that are groups (staged rollout does not expand nested groups) */
  nestedGroupCount: number;
  contactCount: number;
  userCount: number;
  /** users not synced from on-premises AD: staged rollout does not affect them */
  cloudOnlyCount: number;
  /** the wave's members are verified as migrated (step 5 done) */
  membersMigrated: boolean;
  /** the same group is a migration-utility group of the wave */
  isMigrationGroup: boolean;
}

export interface ExistingPolicy {
  id: string;
  isEnabled: boolean;
  groupIds: string[];
}

export interface RolloutContext {
  cloud: Cloud;
  /** app-only sign-in cannot manage staged rollout: there is no application permission */
  delegated: boolean;
  policy: ExistingPolicy | null;
  /** guard overrides the admin wrote, per group */
  overrides: { groupId: string; guard: GuardId; reason: string }[];
}

export type RolloutAction =
  | { kind: 'create-policy'; displayName: string }
  | { kind: 'enable-policy'; policyId: string }
  | { kind: 'add-group'; groupId: string; displayName: string }
  | { kind: 'remove-group'; groupId: string; displayName: string }
  | { kind: 'disable-policy'; policyId: string };

export interface RolloutRefusal {
  groupId?: string;
  code: GuardId | 'invalid';
  message: string;
  overridable: boolean;
}

export interface RolloutPlan {
  actions: RolloutAction[];
  refusals: RolloutRefusal[];
  warnings: string[];
  /** groups asked for that are already in the policy (nothing to do) */
  alreadyApplied: string[];
}

export const ROLLOUT_POLICY_NAME = 'MFA Server migration (mfa-migrate)';

export function planRollout(
  ctx: RolloutContext,
  add: RolloutGroupFacts[],
  remove: { id: string; displayName: string }[] = [],
): RolloutPlan {
  const plan: RolloutPlan = { actions: [], refusals: [], warnings: [], alreadyApplied: [] };
  if (ctx.cloud === 'china') {
    plan.refusals.push({
      code: 'invalid',
      overridable: false,
      message:
        'Staged rollout does not exist in the China (21Vianet) cloud: move users with the federation change instead.',
    });
    return plan;
  }
  if (!ctx.delegated) {
    plan.refusals.push({
      code: 'invalid',
      overridable: false,
      message:
        'Staged rollout accepts only a signed-in admin (delegated); app-only sign-in cannot change it. Sign in as a Hybrid Identity Administrator.',
    });
    return plan;
  }
  const inPolicy = new Set(ctx.policy?.groupIds ?? []);
  const overridden = (groupId: string, guard: GuardId) =>
    ctx.overrides.some((o) => o.groupId === groupId && o.guard === guard && o.reason.trim() !== '');
  const toAdd: RolloutGroupFacts[] = [];
  for (const g of add) {
    if (inPolicy.has(g.id)) {
      plan.alreadyApplied.push(g.displayName);
      continue;
    }
    const refuse = (message: string) =>
      plan.refusals.push({ groupId: g.id, code: 'invalid', overridable: false, message });
    if (g.isDynamic)
      refuse(`${g.displayName} is a dynamic group; staged rollout takes only assigned groups.`);
    else if (g.nestedGroupCount > 0)
      refuse(
        `${g.displayName} contains ${g.nestedGroupCount} nested group(s); staged rollout does not expand them. Use a flat group.`,
      );
    else if (g.contactCount > 0)
      refuse(
        `${g.displayName} contains ${g.contactCount} contact(s), which block staged rollout. Remove them.`,
      );
    else if (g.userCount > MAX_GROUP_USERS)
      refuse(
        `${g.displayName} has ${g.userCount.toLocaleString('en-US')} users; staged rollout takes at most 50,000 per group. Split it.`,
      );
    else if (g.isMigrationGroup && !overridden(g.id, 'rollout-same-group')) {
      plan.refusals.push({
        groupId: g.id,
        code: 'rollout-same-group',
        overridable: true,
        message: `${g.displayName} is also the migration group: users could reach Entra MFA before the utility synced them. Use a separate group.`,
      });
    } else if (!g.membersMigrated && !overridden(g.id, 'rollout-needs-migrated')) {
      plan.refusals.push({
        groupId: g.id,
        code: 'rollout-needs-migrated',
        overridable: true,
        message: `${g.displayName}: the wave's members are not verified as migrated; they would be asked for MFA methods Entra does not have yet.`,
      });
    } else toAdd.push(g);
  }
  const removeIds = new Set(remove.filter((r) => inPolicy.has(r.id)).map((r) => r.id));
  const total = inPolicy.size - removeIds.size + toAdd.length;
  if (total > MAX_ROLLOUT_GROUPS) {
    plan.refusals.push({
      code: 'invalid',
      overridable: false,
      message: `That makes ${total} groups; staged rollout allows at most ${MAX_ROLLOUT_GROUPS} per feature. Remove some first.`,
    });
    return plan;
  }
  if (toAdd.length > 0 && !ctx.policy)
    plan.actions.push({ kind: 'create-policy', displayName: ROLLOUT_POLICY_NAME });
  if (toAdd.length > 0 && ctx.policy && !ctx.policy.isEnabled)
    plan.actions.push({ kind: 'enable-policy', policyId: ctx.policy.id });
  for (const r of remove)
    if (removeIds.has(r.id))
      plan.actions.push({ kind: 'remove-group', groupId: r.id, displayName: r.displayName });
  for (const g of toAdd) {
    plan.actions.push({ kind: 'add-group', groupId: g.id, displayName: g.displayName });
    if (g.userCount > LARGE_FIRST_ADD)
      plan.warnings.push(
        `${g.displayName}: a first add of ${g.userCount} users (over ${LARGE_FIRST_ADD}) can take a while; the wizard reads back until it shows.`,
      );
    if (g.cloudOnlyCount > 0)
      plan.warnings.push(
        `${g.displayName}: ${g.cloudOnlyCount} cloud-only user(s) are not affected by staged rollout.`,
      );
  }
  if (plan.actions.some((a) => a.kind === 'add-group' || a.kind === 'remove-group')) {
    plan.warnings.push('Membership changes take up to 24 hours to reach every sign-in.');
  }
  return plan;
}

/** Turning the MFA rollout off (a safe partial rollback). */
export function planRolloutOff(policy: ExistingPolicy | null): RolloutAction[] {
  return policy?.isEnabled ? [{ kind: 'disable-policy', policyId: policy.id }] : [];
}
