// Step 2 "Run backup": copy the Data folder here (streaming, hashed, verified; progress with rate and
// time left; Esc cancels) or, from a jump host, record the copy the admin made on the server with the
// probe's hash. Freshness warnings (age, source changed, taken after the update) stay on top.
import { type ReactNode, useRef, useState } from 'react';
import {
  backupsFromEvidence,
  localBackupEvidence,
  remoteBackupEvidence,
} from '../src/checks/backup-evidence.js';
import { backupFreshnessOf, type SourceObservation } from '../src/checks/backup-freshness.js';
import type { ProbeDataFileData } from '../src/probe/probe-evidence.js';
import type { BackupProgress } from '../src/services/prep-services.js';
import type { Evidence, Migration } from '../state/model.js';
import { currentMigration } from '../state/selectors.js';
import { ConfirmYesNo } from './confirm-yes-no.js';
import {
  errorText,
  formatBytes,
  line,
  NotAvailable,
  type PanelLine,
  PrepPanel,
  progressText,
} from './prep-parts.js';
import type { SectionProps } from './section-props.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { usePrepServices } from './use-prep-services.js';

/** The newest data file a probe saw (recorded on step 2 by the probe import). */
export function newestProbedDataFile(evidence: readonly Evidence[]): ProbeDataFileData | null {
  let best: ProbeDataFileData | null = null;
  for (const e of evidence) {
    const d = e.data as Partial<ProbeDataFileData> | undefined;
    if (d?.type !== 'probe-data-file' || !d.collectedAt) continue;
    if (!best || best.collectedAt < d.collectedAt) best = d as ProbeDataFileData;
  }
  return best;
}

export function backupLines(m: Migration, now: Date, observation?: SourceObservation): PanelLine[] {
  const out: PanelLine[] = [];
  for (const w of backupFreshnessOf(m, now, observation)) out.push(line(`! ${w.message}`, 'warn'));
  const backups = backupsFromEvidence(m.steps.backup?.evidence ?? []);
  out.push(line(`Recorded backups (${backups.length}), newest first:`, 'bold'));
  for (const b of backups) {
    const hash = b.dataFileSha256 ? `${b.dataFileSha256.slice(0, 12)}…` : 'no hash';
    const size = b.origin === 'local' ? `, ${formatBytes(b.totalBytes)}` : '';
    out.push(
      line(
        `  ${b.takenAt.slice(0, 16)} ${b.origin} ${b.server ?? ''} -> ${b.destination}${size}, SHA-256 ${hash}`,
      ),
    );
  }
  return out;
}

type Mode =
  | { kind: 'idle' }
  | { kind: 'source' }
  | { kind: 'dest'; source: string }
  | { kind: 'installer'; source: string; dest: string }
  | { kind: 'running' }
  | { kind: 'v-folder' }
  | { kind: 'hashing' }
  | { kind: 'r-server' }
  | { kind: 'r-dest'; server: string }
  | { kind: 'r-confirm'; server: string; dest: string };

