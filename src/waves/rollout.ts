// Step 6: staged rollout for a wave, two-phase. `planWaveRollout` reads everything the pre-checks
// need (each rollout group: dynamic? nested groups, contacts, users, cloud-only; the existing MFA
// policy, read with the Prefer header) and asks state/rollout-plan.ts what to do. `applyRolloutPlan`
// re-reads the policy first (so a retry after a crash skips what already happened), performs each
// remaining action, then reads the policy back and confirms each change is visible.
import type { FeatureRolloutPolicy } from '@microsoft/microsoft-graph-types';
import type { GuardId, Migration, Wave } from '../../state/model.js';
import {
  type ExistingPolicy,
  planRollout,
  planRolloutOff,
  ROLLOUT_POLICY_NAME,
  type RolloutAction,
  type RolloutGroupFacts,
  type RolloutPlan,
} from '../../state/rollout-plan.js';
import type { GraphClient } from '../graph/client.js';
import { GraphError } from '../graph/errors.js';
import { summariseDirectMembers } from '../graph/operations/members.js';
import {
  addRolloutGroup,
  createMfaRolloutPolicy,
  findMfaRolloutPolicies,
  getRolloutPolicy,
  removeRolloutGroup,
  updateRolloutPolicy,
} from '../graph/operations/rollout.js';
import { resolveGroupRef } from './resolve-group.js';

export interface WaveRolloutPlan {
  plan: RolloutPlan;
  facts: RolloutGroupFacts[];
  policy: ExistingPolicy | null;
  /** rollout groups that could not be resolved (not found / ambiguous): nothing is planned for them */
  unresolved: string[];
  /** e.g. more than one MFA rollout policy exists */
  notes: string[];
}

export function toExistingPolicy(p: FeatureRolloutPolicy): ExistingPolicy {
  return {
    id: p.id ?? '',
    isEnabled: p.isEnabled === true,
    groupIds: (p.appliesTo ?? []).map((o) => o.id ?? '').filter((id) => id !== ''),
  };
}

/** The MFA rollout policy (read with Prefer: include-unknown-enum-members), or null when none exists. */
export async function readMfaPolicy(
  graph: GraphClient,
): Promise<{ policy: ExistingPolicy | null; count: number }> {
  const found = await findMfaRolloutPolicies(graph);
  // prefer the wizard's own policy when someone made a second one by hand
  const ours = found.find((p) => p.displayName === ROLLOUT_POLICY_NAME) ?? found[0];
  return { policy: ours ? toExistingPolicy(ours) : null, count: found.length };
}

/** Members of the wave verified as migrated: step 5 done, or every counted member migrated. */
export function waveMembersMigrated(wave: Wave): boolean {
  if (wave.steps['migrate-users'].status === 'done') return true;
  const { members, migrated } = wave.counts;
  return members !== undefined && members > 0 && migrated === members;
}

export interface PlanWaveRolloutOptions {
  /** overrides written now, per group (the wave's recorded overrides are added automatically) */
  overrides?: { groupId: string; guard: GuardId; reason: string }[];
  /** groups of this wave to take out of staged rollout */
  remove?: { id: string; displayName: string }[];
  /** what the verification just found, when newer than the recorded counts */
  membersMigrated?: boolean;
}

export async function gatherRolloutFacts(
  graph: GraphClient,
  wave: Wave,
  membersMigrated: boolean,
): Promise<{ facts: RolloutGroupFacts[]; unresolved: string[] }> {
  const facts: RolloutGroupFacts[] = [];
  const unresolved: string[] = [];
  const migrationIds = new Set(wave.migrationGroups.map((g) => g.id).filter(Boolean));
  const migrationNames = new Set(
    wave.migrationGroups.map((g) => g.name?.trim().toLowerCase()).filter((n): n is string => Boolean(n)),
  );
  for (const ref of wave.rolloutGroups) {
    const r = await resolveGroupRef(graph, ref);
    if (r.kind !== 'found') {
      unresolved.push(r.message);
      continue;
    }
    const g = r.group;
    const s = await summariseDirectMembers(graph, g.id);
    facts.push({
      id: g.id,
      displayName: g.displayName,
      isDynamic: g.dynamic,
      nestedGroupCount: s.nestedGroups.length,
      contactCount: s.contacts.length,
      userCount: s.users,
      cloudOnlyCount: s.cloudOnlyUsers,
      membersMigrated,
      isMigrationGroup: migrationIds.has(g.id) || migrationNames.has(g.displayName.toLowerCase()),
    });
  }
  return { facts, unresolved };
}

export async function planWaveRollout(
  graph: GraphClient,
  migration: Pick<Migration, 'cloud' | 'overrides'>,
  wave: Wave,
  opts: PlanWaveRolloutOptions = {},
): Promise<WaveRolloutPlan> {
  const notes: string[] = [];
  const delegated = graph.signInKind !== 'application';
  // app-only and China are refused by the plan itself, before any rollout read is attempted
  if (!delegated || migration.cloud === 'china') {
    const plan = planRollout({ cloud: migration.cloud, delegated, policy: null, overrides: [] }, []);
    return { plan, facts: [], policy: null, unresolved: [], notes };
  }
  const membersMigrated = opts.membersMigrated ?? waveMembersMigrated(wave);
  const { facts, unresolved } = await gatherRolloutFacts(graph, wave, membersMigrated);
  const { policy, count } = await readMfaPolicy(graph);
  if (count > 1)
    notes.push(
      `${count} staged rollout policies for MFA exist; the wizard uses "${ROLLOUT_POLICY_NAME}" or the first.`,
    );
  const recorded = migration.overrides
    .filter(
      (o) => o.wave === wave.id && (o.guard === 'rollout-needs-migrated' || o.guard === 'rollout-same-group'),
    )
    .flatMap((o) => facts.map((f) => ({ groupId: f.id, guard: o.guard, reason: o.reason })));
  const plan = planRollout(
    { cloud: migration.cloud, delegated, policy, overrides: [...recorded, ...(opts.overrides ?? [])] },
    facts,
    opts.remove ?? [],
  );
  return { plan, facts, policy, unresolved, notes };
}

