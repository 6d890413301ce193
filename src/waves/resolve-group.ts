// Which Entra group a wave's group reference means. Display names are not unique, so a name with
// several exact matches is handed back for the admin to choose; an id is taken as is.
import type { Group } from '@microsoft/microsoft-graph-types';
import type { GroupRef } from '../../state/model.js';
import type { GraphClient } from '../graph/client.js';
import { GraphError } from '../graph/errors.js';
import { findGroupsByName, getGroup, isDynamicGroup } from '../graph/operations/groups.js';

export interface ResolvedGroup {
  id: string;
  displayName: string;
  dynamic: boolean;
}

export type GroupResolution =
  | { kind: 'found'; group: ResolvedGroup }
  | { kind: 'ambiguous'; name: string; choices: ResolvedGroup[]; message: string }
  | { kind: 'not-found'; message: string };

function toResolved(g: Group): ResolvedGroup {
  return { id: g.id ?? '', displayName: g.displayName ?? g.id ?? '', dynamic: isDynamicGroup(g) };
}

export async function resolveGroupRef(graph: GraphClient, ref: GroupRef): Promise<GroupResolution> {
  if (ref.id) {
    try {
      return { kind: 'found', group: toResolved(await getGroup(graph, ref.id)) };
    } catch (e) {
      if (e instanceof GraphError && e.kind === 'not-found') {
        return {
          kind: 'not-found',
          message: `No group with id ${ref.id}${ref.name ? ` ("${ref.name}")` : ''} exists in the tenant. Check the wave's groups.`,
        };
      }
      throw e;
    }
  }
  const name = ref.name?.trim() ?? '';
  if (name === '')
    return { kind: 'not-found', message: 'The wave has no group named yet. Set its group first.' };
  const found = (await findGroupsByName(graph, name)).map(toResolved);
  if (found.length === 0) {
    return {
      kind: 'not-found',
      message: `No group named "${name}" was found in the tenant. Check the spelling or use the group's object id.`,
    };
  }
  if (found.length > 1) {
    return {
      kind: 'ambiguous',
      name,
      choices: found,
      message: `${found.length} groups are named "${name}": choose one by its object id (${found.map((g) => g.id).join(', ')}).`,
    };
  }
  return { kind: 'found', group: found[0] as ResolvedGroup };
}