export function PrepBackup(props: SectionProps) {
  const services = usePrepServices();
  const { state, dispatch, setCapturingInput } = useUi();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [message, setMessage] = useState<PanelLine[]>([]);
  const [progress, setProgress] = useState<{ p: BackupProgress; elapsed: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [observation, setObservation] = useState<SourceObservation | undefined>(undefined);
  const m = currentMigration(state);
  if (!services) return <NotAvailable what="the backup" />;
  if (!m) return null;
  const evidence = m.steps.backup?.evidence ?? [];
  const probed = newestProbedDataFile(evidence);

  const run = async (source: string, dest: string, installer: string) => {
    setMode({ kind: 'running' });
    // the page's keys (Esc = back) stay quiet while copying: Esc here cancels the copy
    setCapturingInput(true);
    const controller = new AbortController();
    abort.current = controller;
    const started = services.now().getTime();
    let last = -Infinity;
    setProgress({ p: { done: 0, total: 0 }, elapsed: 0 });
    try {
      const record = await services.runBackup(source, dest, {
        signal: controller.signal,
        onProgress: (p) => {
          const t = services.now().getTime();
          // redraw a few times a second at most: a 2 GB copy reports thousands of chunks
          if (t - last >= 200 || p.done === p.total) {
            last = t;
            setProgress({ p, elapsed: t - started });
          }
        },
      });
      const evidenceItem = localBackupEvidence(record, {
        server: services.machine,
        installer: installer.trim() === '' ? null : installer.trim(),
        // the version is known when the newest probe was of this machine
        version:
          probed &&
          probed.server.split('.')[0]?.toLowerCase() === services.machine.split('.')[0]?.toLowerCase()
            ? probed.version
            : null,
      });
      const refused = dispatch({ type: 'add-evidence', ref: { step: 'backup' }, evidence: evidenceItem });
      setMessage([
        refused
          ? line(`Backup done but not recorded: ${refused.message}`, 'error')
          : line(
              `Backed up and verified ${record.files.length} file(s), ${formatBytes(record.totalBytes)}, to ${record.destination}.`,
              'ok',
            ),
      ]);
    } catch (e) {
      setMessage([line(errorText(e), 'error')]);
    } finally {
      abort.current = null;
      setProgress(null);
      setCapturingInput(false);
      setMode({ kind: 'idle' });
    }
  };

  // Hash the live data file and compare with the newest backup (the freshness rules say if it changed).
  const compare = async (folder: string) => {
    setMode({ kind: 'hashing' });
    try {
      const sha256 = await services.hashDataFile(folder);
      const at = services.now().toISOString();
      const seen: SourceObservation = { sha256, at, from: `the hash of ${folder}`, server: null };
      setObservation(seen);
      const newest = backupsFromEvidence(evidence)[0];
      setMessage([
        !newest?.dataFileSha256
          ? line(`PhoneFactor.pfdata in ${folder}: SHA-256 ${sha256} (no backup hash to compare).`, 'warn')
          : newest.dataFileSha256.toLowerCase() === sha256
            ? line(`PhoneFactor.pfdata in ${folder} is unchanged since the newest backup.`, 'ok')
            : line(`PhoneFactor.pfdata in ${folder} changed since the newest backup.`, 'warn'),
      ]);
    } catch (e) {
      setMessage([line(errorText(e), 'error')]);
    }
    setMode({ kind: 'idle' });
  };

  const recordRemote = (server: string, dest: string) => {
    const sameServer = probed && probed.server.toLowerCase() === server.toLowerCase();
    const refused = dispatch({
      type: 'add-evidence',
      ref: { step: 'backup' },
      evidence: remoteBackupEvidence({
        server,
        destination: dest,
        takenAt: services.now().toISOString(),
        dataFileSha256: sameServer ? probed.sha256 : null,
        ...(sameServer ? { source: probed.path, version: probed.version } : {}),
      }),
    });
    setMessage([
      refused
        ? line(`Not recorded: ${refused.message}`, 'error')
        : line(`Recorded the copy on ${server} to ${dest}.`, 'ok'),
    ]);
  };

  const lines: PanelLine[] = [];
  if (mode.kind === 'hashing') lines.push(line('Hashing the data file…', 'muted'));
  if (mode.kind === 'running' && progress) {
    lines.push(
      line('Backing up the Data folder (Esc cancels):', 'bold'),
      line(progressText(progress.p.done, progress.p.total, progress.elapsed)),
    );
  }
  lines.push(...message, ...backupLines(m, services.now(), observation));
  lines.push(
    line(
      services.onServer
        ? 'On the MFA Server: n backs up here.'
        : 'From a jump host: back up on the server, then m records where the copy went (n works where the Data folder is reachable).',
      'muted',
    ),
  );

  const idle = () => setMode({ kind: 'idle' });
  const need = (what: string) => (v: string) => (v.trim() === '' ? `Type ${what}.` : null);
  let footer: ReactNode;
  if (mode.kind === 'source') {
    footer = (
      <TextPrompt
        label="Data folder to back up:"
        initial={services.defaultDataFolder ?? ''}
        placeholder="the MFA Server Data folder"
        validate={need('the Data folder path')}
        onCancel={idle}
        onSubmit={(v) => setMode({ kind: 'dest', source: v.trim() })}
      />
    );
  } else if (mode.kind === 'dest') {
    footer = (
      <TextPrompt
        key="dest"
        label="Back up into folder:"
        placeholder="D:\MFA-Backups"
        validate={need('a destination folder')}
        onCancel={idle}
        onSubmit={(v) => setMode({ kind: 'installer', source: mode.source, dest: v.trim() })}
      />
    );
  } else if (mode.kind === 'installer') {
    footer = (
      <TextPrompt
        key="installer"
        label="Installer of the current version is kept at (optional):"
        placeholder="Enter to skip"
        onCancel={idle}
        onSubmit={(v) => void run(mode.source, mode.dest, v)}
      />
    );
  } else if (mode.kind === 'v-folder') {
    footer = (
      <TextPrompt
        label="Compare the data file in folder:"
        initial={backupsFromEvidence(evidence)[0]?.source || (services.defaultDataFolder ?? '')}
        validate={need('the Data folder path')}
        onCancel={idle}
        onSubmit={(v) => void compare(v.trim())}
      />
    );
  } else if (mode.kind === 'r-server') {
    footer = (
      <TextPrompt
        label="Server the copy was made on:"
        initial={probed?.server ?? ''}
        validate={need('the server name')}
        onCancel={idle}
        onSubmit={(v) => setMode({ kind: 'r-dest', server: v.trim() })}
      />
    );
  } else if (mode.kind === 'r-dest') {
    footer = (
      <TextPrompt
        key="r-dest"
        label="Where did the copy go?"
        placeholder="\\backup01\mfa\2026-11-25"
        validate={need('where the copy is')}
        onCancel={idle}
        onSubmit={(v) => setMode({ kind: 'r-confirm', server: mode.server, dest: v.trim() })}
      />
    );
  } else if (mode.kind === 'r-confirm') {
    const hash =
      probed && probed.server.toLowerCase() === mode.server.toLowerCase() && probed.sha256
        ? `its data file has the probe's SHA-256 ${probed.sha256}`
        : 'no probe of this server gives the data file hash';
    lines.unshift(line(`You copied the Data folder of ${mode.server} to ${mode.dest}; ${hash}.`, 'bold'));
    footer = (
      <ConfirmYesNo
        question="Record this copy as the backup?"
        onYes={() => {
          idle();
          recordRemote(mode.server, mode.dest);
        }}
        onNo={() => {
          idle();
          setMessage([line('Nothing recorded.', 'warn')]);
        }}
      />
    );
  }

  return (
    <PrepPanel
      section={props}
      lines={lines}
      footer={footer}
      busy={mode.kind === 'running'}
      hints={
        mode.kind === 'running'
          ? [['Esc', 'cancel the copy']]
          : [
              ['n', 'back up here'],
              ['m', 'record a copy made on the server'],
              ['c', 'compare the source'],
              ['↑↓', 'scroll'],
            ]
      }
      onKey={(input, key) => {
        if (mode.kind === 'running') {
          if (key.escape) abort.current?.abort();
          return;
        }
        if (mode.kind !== 'idle') return;
        if (input === 'n') setMode({ kind: 'source' });
        else if (input === 'm') setMode({ kind: 'r-server' });
        else if (input === 'c') setMode({ kind: 'v-folder' });
      }}
    />
  );
}
