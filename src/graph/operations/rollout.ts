// Staged rollout (featureRolloutPolicies) for the feature multiFactorAuthentication. Delegated sign-in
// only; not offered in the China cloud. `multiFactorAuthentication` is an evolvable enum member, so
// every read sends `Prefer: include-unknown-enum-members` — without it the policy reads back as
// unknownFutureValue and a tool would create a second one.
import type { FeatureRolloutPolicy } from '@microsoft/microsoft-graph-types';
import {
  MAX_GROUP_USERS as MAX_ROLLOUT_GROUP_USERS,
  MAX_ROLLOUT_GROUPS,
} from '../../../state/rollout-plan.js';
import type { GraphClient } from '../client.js';
import { writePolicy } from '../client.js';
import { CLOUD_ENDPOINTS } from '../clouds.js';
import { GraphError } from '../errors.js';
import { queryString, segment } from '../odata.js';
import { all } from './paging.js';

export const MFA_FEATURE = 'multiFactorAuthentication';
export const PREFER_UNKNOWN_ENUMS = { Prefer: 'include-unknown-enum-members' } as const;
// Entra's staged-rollout limits live with the rollout plan (state/), the one place that decides.
export {
  MAX_GROUP_USERS as MAX_ROLLOUT_GROUP_USERS,
  MAX_ROLLOUT_GROUPS,
} from '../../../state/rollout-plan.js';

const BASE = '/policies/featureRolloutPolicies';

function assertCloudHasRollout(graph: GraphClient): void {
  if (!CLOUD_ENDPOINTS[graph.cloud].stagedRollout) {
    throw new GraphError(
      'refused',
      `Staged rollout does not exist in the ${CLOUD_ENDPOINTS[graph.cloud].label} cloud; move users with the Migration Utility and federation settings only.`,
    );
  }
}

export async function listRolloutPolicies(graph: GraphClient): Promise<FeatureRolloutPolicy[]> {
  assertCloudHasRollout(graph);
  return all<FeatureRolloutPolicy>(graph, 'rollout.read', `${BASE}${queryString({ expand: 'appliesTo' })}`, {
    headers: PREFER_UNKNOWN_ENUMS,
  });
}

/** The MFA policies (normally none or one). */
export async function findMfaRolloutPolicies(graph: GraphClient): Promise<FeatureRolloutPolicy[]> {
  return (await listRolloutPolicies(graph)).filter((p) => p.feature === MFA_FEATURE);
}

/**
 * Graph documents GET by id with Policy.ReadWrite.HybridAuthentication as least privilege, so it is
 * used around writes only; read-only screens use listRolloutPolicies (which expands appliesTo).
 */
export async function getRolloutPolicy(graph: GraphClient, id: string): Promise<FeatureRolloutPolicy> {
  assertCloudHasRollout(graph);
  return graph.run(
    'rollout.write',
    () =>
      graph
        .api(`${BASE}/${segment(id)}${queryString({ expand: 'appliesTo' })}`)
        .headers(PREFER_UNKNOWN_ENUMS)
        .get() as Promise<FeatureRolloutPolicy>,
    { what: `staged rollout policy ${id}` },
  );
}

export interface NewRolloutPolicy {
  displayName: string;
  description?: string;
  isEnabled: boolean;
}

/** POST is not idempotent: after a lost reply, look for the policy by name before sending again. */
export async function createMfaRolloutPolicy(
  graph: GraphClient,
  init: NewRolloutPolicy,
): Promise<FeatureRolloutPolicy> {
  assertCloudHasRollout(graph);
  const body = {
    displayName: init.displayName,
    description: init.description ?? null,
    feature: MFA_FEATURE,
    isEnabled: init.isEnabled,
    isAppliedToOrganization: false,
  };
  return graph.run(
    'rollout.write',
    () =>
      graph
        .api(BASE)
        .headers(PREFER_UNKNOWN_ENUMS)
        .middlewareOptions(
          writePolicy({
            verify: async () => {
              const found = (await findMfaRolloutPolicies(graph)).find(
                (p) => p.displayName === init.displayName,
              );
              return found ? { happened: true, status: 201, body: found } : { happened: false };
            },
          }),
        )
        .post(body) as Promise<FeatureRolloutPolicy>,
  );
}

