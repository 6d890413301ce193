// Is the newest backup still the one to restore? Three reasons it may not be, each with its why:
// it is older than a day (changes since would be lost), the data file changed since it was taken, or
// it was taken after the 8.1 update (a restore cannot bring back the old version). Pure.
import type { Evidence, Migration } from '../../state/model.js';
import type { ProbeDataFileData } from '../probe/probe-evidence.js';
import { type BackupEvidenceData, backupsFromEvidence } from './backup-evidence.js';

export const BACKUP_MAX_AGE_HOURS = 24;

export interface SourceObservation {
  sha256: string;
  /** when the source was hashed (ISO) */
  at: string;
  /** "probe of MFA1" or "local hash" */
  from: string;
  /** the server it was read on, when known */
  server?: string | null;
}

export interface FreshnessWarning {
  id: 'no-backup' | 'backup-old' | 'source-changed' | 'backup-after-update';
  /** one line: what, why, what to do */
  message: string;
}

export interface FreshnessInput {
  /** newest first or in any order */
  backups: readonly Pick<BackupEvidenceData, 'takenAt' | 'dataFileSha256' | 'server' | 'version'>[];
  now: Date;
  observations?: readonly SourceObservation[];
  /** when the update to 8.1 is known to have been installed (or seen installed) */
  updateInstalledAt?: string | null;
  /** skip the age rule (after the update, the pre-update backup is the one to keep however old) */
  ignoreAge?: boolean;
}

/** True for MFA Server 8.1 or later: the version that carries the Migration Utility. */
export function isUpdatedVersion(version: string | null | undefined): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return false;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return major > 8 || (major === 8 && minor >= 1);
}

function shortName(server: string | null | undefined): string | null {
  return server ? (server.split('.')[0] ?? server).toLowerCase() : null;
}

function hoursText(h: number): string {
  return h >= 48 ? `${Math.floor(h / 24)} days` : `${Math.floor(h)} hours`;
}

export function backupFreshness(input: FreshnessInput): FreshnessWarning[] {
  const backups = [...input.backups].sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt));
  const newest = backups[0];
  if (!newest) {
    return [
      {
        id: 'no-backup',
        message: 'No backup is recorded: back up the Data folder before installing the update.',
      },
    ];
  }
  const out: FreshnessWarning[] = [];
  const taken = Date.parse(newest.takenAt);
  const ageHours = (input.now.getTime() - taken) / 3_600_000;
  if (!input.ignoreAge && ageHours > BACKUP_MAX_AGE_HOURS) {
    out.push({
      id: 'backup-old',
      message: `The newest backup is ${hoursText(ageHours)} old (taken ${newest.takenAt}): MFA data changed since would be lost on restore. Back up again right before the update.`,
    });
  }
  if (newest.dataFileSha256) {
    const server = shortName(newest.server);
    const changed = (input.observations ?? [])
      .filter((o) => Date.parse(o.at) > taken)
      .filter((o) => !server || !o.server || shortName(o.server) === server)
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
      .find((o) => o.sha256.toLowerCase() !== newest.dataFileSha256?.toLowerCase());
    if (changed) {
      out.push({
        id: 'source-changed',
        message: `PhoneFactor.pfdata changed since the newest backup (${changed.from} at ${changed.at} reads another SHA-256): back up again so the restore point is current.`,
      });
    }
  }
  const installed = input.updateInstalledAt ? Date.parse(input.updateInstalledAt) : Number.NaN;
  if (isUpdatedVersion(newest.version) || (!Number.isNaN(installed) && installed <= taken)) {
    const older = backups.find(
      (b) => !isUpdatedVersion(b.version) && (Number.isNaN(installed) || Date.parse(b.takenAt) < installed),
    );
    out.push({
      id: 'backup-after-update',
      message: `The newest backup was taken after the update was installed: it holds 8.1 data and cannot restore the old version.${
        older
          ? ` Keep the earlier backup of ${older.takenAt} for rollback.`
          : ' No earlier backup is recorded.'
      }`,
    });
  }
  return out;
}

/** Hashes of the data file the probes saw, as observations of the source. */
export function observationsFromEvidence(evidence: readonly Evidence[]): SourceObservation[] {
  const out: SourceObservation[] = [];
  for (const e of evidence) {
    const d = e.data as Partial<ProbeDataFileData> | undefined;
    if (d?.type !== 'probe-data-file' || !d.sha256 || !d.collectedAt) continue;
    out.push({
      sha256: d.sha256,
      at: d.collectedAt,
      from: `the probe of ${d.server}`,
      server: d.server ?? null,
    });
  }
  return out;
}

/** When the update is known installed: the update step's completion, or a probe that saw 8.1 or later. */
export function updateInstalledAt(m: Migration): string | null {
  const times: number[] = [];
  const update = m.steps.update;
  if (update?.status === 'done' && update.doneAt) times.push(Date.parse(update.doneAt));
  for (const s of Object.values(m.steps)) {
    for (const e of s.evidence) {
      const d = e.data as { type?: string; version?: string | null; collectedAt?: string } | undefined;
      if (d?.type === 'probe-version' && isUpdatedVersion(d.version) && d.collectedAt) {
        times.push(Date.parse(d.collectedAt));
      }
    }
  }
  const valid = times.filter((t) => !Number.isNaN(t));
  return valid.length === 0 ? null : new Date(Math.min(...valid)).toISOString();
}

/** The freshness of a migration's recorded backups, with an optional local hash taken just now. */
export function backupFreshnessOf(
  m: Migration,
  now: Date,
  localObservation?: SourceObservation,
): FreshnessWarning[] {
  const evidence = m.steps.backup?.evidence ?? [];
  const update = m.steps.update?.status;
  return backupFreshness({
    backups: backupsFromEvidence(evidence),
    now,
    observations: [...observationsFromEvidence(evidence), ...(localObservation ? [localObservation] : [])],
    updateInstalledAt: updateInstalledAt(m),
    // once the update is under way, the pre-update backup is the one to keep however old it is
    ignoreAge: update === 'done' || update === 'in-progress',
  });
}
