// Reports: the registration details report (P1/P2, lags by hours, counts MFA Server users as
// registered — an overview, never proof) and directory audits written by the Migration Utility
// ("Azure MFA Management"), the cheap way to find users changed since the last pass.
import type { DirectoryAudit, UserRegistrationDetails } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client.js';
import { and, dateLiteral, eq, queryString } from '../odata.js';
import { pages } from './paging.js';

export const MFA_UTILITY_INITIATOR = 'Azure MFA Management';

export function registrationDetails(
  graph: GraphClient,
  opts: { pageSize?: number; filter?: string; signal?: AbortSignal } = {},
): AsyncIterable<UserRegistrationDetails[]> {
  const path = `/reports/authenticationMethods/userRegistrationDetails${queryString({
    top: opts.pageSize ?? 999,
    ...(opts.filter ? { filter: opts.filter } : {}),
  })}`;
  return pages<UserRegistrationDetails>(
    graph,
    'registrationDetails.read',
    path,
    opts.signal ? { signal: opts.signal } : {},
  );
}

export function migrationUtilityAudits(
  graph: GraphClient,
  opts: { since?: Date; pageSize?: number; signal?: AbortSignal } = {},
): AsyncIterable<DirectoryAudit[]> {
  const filter = and(
    eq('initiatedBy/app/displayName', MFA_UTILITY_INITIATOR),
    opts.since ? `activityDateTime ge ${dateLiteral(opts.since)}` : undefined,
  );
  const path = `/auditLogs/directoryAudits${queryString({ filter, top: opts.pageSize ?? 999 })}`;
  return pages<DirectoryAudit>(graph, 'audits.read', path, opts.signal ? { signal: opts.signal } : {});
}

/** Object ids of users an audit page touched. */
export function targetUserIds(audits: readonly DirectoryAudit[]): string[] {
  const ids = new Set<string>();
  for (const a of audits) {
    for (const t of a.targetResources ?? []) {
      if (t.type === 'User' && t.id) ids.add(t.id);
    }
  }
  return [...ids];
}
