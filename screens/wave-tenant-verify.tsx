// Step 5 "Verify": after the admin ran the Migration Utility, a verification pass over the wave's
// members (live authentication methods, batched; resumable: Esc stops, v continues the same pass).
// Coverage, the masked-phone notice and why, the users not migrated (scrollable); counts + evidence.
import { Text } from 'ink';
import { type ReactNode, useEffect, useState } from 'react';
import { PHONES_MASKED_REASON, type VerifyResult } from '../src/waves/verify-wave.js';
import type { VerificationRecord } from '../src/waves/wave-files.js';
import { currentMigration } from '../state/selectors.js';
import type { Coverage } from '../state/verification.js';
import { useKeys } from './key-router.js';
import { listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { waveOf } from './step-data.js';
import { bodyRowsOf, TenantLayout } from './tenant-layout.js';
import { NotAvailable, useTenantTask } from './tenant-task.js';
import { useUi } from './ui-context.js';
import { useTenantServices } from './use-tenant-services.js';
import { cell, wrapText } from './wrap-text.js';

export function coverageLine(c: Coverage): string {
  const pct = c.total === 0 ? 0 : Math.floor((c.migrated / c.total) * 1000) / 10;
  return `${c.migrated} of ${c.total} migrated (${pct}%); partial ${c.partial}, not migrated ${c.notMigrated}, not found ${c.notFound}, unchecked ${c.unchecked}`;
}

export const OUTCOME_WORD: Record<VerificationRecord['outcome'], string> = {
  migrated: 'migrated',
  partial: 'partial',
  'not-migrated': 'not migrated',
  'not-found': 'not found',
};

export function WaveTenantVerify(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const services = useTenantServices();
  const task = useTenantTask();
  const m = currentMigration(state);
  const wave = m ? waveOf(m, props.stepRef.wave) : undefined;
  const mid = m?.id ?? '';
  const wid = wave?.id ?? '';
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [problems, setProblems] = useState<VerificationRecord[]>([]);
  const [selected, setSelected, selectedLive] = useLiveState(0);

  const loadProblems = () => {
    if (!services || !mid || !wid || task.running) return;
    services
      .notMigrated(mid, wid)
      .then(setProblems)
      .catch(() => setProblems([]));
  };
  // read when shown and after every run (finished, failed or stopped: a stopped pass kept its results)
  useEffect(loadProblems, [services, mid, wid, task.running]);

  const run = (full: boolean) => {
    if (!services || !wave) return;
    task.start(
      full ? 'Verifying every member' : 'Verifying',
      (r) => services.verify(mid, wid, { ...r, full }),
      (r) => {
        setResult(r);
        dispatch({ type: 'set-wave-counts', waveId: wave.id, ...r.counts });
        dispatch({
          type: 'add-evidence',
          ref: props.stepRef,
          evidence: {
            id: `verify:${wave.id}:pass-${r.pass}:${r.finishedAt}`,
            kind: 'count',
            label: `Verification pass ${r.pass} (live authentication methods)`,
            value: coverageLine(r.coverage),
            data: {
              pass: r.pass,
              scope: r.scope,
              coverage: r.coverage,
              phonesMasked: r.phonesMasked,
              startedAt: r.startedAt,
              finishedAt: r.finishedAt,
            },
          },
        });
        task.setMessage({
          kind: r.complete ? 'ok' : 'warn',
          text: `Pass ${r.pass}${r.resumed ? ' (resumed)' : ''}: ${r.complete ? 'every member migrated' : 'coverage incomplete'}; counts and evidence recorded.`,
        });
      },
    );
  };

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, problems.length);
      if (moved !== null) setSelected(moved);
      else if (input === 'v') run(false);
      else if (input === 'F') run(true);
    },
    { isActive: props.active && task.running === null },
  );

  if (!services) return <NotAvailable what="verifying the wave's users" />;
  if (!m || !wave) return <Text color={theme.color.error}>This wave is not in the migration.</Text>;

  const head: ReactNode[] = [];
  if (result) {
    for (const [i, part] of wrapText(coverageLine(result.coverage), Math.max(10, props.width - 1)).entries())
      head.push(
        <Text key={`c${i}`} wrap="truncate-end" bold>
          {part}
        </Text>,
      );
    head.push(
      <Text key="s" wrap="truncate-end" color={theme.color.muted}>
        Pass {result.pass}: {result.scope}
      </Text>,
    );
  } else {
    const c = wave.counts;
    head.push(
      <Text key="r" wrap="truncate-end" color={theme.color.muted}>
        {c.members !== undefined
          ? `Recorded: ${c.migrated ?? 0} of ${c.members} migrated, ${c.verified ?? 0} checked. v runs a pass.`
          : 'Not verified yet. After the Migration Utility ran, v checks each member in Entra.'}
      </Text>,
    );
  }
  const masked = result?.phonesMasked || problems.some((p) => p.phonesMasked);
  if (masked)
    head.push(
      <Text key="m" wrap="truncate-end" color={theme.color.warn}>
        {theme.glyph.warn} {result?.maskedReason ?? PHONES_MASKED_REASON}
      </Text>,
    );
  if (result?.auditNote)
    head.push(
      <Text key="a" wrap="truncate-end" color={theme.color.warn}>
        {theme.glyph.warn} {result.auditNote}
      </Text>,
    );
  if (!services.online())
    head.push(
      <Text key="o" wrap="truncate-end" color={theme.color.warn}>
        {theme.glyph.warn} offline: sign in (g) or record the counts by hand (Wave section)
      </Text>,
    );
  head.push(
    <Text key="h" wrap="truncate-end" color={theme.color.muted}>
      Not migrated yet ({problems.length}): user, result, what is missing
    </Text>,
  );
  const w = props.width;
  const rows = problems.map((p, i) => {
    const on = i === selected;
    return (
      <Text key={p.id} wrap="truncate-end" color={on ? theme.color.selected : undefined}>
        {on ? theme.glyph.pointer : ' '} {cell(p.upn, Math.max(10, Math.floor(w / 2.5)))}{' '}
        {cell(OUTCOME_WORD[p.outcome], 12)} {p.missing.join(', ')}
      </Text>
    );
  });
  const body = bodyRowsOf(props.height, 1, task, props.width);
  return (
    <TenantLayout
      height={props.height}
      width={props.width}
      task={task}
      hints={[
        ['v', 'verify (next pass / resume)'],
        ['F', 'full re-check'],
        ['↑↓', 'scroll'],
      ]}
    >
      {head}
      <ScrollBox height={Math.max(1, body - head.length)} rows={rows} selected={selected} empty="  (none)" />
    </TenantLayout>
  );
}