/** PATCH returns 204. Only displayName, description and isEnabled are changed here. */
export async function updateRolloutPolicy(
  graph: GraphClient,
  id: string,
  patch: Partial<Pick<FeatureRolloutPolicy, 'displayName' | 'description' | 'isEnabled'>>,
): Promise<void> {
  assertCloudHasRollout(graph);
  await graph.run('rollout.write', () => graph.api(`${BASE}/${segment(id)}`).patch(patch), {
    what: `staged rollout policy ${id}`,
  });
}

export async function deleteRolloutPolicy(graph: GraphClient, id: string): Promise<void> {
  assertCloudHasRollout(graph);
  await graph.run('rollout.write', () => graph.api(`${BASE}/${segment(id)}`).delete(), {
    what: `staged rollout policy ${id}`,
  });
}

/** Pure pre-check of design §8's limits; null when the add may go ahead. */
export function rolloutAddProblem(
  policy: Pick<FeatureRolloutPolicy, 'appliesTo'>,
  group: {
    id: string;
    displayName?: string | null;
    dynamic?: boolean;
    nestedGroups?: number;
    contacts?: number;
  },
  memberCount: number | undefined,
): string | null {
  const name = group.displayName ?? group.id;
  const current = policy.appliesTo ?? [];
  if (current.some((o) => o.id === group.id)) return `Group "${name}" is already in staged rollout.`;
  if (current.length >= MAX_ROLLOUT_GROUPS) {
    return `Staged rollout already has ${current.length} groups, the most Entra allows; remove one first.`;
  }
  if (group.dynamic) return `Group "${name}" is dynamic; staged rollout accepts assigned groups only.`;
  if (group.nestedGroups)
    return `Group "${name}" contains nested groups; staged rollout ignores them. Use a flat group.`;
  if (group.contacts)
    return `Group "${name}" contains contacts, which block staged rollout; remove them first.`;
  if (memberCount !== undefined && memberCount > MAX_ROLLOUT_GROUP_USERS) {
    return `Group "${name}" has ${memberCount} members; staged rollout takes at most ${MAX_ROLLOUT_GROUP_USERS} per group.`;
  }
  return null;
}

/**
 * Adds a group with POST .../appliesTo/$ref (201). `@odata.id` names the group on the same Graph host
 * as the request — a national cloud rejects a reference to graph.microsoft.com.
 */
export async function addRolloutGroup(graph: GraphClient, policyId: string, groupId: string): Promise<void> {
  assertCloudHasRollout(graph);
  const body = { '@odata.id': graph.resourceUrl(`/directoryObjects/${segment(groupId)}`) };
  await graph.run(
    'rollout.write',
    () =>
      graph
        .api(`${BASE}/${segment(policyId)}/appliesTo/$ref`)
        .middlewareOptions(
          writePolicy({
            verify: async () => {
              const policy = await getRolloutPolicy(graph, policyId);
              return (policy.appliesTo ?? []).some((o) => o.id === groupId)
                ? { happened: true, status: 204 }
                : { happened: false };
            },
          }),
        )
        .post(body),
    { what: `staged rollout policy ${policyId} or group ${groupId}` },
  );
}

export async function removeRolloutGroup(
  graph: GraphClient,
  policyId: string,
  groupId: string,
): Promise<void> {
  assertCloudHasRollout(graph);
  await graph.run(
    'rollout.write',
    () => graph.api(`${BASE}/${segment(policyId)}/appliesTo/${segment(groupId)}/$ref`).delete(),
    { what: `group ${groupId} in staged rollout policy ${policyId}` },
  );
}
