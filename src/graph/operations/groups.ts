// Finding the migration and rollout groups. A display name is not unique in Entra, so a name lookup
// returns every exact match and the caller makes the admin choose.
import type { Group } from '@microsoft/microsoft-graph-types';
import { isGuid } from '../../../state/validation.js';
import type { GraphClient } from '../client.js';
import { eq, queryString, segment } from '../odata.js';
import { all } from './paging.js';

export const GROUP_SELECT = [
  'id',
  'displayName',
  'description',
  'groupTypes',
  'membershipRule',
  'securityEnabled',
  'mailEnabled',
  'onPremisesSyncEnabled',
] as const;

export { isGuid };

export function isDynamicGroup(group: Group): boolean {
  return (group.groupTypes ?? []).includes('DynamicMembership');
}

/** Exact, case-insensitive (Graph's eq on displayName) match; may return several groups. */
export async function findGroupsByName(graph: GraphClient, name: string): Promise<Group[]> {
  const path = `/groups${queryString({ filter: eq('displayName', name), select: GROUP_SELECT, top: 100 })}`;
  return all<Group>(graph, 'groups.read', path, { ctx: { what: `group "${name}"` } });
}

export async function getGroup(graph: GraphClient, id: string): Promise<Group> {
  return graph.run(
    'groups.read',
    () => graph.api(`/groups/${segment(id)}${queryString({ select: GROUP_SELECT })}`).get() as Promise<Group>,
    { what: `group ${id}` },
  );
}

/** A GUID is looked up as an id, anything else as a display name. */
export async function resolveGroup(graph: GraphClient, nameOrId: string): Promise<Group[]> {
  if (isGuid(nameOrId)) return [await getGroup(graph, nameOrId.trim())];
  return findGroupsByName(graph, nameOrId);
}
