// What a rollback would undo, derived from what the wizard recorded and only that: the audit log of
// tenant writes (which groups it added to staged rollout, whether it created the MFA policy) and the
// migration state (federation changes, backups). Pure. The plain warning comes first: MFA Server
// stopped serving MFA on 2024-09-30, so a full rollback sends users to a server that no longer
// performs MFA; the partial items stay safe.
import type { Migration } from '../../state/model.js';
import type { AuditEntry } from '../audit/audit-log.js';
import { type BackupEvidenceData, backupsFromEvidence } from '../checks/backup-evidence.js';

export const ROLLBACK_WARNING =
  'MFA Server stopped serving MFA on 2024-09-30. A full rollback sends users back to a server that no longer performs MFA: they would sign in without a second factor. Prefer the partial steps, which keep users on Entra MFA.';

export const METHODS_LOST_WARNING =
  'Methods users added or changed in Entra since the migration do not exist on MFA Server: they are lost for users moved back.';

export type RollbackItem =
  | {
      id: string;
      kind: 'remove-group';
      safe: true;
      groupId: string;
      title: string;
      addedAt: string;
      uncertain: boolean;
    }
  | { id: string; kind: 'rollout-off'; safe: true; title: string; createdByWizard: boolean }
  | { id: string; kind: 'restore-data-file'; safe: false; title: string; backup: BackupEvidenceData | null }
  | {
      id: string;
      kind: 'reinstall-checklist';
      safe: false;
      title: string;
      checklist: string[];
      installer: string | null;
    }
  | { id: string; kind: 'federation-enforce'; safe: false; title: string; domains: string[] }
  | { id: string; kind: 'methods-lost'; safe: false; title: string };

export interface RollbackPlan {
  warning: string;
  /** safe partial rollbacks: users stay on Entra MFA */
  partial: RollbackItem[];
  /** the full rollback, in order */
  full: RollbackItem[];
  /** what the plan was derived from, for the report */
  derivedFrom: {
    groupsAdded: { groupId: string; at: string; uncertain: boolean }[];
    policyCreatedByWizard: boolean;
    federationChanges: { domain: string; from: string | null; to: string; at: string }[];
    backupTakenAt: string | null;
    auditBadLines: number;
  };
}

const ADD_GROUP = /\/policies\/featureRolloutPolicies\/[^/?]+\/appliesTo\/\$ref(?:\?.*)?$/i;
const REMOVE_GROUP = /\/policies\/featureRolloutPolicies\/[^/?]+\/appliesTo\/([^/?]+)\/\$ref(?:\?.*)?$/i;
const CREATE_POLICY = /\/policies\/featureRolloutPolicies(?:\?.*)?$/i;

const succeeded = (e: AuditEntry) => e.status >= 200 && e.status < 300;
/** status 0: no answer arrived; the write may have happened */
const unknownOutcome = (e: AuditEntry) => e.status === 0;

function groupIdOf(body: unknown): string | undefined {
  const ref = (body as { '@odata.id'?: unknown } | null)?.['@odata.id'];
  if (typeof ref !== 'string') return undefined;
  return ref.split('/').filter(Boolean).pop();
}

/** Groups the wizard put into staged rollout and has not taken out again, from the audit log. */
export function groupsAddedByWizard(
  entries: readonly AuditEntry[],
): { groupId: string; at: string; uncertain: boolean }[] {
  const current = new Map<string, { groupId: string; at: string; uncertain: boolean }>();
  const ordered = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  for (const e of ordered) {
    const method = e.method.toUpperCase();
    if (method === 'POST' && ADD_GROUP.test(e.path) && (succeeded(e) || unknownOutcome(e))) {
      const id = groupIdOf(e.body);
      if (!id) continue;
      const prev = current.get(id);
      // a confirmed add outweighs an earlier uncertain one
      if (!prev || prev.uncertain) current.set(id, { groupId: id, at: e.at, uncertain: !succeeded(e) });
    } else if (method === 'DELETE' && succeeded(e)) {
      const m = REMOVE_GROUP.exec(e.path);
      if (m?.[1]) current.delete(decodeURIComponent(m[1]));
    }
  }
  return [...current.values()];
}

