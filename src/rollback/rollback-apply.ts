// Applying rollback items against the tenant, through the same plan / confirm / apply / read-back
// code as the forward steps (waves/rollout.ts, federation/federation.ts).
import type { FederationChange } from '../../state/federation-plan.js';
import type { Migration } from '../../state/model.js';
import { BackupError } from '../backup/backup.js';
import { type RestoreRecord, restoreDataFile } from '../backup/restore.js';
import {
  type AppliedFederationChange,
  applyFederationChange,
  planFederationRollbackFromState,
} from '../federation/federation.js';
import type { GraphClient } from '../graph/client.js';
import type { ServerHost } from '../platform/server-host.js';
import { type RolloutApplyResult, removeGroups, rolloutOff } from '../waves/rollout.js';
import type { RollbackItem } from './rollback-plan.js';

/** Safe partial rollback: take the wizard's groups out of staged rollout (groups already gone are skipped). */
export async function applyRemoveGroups(
  graph: GraphClient,
  items: readonly RollbackItem[],
): Promise<RolloutApplyResult> {
  const groups = items.flatMap((i) =>
    i.kind === 'remove-group' ? [{ id: i.groupId, displayName: i.title }] : [],
  );
  return removeGroups(graph, groups);
}

/** Safe partial rollback: the MFA staged rollout policy off. */
export async function applyRolloutOff(graph: GraphClient): Promise<RolloutApplyResult> {
  return rolloutOff(graph);
}

export interface FederationRollbackResult {
  applied: AppliedFederationChange[];
  /** domains where nothing was written, with why */
  skipped: { domain: string; message: string }[];
  warnings: string[];
}

/** The planned federation rollback (read fresh), so the screen can show it before confirming. */
export async function planFederationRollbackNow(
  graph: GraphClient,
  migration: Pick<Migration, 'federationChanges'>,
): Promise<{ changes: FederationChange[]; unchanged: string[]; warnings: string[]; refusals: string[] }> {
  const { plan } = await planFederationRollbackFromState(graph, migration);
  return {
    changes: plan.changes,
    unchanged: plan.unchanged,
    warnings: plan.warnings,
    refusals: plan.refusals.map((r) => r.message),
  };
}

/**
 * Full rollback, federation part: enforceMfaByFederatedIdp on exactly the changed domains, each only
 * when the admin typed that domain's name (`confirmations` maps domain -> typed text).
 */
export async function applyFederationRollback(
  graph: GraphClient,
  migration: Pick<Migration, 'federationChanges'>,
  confirmations: Readonly<Record<string, string>>,
): Promise<FederationRollbackResult> {
  const { plan } = await planFederationRollbackFromState(graph, migration);
  const result: FederationRollbackResult = { applied: [], skipped: [], warnings: [...plan.warnings] };
  for (const r of plan.refusals) result.skipped.push({ domain: r.domain ?? '', message: r.message });
  for (const d of plan.unchanged)
    result.skipped.push({ domain: d, message: `${d} is already enforceMfaByFederatedIdp.` });
  for (const change of plan.changes) {
    const r = await applyFederationChange(graph, change, confirmations[change.domain] ?? '');
    if (r.ok) result.applied.push(r.change);
    else result.skipped.push({ domain: change.domain, message: r.message });
  }
  return result;
}

/** Full rollback, data file: through the backup module (hash checked, current file kept aside). */
export async function applyRestoreDataFile(
  item: RollbackItem,
  opts: { dataFolder: string; host: ServerHost; adminConfirmedServiceStopped: boolean; now: Date },
): Promise<RestoreRecord> {
  if (item.kind !== 'restore-data-file' || !item.backup) {
    throw new BackupError('No backup is recorded on step 2, so there is nothing to restore from.');
  }
  const b = item.backup;
  return restoreDataFile({
    backup: {
      source: b.source,
      destination: b.destination,
      takenAt: b.takenAt,
      files: b.files,
      totalBytes: b.totalBytes,
    },
    ...opts,
  });
}