export type ActionOutcome = 'applied' | 'already-in-place';

export interface AppliedAction {
  action: RolloutAction;
  outcome: ActionOutcome;
  /** the read-back shows the change */
  confirmed: boolean;
}

export interface RolloutApplyResult {
  policyId: string | null;
  createdPolicy: boolean;
  actions: AppliedAction[];
  /** the policy as read back after the writes */
  readBack: ExistingPolicy | null;
  allConfirmed: boolean;
  at: string;
}

function visible(a: RolloutAction, p: ExistingPolicy | null): boolean {
  switch (a.kind) {
    case 'create-policy':
      return p !== null;
    case 'enable-policy':
      return p?.isEnabled === true;
    case 'disable-policy':
      return p !== null && !p.isEnabled;
    case 'add-group':
      return p?.groupIds.includes(a.groupId) === true;
    case 'remove-group':
      return p !== null && !p.groupIds.includes(a.groupId);
  }
}

/**
 * Applies a plan the admin confirmed. Refuses a plan with refusals. Idempotent: everything is
 * compared with a fresh read first, so running it again after a crash or a lost answer does nothing
 * twice (no second policy, no group added twice).
 */
export async function applyRolloutPlan(
  graph: GraphClient,
  plan: Pick<RolloutPlan, 'actions' | 'refusals'>,
  opts: { now?: () => Date; signal?: AbortSignal } = {},
): Promise<RolloutApplyResult> {
  if (plan.refusals.length > 0) {
    throw new Error(
      `The plan has ${plan.refusals.length} refusal(s); resolve them and plan again before applying.`,
    );
  }
  const now = opts.now ?? (() => new Date());
  let { policy } = await readMfaPolicy(graph);
  let createdPolicy = false;
  const actions: AppliedAction[] = [];
  for (const action of plan.actions) {
    if (opts.signal?.aborted) break;
    if (visible(action, policy)) {
      actions.push({ action, outcome: 'already-in-place', confirmed: false });
      continue;
    }
    switch (action.kind) {
      case 'create-policy': {
        const created = await createMfaRolloutPolicy(graph, {
          displayName: action.displayName,
          isEnabled: true,
        });
        policy = toExistingPolicy({ ...created, appliesTo: created.appliesTo ?? [] });
        createdPolicy = true;
        break;
      }
      case 'enable-policy':
      case 'disable-policy': {
        const id = policy?.id ?? action.policyId;
        await updateRolloutPolicy(graph, id, { isEnabled: action.kind === 'enable-policy' });
        if (policy) policy = { ...policy, isEnabled: action.kind === 'enable-policy' };
        break;
      }
      case 'add-group':
      case 'remove-group': {
        if (!policy) throw new Error('There is no staged rollout policy for MFA to change; plan again.');
        if (action.kind === 'add-group') {
          await addRolloutGroup(graph, policy.id, action.groupId);
          policy = { ...policy, groupIds: [...policy.groupIds, action.groupId] };
        } else {
          try {
            await removeRolloutGroup(graph, policy.id, action.groupId);
          } catch (e) {
            // a retried DELETE whose first try went through answers 404: the read-back decides
            if (!(e instanceof GraphError && e.kind === 'not-found')) throw e;
          }
          policy = { ...policy, groupIds: policy.groupIds.filter((g) => g !== action.groupId) };
        }
        break;
      }
    }
    actions.push({ action, outcome: 'applied', confirmed: false });
  }
  const readBack = policy ? toExistingPolicy(await getRolloutPolicy(graph, policy.id)) : null;
  for (const a of actions) a.confirmed = visible(a.action, readBack);
  return {
    policyId: readBack?.id ?? null,
    createdPolicy,
    actions,
    readBack,
    allConfirmed: actions.every((a) => a.confirmed) && actions.length === plan.actions.length,
    at: now().toISOString(),
  };
}

/** Rollback (safe partial): turn the MFA rollout policy off. Nothing to do when it is off or absent. */
export async function rolloutOff(
  graph: GraphClient,
  opts: { now?: () => Date } = {},
): Promise<RolloutApplyResult> {
  const { policy } = await readMfaPolicy(graph);
  return applyRolloutPlan(graph, { actions: planRolloutOff(policy), refusals: [] }, opts);
}

/** Rollback (safe partial): take these groups out of staged rollout; groups not in it are skipped. */
export async function removeGroups(
  graph: GraphClient,
  groups: { id: string; displayName: string }[],
  opts: { now?: () => Date } = {},
): Promise<RolloutApplyResult> {
  const { policy } = await readMfaPolicy(graph);
  const actions: RolloutAction[] = policy
    ? groups
        .filter((g) => policy.groupIds.includes(g.id))
        .map((g) => ({ kind: 'remove-group', groupId: g.id, displayName: g.displayName }))
    : [];
  return applyRolloutPlan(graph, { actions, refusals: [] }, opts);
}