export function policyCreatedByWizard(entries: readonly AuditEntry[]): boolean {
  return entries.some(
    (e) =>
      e.method.toUpperCase() === 'POST' && CREATE_POLICY.test(e.path) && (succeeded(e) || unknownOutcome(e)),
  );
}

/** The backup to restore: the newest one taken before the update step was done (8.0 data), else the newest. */
export function backupToRestore(m: Pick<Migration, 'steps'>): BackupEvidenceData | null {
  const backups = backupsFromEvidence(m.steps.backup?.evidence ?? []);
  const updatedAt = m.steps.update?.doneAt;
  if (updatedAt) {
    const before = backups.find((b) => Date.parse(b.takenAt) <= Date.parse(updatedAt));
    if (before) return before;
  }
  return backups[0] ?? null;
}

export function buildRollbackPlan(
  m: Pick<Migration, 'steps' | 'federationChanges'>,
  audit: { entries: readonly AuditEntry[]; badLines?: readonly number[] },
  groupNames: ReadonlyMap<string, string> = new Map(),
): RollbackPlan {
  const added = groupsAddedByWizard(audit.entries);
  const created = policyCreatedByWizard(audit.entries);
  const everAddedGroups = added.length > 0 || created;
  const partial: RollbackItem[] = added.map((g) => ({
    id: `remove-group:${g.groupId}`,
    kind: 'remove-group',
    safe: true,
    groupId: g.groupId,
    addedAt: g.at,
    uncertain: g.uncertain,
    title: `Remove ${groupNames.get(g.groupId) ?? g.groupId} from staged rollout${g.uncertain ? ' (the add had no answer; it may not be there)' : ''}`,
  }));
  const off: RollbackItem = {
    id: 'rollout-off',
    kind: 'rollout-off',
    safe: true,
    createdByWizard: created,
    title: created
      ? 'Turn off the staged rollout policy for MFA the wizard created'
      : 'Turn off the staged rollout policy for MFA',
  };
  if (everAddedGroups) partial.push(off);

  const backup = backupToRestore(m);
  const full: RollbackItem[] = [
    {
      id: 'restore-data-file',
      kind: 'restore-data-file',
      safe: false,
      backup,
      title: backup
        ? `Restore PhoneFactor.pfdata from the backup of ${backup.takenAt} (hash checked first; the current file is kept aside)`
        : 'Restore PhoneFactor.pfdata: no backup is recorded on step 2, so this cannot be done by the wizard',
    },
    {
      id: 'reinstall-checklist',
      kind: 'reinstall-checklist',
      safe: false,
      installer: backup?.installer ?? null,
      title: 'Reinstall the previous MFA Server version',
      checklist: [
        'Take the server out of load balancing.',
        'Uninstall MFA Server 8.1 (Programs and Features).',
        `Run the previous version's installer${backup?.installer ? ` (${backup.installer})` : ''}.`,
        'Stop the MultiFactorAuth service, restore the data file, start the service.',
        'Check MultiFactorAuthSvc.log for errors, then put the server back into load balancing.',
      ],
    },
  ];
  const domains = [...new Map(m.federationChanges.map((c) => [c.domain.toLowerCase(), c.domain])).values()];
  if (domains.length > 0) {
    full.push({
      id: 'federation-enforce',
      kind: 'federation-enforce',
      safe: false,
      domains,
      title: `Set enforceMfaByFederatedIdp on ${domains.join(', ')} (only the domains the wizard changed)`,
    });
  }
  if (everAddedGroups) full.push({ ...off, id: 'rollout-off-full' });
  full.push({ id: 'methods-lost', kind: 'methods-lost', safe: false, title: METHODS_LOST_WARNING });

  return {
    warning: ROLLBACK_WARNING,
    partial,
    full,
    derivedFrom: {
      groupsAdded: added,
      policyCreatedByWizard: created,
      federationChanges: m.federationChanges.map((c) => ({
        domain: c.domain,
        from: c.from,
        to: c.to,
        at: c.at,
      })),
      backupTakenAt: backup?.takenAt ?? null,
      auditBadLines: audit.badLines?.length ?? 0,
    },
  };
}
