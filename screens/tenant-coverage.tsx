// Step 8 "Coverage": every wave's verification results, from the wave files, and the total over all
// waves, beside the exceptions recorded. Reads local files only: it works offline.
import { Text } from 'ink';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { WaveCoverage } from '../src/services/tenant-services.js';
import { currentMigration } from '../state/selectors.js';
import type { Coverage } from '../state/verification.js';
import { useKeys } from './key-router.js';
import { listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { bodyRowsOf, TenantLayout } from './tenant-layout.js';
import { NotAvailable, useTenantTask } from './tenant-task.js';
import { useUi } from './ui-context.js';
import { useTenantServices } from './use-tenant-services.js';
import { coverageLine } from './wave-tenant-verify.js';
import { cell } from './wrap-text.js';

export function TenantCoverage(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const services = useTenantServices();
  const task = useTenantTask();
  const m = currentMigration(state);
  const [data, setData] = useState<{ waves: WaveCoverage[]; total: Coverage } | null>(null);
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const { start } = task;

  const load = useCallback(() => {
    if (!services || !m) return;
    start('Reading the waves', () => services.overallCoverage(m), setData);
  }, [services, m, start]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once when shown; r reads again
  useEffect(load, []);

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, data?.waves.length ?? 0);
      if (moved !== null) setSelected(moved);
      else if (input === 'r') load();
      else if (input === 'e' && data && m) {
        const refused = dispatch({
          type: 'add-evidence',
          ref: props.stepRef,
          evidence: {
            id: `coverage:${new Date().toISOString()}`,
            kind: 'count',
            label: 'Coverage over all waves',
            value: `${coverageLine(data.total)}; ${m.exceptions.length} exception(s) recorded`,
            data: { total: data.total, waves: data.waves, exceptions: m.exceptions.length },
          },
        });
        if (!refused) task.setMessage({ kind: 'ok', text: 'Coverage recorded as evidence.' });
      }
    },
    { isActive: props.active && task.running === null },
  );

  if (!services) return <NotAvailable what="coverage across waves" />;
  if (!m) return null;
  const head: ReactNode[] = [];
  if (data) {
    const t = data.total;
    const left = t.total - t.migrated;
    head.push(
      <Text key="t" wrap="truncate-end" bold>
        All waves: {coverageLine(t)}
      </Text>,
      <Text
        key="x"
        wrap="truncate-end"
        color={left > m.exceptions.length ? theme.color.warn : theme.color.ok}
      >
        {left === 0
          ? `${theme.glyph.status.done} every listed user is migrated`
          : `${theme.glyph.warn} ${left} user(s) not migrated; ${m.exceptions.length} exception(s) recorded. Each remaining user needs migrating or an exception.`}
      </Text>,
      <Text key="h" wrap="truncate-end" color={theme.color.muted}>
        {cell('wave', 22)} {cell('members', 8)} {cell('migrated', 9)} {cell('partial', 8)}{' '}
        {cell('not migr.', 9)} {cell('not found', 9)} unchecked
      </Text>,
    );
  }
  const rows = (data?.waves ?? []).map((w, i) => {
    const c = w.coverage;
    const on = i === selected;
    return (
      <Text key={w.waveId} wrap="truncate-end" color={on ? theme.color.selected : undefined}>
        {cell(`${on ? theme.glyph.pointer : ' '} ${w.waveName}`, 22)}{' '}
        {cell(w.members === undefined ? 'not listed' : String(w.members), 8)} {cell(String(c.migrated), 9)}{' '}
        {cell(String(c.partial), 8)} {cell(String(c.notMigrated), 9)} {cell(String(c.notFound), 9)}{' '}
        {c.unchecked}
      </Text>
    );
  });
  return (
    <TenantLayout
      height={props.height}
      width={props.width}
      task={task}
      hints={[
        ['r', 'read again'],
        ['e', 'record as evidence'],
        ['↑↓', 'scroll'],
      ]}
    >
      {head}
      <ScrollBox
        height={Math.max(1, bodyRowsOf(props.height, 1, task, props.width) - head.length)}
        rows={rows}
        selected={selected}
        empty="No waves yet: add them in step 5."
      />
    </TenantLayout>
  );
}
