// Step 8 "Coverage": every wave's verification results, from the wave files, and the total over all
// waves, beside the exceptions recorded. Reads local files only: it works offline.
import { Text } from 'ink';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { TenantServices, WaveCoverage } from '../src/services/tenant-services.js';
import { currentMigration } from '../state/selectors.js';
import type { Coverage } from '../state/verification.js';
import { useKeys } from './key-router.js';
import { listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ReasonPrompt } from './reason-prompt.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { bodyRowsOf, TenantLayout } from './tenant-layout.js';
import { NotAvailable, useTenantTask } from './tenant-task.js';
import { useUi } from './ui-context.js';
import { useTenantServices } from './use-tenant-services.js';
import { coverageLine, OUTCOME_WORD } from './wave-tenant-verify.js';

type Remaining = Awaited<ReturnType<TenantServices['remainingUsers']>>[number];

import { cell } from './wrap-text.js';

export function TenantCoverage(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const services = useTenantServices();
  const task = useTenantTask();
  const m = currentMigration(state);
  const [data, setData] = useState<{ waves: WaveCoverage[]; total: Coverage } | null>(null);
  const [remaining, setRemaining] = useState<Remaining[]>([]);
  const [asking, setAsking] = useState<Remaining | null>(null);
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const { start } = task;

  const load = useCallback(() => {
    if (!services || !m) return;
    start(
      'Reading the waves',
      async () => ({ c: await services.overallCoverage(m), r: await services.remainingUsers(m) }),
      ({ c, r }) => {
        setData(c);
        setRemaining(r);
      },
    );
  }, [services, m, start]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once when shown; r reads again
  useEffect(load, []);

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, remaining.length);
      if (moved !== null) setSelected(moved);
      else if (input === 'l') load();
      else if (input === 'x') {
        const u = remaining[selectedLive.current];
        if (u) setAsking(u);
      } else if (input === 'e' && data && m) {
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
    { isActive: props.active && task.running === null && asking === null },
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
  for (const w of data?.waves ?? []) {
    const c = w.coverage;
    head.push(
      <Text key={`w${w.waveId}`} wrap="truncate-end">
        {cell(`  ${w.waveName}`, 22)} {cell(w.members === undefined ? 'not listed' : String(w.members), 8)}{' '}
        {cell(String(c.migrated), 9)} {cell(String(c.partial), 8)} {cell(String(c.notMigrated), 9)}{' '}
        {cell(String(c.notFound), 9)} {c.unchecked}
      </Text>,
    );
  }
  if (data && data.waves.length === 0)
    head.push(
      <Text key="nw" color={theme.color.muted} wrap="truncate-end">
        No waves yet: add them in step 5.
      </Text>,
    );
  if (data)
    head.push(
      <Text key="rh" color={theme.color.muted} wrap="truncate-end">
        Not migrated, no exception ({remaining.length}
        {remaining.length >= 5000 ? '+' : ''}): user, wave, result
      </Text>,
    );
  const rows = remaining.map((u, i) => {
    const on = i === selected;
    return (
      <Text key={`${u.waveName}:${u.upn}`} wrap="truncate-end" color={on ? theme.color.selected : undefined}>
        {on ? theme.glyph.pointer : ' '} {cell(u.upn, 34)} {cell(u.waveName, 14)} {OUTCOME_WORD[u.outcome]}
        {u.missing.length ? `: ${u.missing.join(', ')}` : ''}
      </Text>
    );
  });
  const bottom = asking ? (
    <ReasonPrompt
      label={`Exception for ${asking.upn}: why?`}
      onCancel={() => setAsking(null)}
      onSubmit={(reason) => {
        const u = asking;
        setAsking(null);
        const refused = dispatch({ type: 'add-exception', upn: u.upn, reason });
        if (!refused) {
          setRemaining((r) => r.filter((x) => x.upn !== u.upn));
          task.setMessage({ kind: 'ok', text: `Exception recorded for ${u.upn}.` });
        }
      }}
    />
  ) : undefined;
  return (
    <TenantLayout
      height={props.height}
      width={props.width}
      task={task}
      bottom={bottom}
      bottomRows={2}
      hints={[
        ['l', 'read again'],
        ['x', 'exception for user'],
        ['e', 'record as evidence'],
        ['↑↓', 'scroll'],
      ]}
    >
      {head}
      <ScrollBox
        height={Math.max(1, bodyRowsOf(props.height, bottom ? 2 : 1, task, props.width) - head.length)}
        rows={rows}
        selected={selected}
        empty={data ? '  (none)' : ' '}
      />
    </TenantLayout>
  );
}
