// How a backup of the MFA Server Data folder is recorded on step 2, so that freshness checks, restore
// and the report all read one shape. Local backups come from backupDataFolder; a remote one (taken by
// the admin on the server) is recorded by the screen with the same shape and origin 'remote'.
import os from 'node:os';
import type { Evidence } from '../../state/model.js';
import { type BackedUpFile, type BackupRecord, DATA_FILE } from '../backup/backup.js';

export interface BackupEvidenceData {
  type: 'mfa-backup';
  origin: 'local' | 'remote';
  takenAt: string;
  /** the machine the backup was taken on (local) or the server named by the admin (remote) */
  server: string | null;
  source: string;
  destination: string;
  /** SHA-256 of PhoneFactor.pfdata in the backup; null when the admin could not give it */
  dataFileSha256: string | null;
  files: BackedUpFile[];
  totalBytes: number;
  /** where the installer of the version now installed is kept (needed to roll back) */
  installer: string | null;
  /** MFA Server version when the backup was taken, when known */
  version: string | null;
}

export function isBackupEvidenceData(d: unknown): d is BackupEvidenceData {
  return typeof d === 'object' && d !== null && (d as { type?: unknown }).type === 'mfa-backup';
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

export function localBackupEvidence(
  record: BackupRecord,
  extra: { installer?: string | null; version?: string | null; server?: string } = {},
): Omit<Evidence, 'at' | 'by'> {
  const dataFile = record.files.find((f) => f.name === DATA_FILE);
  const data: BackupEvidenceData = {
    type: 'mfa-backup',
    origin: 'local',
    takenAt: record.takenAt,
    server: extra.server ?? os.hostname(),
    source: record.source,
    destination: record.destination,
    dataFileSha256: dataFile?.sha256 ?? null,
    files: record.files,
    totalBytes: record.totalBytes,
    installer: extra.installer ?? null,
    version: extra.version ?? null,
  };
  return {
    id: `backup:${record.takenAt}`,
    kind: 'file-hash',
    label: `Backup of the Data folder to ${record.destination}`,
    value: `${record.files.length} file${record.files.length === 1 ? '' : 's'}, ${size(record.totalBytes)}, ${DATA_FILE} SHA-256 ${data.dataFileSha256 ?? 'missing'}, verified`,
    data,
  };
}

/** All backups recorded on a step, newest first. */
export function backupsFromEvidence(evidence: readonly Evidence[]): BackupEvidenceData[] {
  return evidence
    .map((e) => e.data)
    .filter(isBackupEvidenceData)
    .sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt));
}

/**
 * A backup the admin took on the server (the wizard on a jump host cannot copy it): where it went and
 * the hash the probe or the admin read. Recorded with the same shape as a local one.
 */
export function remoteBackupEvidence(input: {
  server: string;
  destination: string;
  takenAt: string;
  dataFileSha256: string | null;
  source?: string;
  installer?: string | null;
  version?: string | null;
}): Omit<Evidence, 'at' | 'by'> {
  const data: BackupEvidenceData = {
    type: 'mfa-backup',
    origin: 'remote',
    takenAt: input.takenAt,
    server: input.server,
    source: input.source ?? '',
    destination: input.destination,
    dataFileSha256: input.dataFileSha256,
    files: [],
    totalBytes: 0,
    installer: input.installer ?? null,
    version: input.version ?? null,
  };
  return {
    id: `backup:${input.takenAt}`,
    kind: 'file-hash',
    label: `Backup on ${input.server} to ${input.destination} (confirmed by the admin)`,
    value: `${DATA_FILE} SHA-256 ${input.dataFileSha256 ?? 'not given'}`,
    data,
  };
}
