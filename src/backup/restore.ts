// Rollback: put the backed-up PhoneFactor.pfdata back. Order matters and every step is checked:
// verify the backup's hash, make sure the MultiFactorAuth service is stopped, move the current file
// aside (never delete or overwrite it), copy the backup in, verify the result.
import { access, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerHost } from '../platform/server-host.js';
import { BackupError, type BackupRecord, DATA_FILE, timeStamp } from './backup.js';
import { copyHashing, sha256File } from './hash-copy.js';

export interface RestoreRecord {
  restoredAt: string;
  from: string;
  to: string;
  /** where the file that was in place went; null when there was none */
  keptAsideAt: string | null;
  sha256: string;
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

export async function restoreDataFile(opts: {
  backup: BackupRecord;
  dataFolder: string;
  host: ServerHost;
  /** on a jump host the wizard cannot see the service: the admin must have confirmed it is stopped */
  adminConfirmedServiceStopped: boolean;
  now: Date;
}): Promise<RestoreRecord> {
  const recorded = opts.backup.files.find((f) => f.name === DATA_FILE);
  if (!recorded)
    throw new BackupError(`The recorded backup has no ${DATA_FILE}; it cannot be used to restore.`);
  const from = join(opts.backup.destination, DATA_FILE);
  const actual = await sha256File(from).catch(() => null);
  if (actual === null)
    throw new BackupError(`The backup file ${from} cannot be read. Check the path is reachable.`);
  if (actual !== recorded.sha256) {
    throw new BackupError(
      `Refused: ${from} does not match the hash recorded at backup time (${recorded.sha256.slice(0, 12)}…, now ${actual.slice(0, 12)}…). It was changed or damaged; do not restore it.`,
    );
  }
  const state = await opts.host.serviceState('MultiFactorAuth');
  if (
    opts.host.canInspect ? state !== 'stopped' && state !== 'not-found' : !opts.adminConfirmedServiceStopped
  ) {
    throw new BackupError(
      opts.host.canInspect
        ? `The MultiFactorAuth service is ${state}. Stop it first (net stop MultiFactorAuth), then restore.`
        : 'Confirm that the MultiFactorAuth service is stopped on the MFA Server before restoring.',
    );
  }
  const to = join(opts.dataFolder, DATA_FILE);
  let keptAsideAt: string | null = null;
  if (await exists(to)) {
    keptAsideAt = `${to}.before-restore-${timeStamp(opts.now)}`;
    if (await exists(keptAsideAt))
      throw new BackupError(`${keptAsideAt} already exists; wait a second and retry.`);
    await rename(to, keptAsideAt);
  }
  try {
    const copied = await copyHashing(from, to);
    const written = await sha256File(to);
    if (copied !== recorded.sha256 || written !== recorded.sha256) {
      throw new BackupError('The restored file does not match the backup hash after copying.');
    }
    return { restoredAt: opts.now.toISOString(), from, to, keptAsideAt, sha256: written };
  } catch (e) {
    // Put things back as they were: remove the partial copy, return the original file.
    await rm(to, { force: true });
    if (keptAsideAt) await rename(keptAsideAt, to);
    throw e instanceof BackupError
      ? e
      : new BackupError(`Restore failed and was undone: ${(e as Error).message}`);
  }
}
