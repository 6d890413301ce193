// Rollback "Restore": put the recorded backup's PhoneFactor.pfdata back (the restore module checks
// the backup's hash first, needs the service stopped — confirmed by the admin on a jump host — and
// keeps the current file aside), then records what it did. Refusals are one line.
import { type ReactNode, useState } from 'react';
import { type BackupRecord, DATA_FILE } from '../src/backup/backup.js';
import { type BackupEvidenceData, backupsFromEvidence } from '../src/checks/backup-evidence.js';
import { isUpdatedVersion } from '../src/checks/backup-freshness.js';
import { currentMigration } from '../state/selectors.js';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { errorText, line, NotAvailable, type PanelLine, PrepPanel } from './prep-parts.js';
import type { SectionProps } from './section-props.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { usePrepServices } from './use-prep-services.js';

/** The backup to restore first: the newest taken before the update, else the newest. */
export function defaultRestoreIndex(backups: readonly BackupEvidenceData[]): number {
  const i = backups.findIndex((b) => !isUpdatedVersion(b.version));
  return Math.max(i, 0);
}

/** The restore module's record from what step 2 recorded; a remote backup knows only the data file's hash. */
export function backupRecordOf(b: BackupEvidenceData): BackupRecord | null {
  const files =
    b.files.length > 0
      ? b.files
      : b.dataFileSha256
        ? [{ name: DATA_FILE, size: 0, modifiedAt: b.takenAt, sha256: b.dataFileSha256 }]
        : [];
  if (files.length === 0) return null;
  return {
    source: b.source,
    destination: b.destination,
    takenAt: b.takenAt,
    files,
    totalBytes: b.totalBytes,
  };
}

type Mode =
  | { kind: 'idle' }
  | { kind: 'folder'; backup: BackupEvidenceData }
  | { kind: 'confirm'; backup: BackupEvidenceData; folder: string }
  | { kind: 'working' };

export function PrepRestore(props: SectionProps) {
  const services = usePrepServices();
  const { state, dispatch } = useUi();
  const m = currentMigration(state);
  const backups = backupsFromEvidence(m?.steps.backup?.evidence ?? []);
  const [picked, setPicked] = useState<number | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [message, setMessage] = useState<PanelLine[]>([]);
  if (!services) return <NotAvailable what="restoring the data file" />;
  if (!m) return null;
  const index = Math.min(picked ?? defaultRestoreIndex(backups), Math.max(0, backups.length - 1));
  const chosen = backups[index];

  const restore = async (b: BackupEvidenceData, folder: string) => {
    setMode({ kind: 'working' });
    const record = backupRecordOf(b);
    try {
      if (!record)
        throw new Error(
          'This backup has no recorded hash of the data file: it cannot be verified, so it is not restored.',
        );
      const r = await services.restore({
        backup: record,
        dataFolder: folder,
        adminConfirmedServiceStopped: true,
      });
      const refused = dispatch({
        type: 'add-evidence',
        ref: { step: 'rb-restore' },
        evidence: {
          id: `restore:${r.restoredAt}`,
          kind: 'file-hash',
          label: `Restored ${DATA_FILE} from the backup of ${b.takenAt}`,
          value: `${r.to}, SHA-256 ${r.sha256} verified; the file that was there is kept at ${r.keptAsideAt ?? '(there was none)'}`,
          data: { type: 'mfa-restore', backupTakenAt: b.takenAt, ...r },
        },
      });
      setMessage([
        refused
          ? line(`Restored, but not recorded: ${refused.message}`, 'error')
          : line(`Restored and verified ${r.to}. Start the MultiFactorAuth service.`, 'ok'),
        ...(r.keptAsideAt ? [line(`The file that was there is kept at ${r.keptAsideAt}.`, 'muted')] : []),
      ]);
    } catch (e) {
      setMessage([line(errorText(e), 'error')]);
    }
    setMode({ kind: 'idle' });
  };

  const lines: PanelLine[] = [];
  if (!chosen) {
    lines.push(line('No backup is recorded on step 2: there is nothing to restore from.', 'warn'));
  } else {
    lines.push(line(`Backup ${index + 1} of ${backups.length} (←→ to choose):`, 'bold'));
    lines.push(
      line(
        `  taken ${chosen.takenAt} on ${chosen.server ?? 'unknown'} (${chosen.origin}), version ${chosen.version ?? 'unknown'}`,
      ),
    );
    lines.push(line(`  in ${chosen.destination}`));
    lines.push(line(`  ${DATA_FILE} SHA-256 ${chosen.dataFileSha256 ?? 'not recorded'}`));
    if (isUpdatedVersion(chosen.version)) {
      lines.push(
        line('! Taken after the update: it holds 8.1 data and cannot bring back the old version.', 'warn'),
      );
    }
  }
  lines.push(
    line(
      services.onServer
        ? 'The wizard checks that the MultiFactorAuth service is stopped, then keeps the current file aside.'
        : 'From a jump host: stop MultiFactorAuth on the server first (net stop MultiFactorAuth); the backup must be reachable from here.',
      'muted',
    ),
  );
  if (mode.kind === 'working') lines.push(line('Verifying the backup and restoring…', 'muted'));
  lines.push(...message);

  let footer: ReactNode;
  if (mode.kind === 'folder') {
    footer = (
      <TextPrompt
        label="Restore into the Data folder:"
        initial={mode.backup.source || (services.defaultDataFolder ?? '')}
        validate={(v) => (v.trim() === '' ? 'Type the MFA Server Data folder.' : null)}
        onCancel={() => setMode({ kind: 'idle' })}
        onSubmit={(v) => setMode({ kind: 'confirm', backup: mode.backup, folder: v.trim() })}
      />
    );
  } else if (mode.kind === 'confirm') {
    lines.push(
      line(`Restore ${DATA_FILE} from ${mode.backup.destination} into ${mode.folder}.`, 'bold'),
      ...(services.onServer
        ? []
        : [
            line(
              `The wizard cannot see ${mode.backup.server ?? 'the server'}: stop MultiFactorAuth there first.`,
              'warn',
            ),
          ]),
    );
    const q = services.onServer
      ? 'Restore now?'
      : `Is MultiFactorAuth stopped on ${mode.backup.server ?? 'the server'}?`;
    footer = (
      <ConfirmYesNo
        question={q}
        onYes={() => void restore(mode.backup, mode.folder)}
        onNo={() => {
          setMode({ kind: 'idle' });
          setMessage([line('Nothing restored.', 'warn')]);
        }}
      />
    );
  }
  return (
    <PrepPanel
      section={props}
      lines={lines}
      footer={footer}
      hints={
        chosen
          ? [
              ['t', 'restore'],
              ['←→', 'backup'],
              ['↑↓', 'scroll'],
            ]
          : [['↑↓', 'scroll']]
      }
      onKey={(input, key) => {
        if (mode.kind !== 'idle' || !chosen) return;
        if (key.leftArrow) setPicked(Math.max(0, index - 1));
        else if (key.rightArrow) setPicked(Math.min(backups.length - 1, index + 1));
        else if (input === 't') setMode({ kind: 'folder', backup: chosen });
      }}
    />
  );
}
