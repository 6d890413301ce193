// Group members. Transitive user members (nested groups count — the Migration Utility accepts nested
// groups) stream page by page; the direct-member summary feeds the staged-rollout pre-checks, which
// refuse nested groups and contacts.
import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { DirectoryObject, User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client.js';
import { queryString, segment } from '../odata.js';
import { pages } from './paging.js';

export const MEMBER_USER_SELECT = [
  'id',
  'userPrincipalName',
  'displayName',
  'onPremisesSyncEnabled',
  'accountEnabled',
];

export interface MemberPageOptions {
  /** Graph's maximum for members is 999 */
  pageSize?: number;
  select?: readonly string[];
  signal?: AbortSignal;
}

/** Users anywhere under the group, a page at a time. */
export function transitiveUserMembers(
  graph: GraphClient,
  groupId: string,
  opts: MemberPageOptions = {},
): AsyncIterable<User[]> {
  const path = `/groups/${segment(groupId)}/transitiveMembers/microsoft.graph.user${queryString({
    select: opts.select ?? MEMBER_USER_SELECT,
    top: opts.pageSize ?? 999,
  })}`;
  return pages<User>(graph, 'members.read', path, {
    ctx: { what: `group ${groupId}` },
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

export type MemberKind = 'user' | 'group' | 'contact' | 'device' | 'other';

export function memberKind(obj: DirectoryObject): MemberKind {
  const type = (obj as { '@odata.type'?: string })['@odata.type'] ?? '';
  if (type === '#microsoft.graph.user') return 'user';
  if (type === '#microsoft.graph.group') return 'group';
  if (type === '#microsoft.graph.orgContact') return 'contact';
  if (type === '#microsoft.graph.device') return 'device';
  return 'other';
}

/** Direct members of any kind, a page at a time. */
export function directMembers(
  graph: GraphClient,
  groupId: string,
  opts: MemberPageOptions = {},
): AsyncIterable<DirectoryObject[]> {
  const path = `/groups/${segment(groupId)}/members${queryString({
    select: opts.select ?? ['id', 'displayName', 'userPrincipalName', 'onPremisesSyncEnabled'],
    top: opts.pageSize ?? 999,
  })}`;
  return pages<DirectoryObject>(graph, 'members.read', path, {
    ctx: { what: `group ${groupId}` },
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

export interface DirectMemberSummary {
  users: number;
  /** synced from on-premises AD: the only users staged rollout affects */
  syncedUsers: number;
  cloudOnlyUsers: number;
  nestedGroups: { id: string; displayName: string | undefined }[];
  contacts: { id: string; displayName: string | undefined }[];
  others: number;
}

/** Counts only (plus the few offending nested groups and contacts), never the member list. */
export async function summariseDirectMembers(
  graph: GraphClient,
  groupId: string,
  opts: MemberPageOptions = {},
): Promise<DirectMemberSummary> {
  const s: DirectMemberSummary = {
    users: 0,
    syncedUsers: 0,
    cloudOnlyUsers: 0,
    nestedGroups: [],
    contacts: [],
    others: 0,
  };
  for await (const page of directMembers(graph, groupId, opts)) {
    for (const m of page) {
      const kind = memberKind(m);
      const ref = { id: m.id ?? '', displayName: (m as { displayName?: string }).displayName };
      if (kind === 'user') {
        s.users++;
        if ((m as User).onPremisesSyncEnabled === true) s.syncedUsers++;
        else s.cloudOnlyUsers++;
      } else if (kind === 'group') s.nestedGroups.push(ref);
      else if (kind === 'contact') s.contacts.push(ref);
      else s.others++;
    }
  }
  return s;
}

/** The first request of a transitive user enumeration; pass a saved nextLink instead to resume. */
export function transitiveUserMembersPath(groupId: string, opts: MemberPageOptions = {}): string {
  return `/groups/${segment(groupId)}/transitiveMembers/microsoft.graph.user${queryString({
    select: opts.select ?? MEMBER_USER_SELECT,
    top: opts.pageSize ?? 999,
  })}`;
}

/**
 * How many users are under the group (nested included), for a progress bar's total. An advanced
 * query: needs `ConsistencyLevel: eventual`, and the number may lag a little behind the listing.
 */
export async function countTransitiveUserMembers(
  graph: GraphClient,
  groupId: string,
): Promise<number | undefined> {
  const text = await graph.run(
    'members.read',
    () =>
      graph
        .api(`/groups/${segment(groupId)}/transitiveMembers/microsoft.graph.user/$count`)
        .headers({ ConsistencyLevel: 'eventual' })
        .responseType(ResponseType.TEXT)
        .get() as Promise<string>,
    { what: `group ${groupId}` },
  );
  const n = Number(String(text).trim());
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
