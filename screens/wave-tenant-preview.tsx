// Step 5 "Preview": the admin's per-user CSV of MFA Server data (columns in the README) run through
// the Migration Utility's rules. Bad rows are listed by line and left out only if the admin accepts;
// the accepted preview is kept in the wave's files (verification compares against it). Summary
// counts, a filter to users with skips, and an Excel-safe export with phone numbers masked.
import { Text } from 'ink';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { RowError } from '../src/sync-preview/parse-user-export.js';
import { type PreviewSummary, summarisePreview } from '../src/sync-preview/summary.js';
import type { UserPreview } from '../src/sync-preview/types.js';
import { currentMigration } from '../state/selectors.js';
import { useKeys } from './key-router.js';
import { listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { waveOf } from './step-data.js';
import { bodyRowsOf, TenantLayout } from './tenant-layout.js';
import { NotAvailable, useTenantTask } from './tenant-task.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { useTenantServices } from './use-tenant-services.js';
import { cell } from './wrap-text.js';

export function summaryLine(s: PreviewSummary): string {
  const sk = s.skipped;
  return `${s.users} users, ${s.landed} values land; ${s.usersWithSkips} with skips (device limit ${sk['device-limit']}, both extensions ${sk['both-extensions']}, duplicate names ${sk['duplicate-device-name']}); ${s.extensionsDropped} extensions dropped`;
}

type Mode =
  | { kind: 'view' }
  | { kind: 'import-path' }
  | { kind: 'export-path' }
  | { kind: 'pending'; previews: UserPreview[]; summary: PreviewSummary; errors: RowError[]; file: string };

export function WaveTenantPreview(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const services = useTenantServices();
  const task = useTenantTask();
  const m = currentMigration(state);
  const wave = m ? waveOf(m, props.stepRef.wave) : undefined;
  const mid = m?.id ?? '';
  const wid = wave?.id ?? '';
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [accepted, setAccepted] = useState<UserPreview[] | null>(null);
  const [onlySkips, setOnlySkips, onlySkipsLive] = useLiveState(false);
  const [selected, setSelected, selectedLive] = useLiveState(0);

  const reload = () => {
    if (!services || !mid || !wid) return;
    services
      .readPreview(mid, wid, false)
      .then(setAccepted)
      .catch(() => setAccepted([]));
  };
  useEffect(reload, [services, mid, wid]);

  // a wave can hold 50,000 users: filter, summarise and build the rows once per change of the data,
  // not on every key press (a move only swaps the two highlighted rows)
  const shown = useMemo(
    () => (accepted ?? []).filter((p) => !onlySkips || p.skipped.length > 0),
    [accepted, onlySkips],
  );
  const acceptedSummary = useMemo(
    () => (accepted && accepted.length > 0 ? summarisePreview(accepted) : null),
    [accepted],
  );
  const previewRow = useCallback(
    (p: UserPreview, on: boolean) => {
      const why = p.skipped.map((k) => k.message).join('; ') || p.notes.join('; ');
      return (
        <Text key={p.user} wrap="truncate-end" color={on ? theme.color.selected : undefined}>
          {on ? theme.glyph.pointer : ' '} {cell(p.user, Math.max(10, Math.floor(props.width / 3)))}{' '}
          {cell(String(p.lands.length), 3)} {p.skipped.length ? `${theme.glyph.warn} ${why}` : why}
        </Text>
      );
    },
    [theme, props.width],
  );
  const baseRows = useMemo(() => shown.map((p) => previewRow(p, false)), [shown, previewRow]);
  const pending = mode.kind === 'pending' ? mode : null;
  const errorsShown = pending?.errors ?? [];

  useKeys(
    (input, key) => {
      if (pending) {
        const movedError = listMove(input, key, selectedLive.current, pending.errors.length);
        if (movedError !== null) setSelected(movedError);
        else if (input === 'a' || key.return) {
          const p = pending;
          task.start(
            'Keeping the preview',
            () => services?.acceptPreview(mid, wid, p.previews) ?? Promise.resolve(),
            () => {
              setMode({ kind: 'view' });
              dispatch({
                type: 'add-evidence',
                ref: props.stepRef,
                evidence: {
                  id: `preview:${wid}:${Date.parse(new Date().toISOString())}`,
                  kind: 'count',
                  label: 'Sync preview (Migration Utility rules)',
                  value: summaryLine(p.summary),
                  data: { file: p.file, summary: p.summary, rowsLeftOut: p.errors.map((e) => e.line) },
                },
              });
              task.setMessage({
                kind: 'ok',
                text: `Preview kept for ${p.summary.users} users${p.errors.length ? `, ${p.errors.length} bad row(s) left out` : ''}.`,
              });
              reload();
            },
          );
        } else if (input === 'x' || key.escape) {
          setMode({ kind: 'view' });
          task.setMessage({ kind: 'warn', text: 'Import discarded; the earlier preview stays.' });
        }
        return;
      }
      const moved = listMove(input, key, selectedLive.current, shown.length);
      if (moved !== null) setSelected(moved);
      else if (input === 'c') setMode({ kind: 'import-path' });
      else if (input === 'e' && (accepted?.length ?? 0) > 0) setMode({ kind: 'export-path' });
      else if (input === 'f') {
        setOnlySkips(!onlySkipsLive.current);
        setSelected(0);
      }
    },
    { isActive: props.active && task.running === null && (mode.kind === 'view' || mode.kind === 'pending') },
  );

  if (!services) return <NotAvailable what="the sync preview" />;
  if (!m || !wave) return <Text color={theme.color.error}>This wave is not in the migration.</Text>;

  let bottom: ReactNode;
  if (mode.kind === 'import-path') {
    bottom = (
      <TextPrompt
        key="import"
        label="CSV to import:"
        placeholder="path of the per-user MFA Server export (columns in the README)"
        maxLength={1000}
        validate={(v) => (v.trim() ? null : 'Type the path of the CSV file.')}
        onCancel={() => setMode({ kind: 'view' })}
        onSubmit={(file) => {
          setMode({ kind: 'view' });
          task.start(
            'Reading the CSV',
            () => services.importPreview(file.trim()),
            (r) => {
              if (!r.ok) task.setMessage({ kind: 'error', text: r.message });
              else {
                setSelected(0);
                setMode({
                  kind: 'pending',
                  previews: r.previews,
                  summary: r.summary,
                  errors: r.errors,
                  file: file.trim(),
                });
              }
            },
          );
        }}
      />
    );
  } else if (mode.kind === 'export-path') {
    bottom = (
      <TextPrompt
        key="export"
        label={onlySkips ? 'Export users with skips to:' : 'Export preview to:'}
        placeholder="path of the CSV to write (phone numbers masked)"
        maxLength={1000}
        validate={(v) => (v.trim() ? null : 'Type the path of the CSV file to write.')}
        onCancel={() => setMode({ kind: 'view' })}
        onSubmit={(file) => {
          setMode({ kind: 'view' });
          task.start(
            'Writing the CSV',
            () => services.exportPreview(mid, wid, file.trim(), onlySkipsLive.current),
            (rows) => task.setMessage({ kind: 'ok', text: `Wrote ${rows} row(s) to ${file.trim()}.` }),
          );
        }}
      />
    );
  }

  const body = bodyRowsOf(props.height, bottom ? 2 : 1, task, props.width);
  const head: ReactNode[] = [];
  let rows: ReactNode[];
  if (pending) {
    head.push(
      <Text key="p" wrap="truncate-end" bold>
        Read {pending.file}: {summaryLine(pending.summary)}
      </Text>,
      <Text key="q" wrap="truncate-end" color={pending.errors.length ? theme.color.warn : theme.color.ok}>
        {pending.errors.length
          ? `${theme.glyph.warn} ${pending.errors.length} row(s) cannot be read and would be left out:`
          : 'Every row was read.'}
      </Text>,
    );
    rows = errorsShown.map((e) => (
      <Text key={e.line} wrap="truncate-end">
        line {e.line}: {e.message}
      </Text>
    ));
  } else {
    const s = acceptedSummary;
    head.push(
      <Text key="s" wrap="truncate-end" bold={s !== null} color={s ? undefined : theme.color.muted}>
        {s ? summaryLine(s) : 'No preview yet. c imports the per-user CSV and predicts what lands in Entra.'}
      </Text>,
    );
    if (s)
      head.push(
        <Text key="f" wrap="truncate-end" color={theme.color.muted}>
          {onlySkips ? `Users with skips (${shown.length})` : `All users (${shown.length})`}: user, lands,
          skipped
        </Text>,
      );
    rows = baseRows.slice();
    const at = shown[selected];
    if (at) rows[selected] = previewRow(at, true);
  }
  const hints: [string, string][] = pending
    ? [
        ['a', errorsShown.length ? 'accept without the bad rows' : 'accept'],
        ['x', 'discard'],
      ]
    : [
        ['c', 'import CSV'],
        ['f', onlySkips ? 'all users' : 'only skips'],
        ['e', 'export CSV'],
        ['↑↓', 'scroll'],
      ];
  return (
    <TenantLayout
      height={props.height}
      width={props.width}
      task={task}
      hints={hints}
      bottom={bottom}
      bottomRows={2}
    >
      {head}
      <ScrollBox
        height={Math.max(1, body - head.length)}
        rows={rows}
        selected={selected}
        empty={pending ? '' : ' '}
      />
    </TenantLayout>
  );
}
