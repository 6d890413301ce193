// `mfa-migrate backup --source DIR --to DIR`: on the MFA Server itself, the verified streaming backup
// of the Data folder (backup.ts), recorded as evidence on step 2. The lock is taken before copying, so
// a backup that cannot be recorded is refused before it starts, not after an hour of copying.
import { join } from 'node:path';
import { BackupError, type BackupRecord, backupDataFolder, timeStamp } from '../backup/backup.js';
import { localBackupEvidence } from '../checks/backup-evidence.js';
import { backupFreshnessOf } from '../checks/backup-freshness.js';
import { EXIT, type ExitCode, RuntimeError } from './exit-codes.js';
import { withLockedMigration } from './with-migration.js';

export interface BackupCommandOptions {
  stateDir: string;
  programVersion: string;
  source: string;
  to: string;
  migration?: string;
  /** where the installer of the installed version is kept, recorded with the backup */
  installer?: string;
  /** false: only copy and verify, record nothing (no migration needed) */
  record: boolean;
  json: boolean;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Progress on stderr, one line per 10 % (a pipe or a log file stays readable). */
function progressPrinter(stderr: (text: string) => void): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth === shown) return;
    shown = tenth;
    stderr(`Copying: ${tenth * 10}% (${mib(done)} of ${mib(total)})\n`);
  };
}

async function copy(opts: BackupCommandOptions): Promise<BackupRecord> {
  const now = opts.now();
  // Ctrl+C stops the copy cleanly: the lock is released and the admin learns what was left behind.
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  try {
    return await backupDataFolder({
      source: opts.source,
      destinationRoot: opts.to,
      now,
      onProgress: progressPrinter(opts.stderr),
      signal: abort.signal,
    });
  } catch (error) {
    if (abort.signal.aborted) {
      const partial = join(opts.to, `mfa-server-data-${timeStamp(now)}`);
      throw new RuntimeError(
        `Interrupted: the copy in ${partial} is incomplete and was not recorded. Delete it and run the backup again.`,
      );
    }
    if (error instanceof BackupError) throw new RuntimeError(error.message);
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

function summary(record: BackupRecord, installer: string | undefined): string[] {
  const lines = [`Backed up ${record.source} to ${record.destination} at ${record.takenAt}:`];
  for (const f of record.files) lines.push(`  ${f.name}  ${f.size} bytes  SHA-256 ${f.sha256}  verified`);
  lines.push(
    installer
      ? `  installer of the current version: ${installer}`
      : '  installer: not recorded (--installer)',
  );
  return lines;
}

export async function runBackup(opts: BackupCommandOptions): Promise<ExitCode> {
  if (!opts.record) {
    const record = await copy(opts);
    if (opts.json) opts.stdout(`${JSON.stringify({ recorded: false, backup: record }, null, 2)}\n`);
    else opts.stdout(`${[...summary(record, opts.installer), '  not recorded (--no-record)'].join('\n')}\n`);
    return EXIT.ok;
  }
  return withLockedMigration(
    {
      stateDir: opts.stateDir,
      programVersion: opts.programVersion,
      now: opts.now,
      ...(opts.migration === undefined ? {} : { migration: opts.migration }),
    },
    async ({ migration, dispatch }) => {
      const record = await copy(opts);
      const evidence = localBackupEvidence(record, { installer: opts.installer ?? null });
      const r = dispatch({ type: 'add-evidence', ref: { step: 'backup' }, evidence });
      if (!r.ok) {
        throw new RuntimeError(
          `The backup in ${record.destination} is complete and verified but was not recorded: ${r.refusal.message}`,
        );
      }
      const m = migration();
      const warnings = backupFreshnessOf(m, opts.now());
      if (opts.json) {
        opts.stdout(
          `${JSON.stringify({ recorded: true, migration: m.id, evidenceId: evidence.id, backup: record, warnings }, null, 2)}\n`,
        );
        return EXIT.ok;
      }
      const lines = [
        ...summary(record, opts.installer),
        `  recorded on step 2 of migration "${m.name}"`,
        ...warnings.map((w) => `  warning: ${w.message}`),
      ];
      opts.stdout(`${lines.join('\n')}\n`);
      return EXIT.ok;
    },
  );
}
