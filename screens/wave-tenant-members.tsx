// Step 5 "Members": the wave's migration group resolved (a name with several matches is chosen from),
// its transitive user members listed to the wave's files with a progress bar (Esc stops; l again
// resumes where it stopped), the totals shown, and counts + evidence recorded.
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import type { EnumerateResult } from '../src/waves/enumerate-members.js';
import type { ResolvedGroup } from '../src/waves/resolve-group.js';
import type { MembersCheckpoint, MemberTotals } from '../src/waves/wave-files.js';
import { currentMigration } from '../state/selectors.js';
import { useKeys } from './key-router.js';
import { listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { shortTime, waveOf } from './step-data.js';
import { bodyRowsOf, TenantLayout } from './tenant-layout.js';
import { NotAvailable, useTenantTask } from './tenant-task.js';
import { useUi } from './ui-context.js';
import { useTenantServices } from './use-tenant-services.js';

export function totalsLine(t: MemberTotals): string {
  return `${t.users} users, ${t.enabled} enabled, ${t.synced} synced from on-premises, ${t.cloudOnly} cloud-only`;
}

export function WaveTenantMembers(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const services = useTenantServices();
  const task = useTenantTask();
  const m = currentMigration(state);
  const wave = m ? waveOf(m, props.stepRef.wave) : undefined;
  const [checkpoint, setCheckpoint] = useState<MembersCheckpoint | undefined>(undefined);
  const [choices, setChoices] = useState<ResolvedGroup[] | null>(null);
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const ref = wave?.migrationGroups[0];
  const mid = m?.id ?? '';
  const wid = wave?.id ?? '';

  // read the checkpoint when shown and after every run (finished, failed or stopped)
  useEffect(() => {
    if (!services || !mid || !wid || task.running) return;
    let live = true;
    services
      .membersCheckpoint(mid, wid)
      .then((cp) => live && setCheckpoint(cp))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [services, mid, wid, task.running]);

  const record = (r: EnumerateResult) => {
    if (!wave) return;
    dispatch({ type: 'set-wave-counts', waveId: wave.id, members: r.totals.users });
    dispatch({
      type: 'add-evidence',
      ref: props.stepRef,
      evidence: {
        id: `members:${wave.id}:${r.groupId}:${r.finishedAt}`,
        kind: 'count',
        label: `Members of ${r.groupName}`,
        value: totalsLine(r.totals),
        data: { groupId: r.groupId, groupName: r.groupName, totals: r.totals, finishedAt: r.finishedAt },
      },
    });
  };

  const enumerate = (group: ResolvedGroup, refresh: boolean) => {
    if (!services || !wave) return;
    task.start(
      `Listing members of ${group.displayName}`,
      (run) => services.enumerateMembers(mid, wid, group, { ...run, refresh }),
      (r) => {
        record(r);
        task.setMessage({
          kind: 'ok',
          text: `${r.resumed ? 'Resumed and listed' : 'Listed'} ${r.totals.users} users; counts and evidence recorded.`,
        });
      },
    );
  };

  const list = (refresh: boolean) => {
    if (!services || !wave) return;
    if (!ref) {
      task.setMessage({
        kind: 'warn',
        text: 'The wave has no migration group yet: set it in the Wave section.',
      });
      return;
    }
    task.start(
      'Finding the group',
      () => services.resolveGroup(ref),
      (res) => {
        if (res.kind === 'found') enumerate(res.group, refresh);
        else if (res.kind === 'ambiguous') {
          setChoices(res.choices);
          setSelected(0);
          task.setMessage({
            kind: 'warn',
            text: `${res.choices.length} groups are named "${res.name}": choose one.`,
          });
        } else task.setMessage({ kind: 'error', text: res.message });
      },
    );
  };

  useKeys(
    (input, key) => {
      if (choices) {
        const moved = listMove(input, key, selectedLive.current, choices.length);
        if (moved !== null) setSelected(moved);
        else if (key.return) {
          const g = choices[selectedLive.current];
          if (!g || !wave) return;
          setChoices(null);
          // remember the choice: from now on the wave names the group by its id
          const refused = dispatch({
            type: 'set-wave-groups',
            waveId: wave.id,
            migrationGroups: [{ name: g.displayName, id: g.id }, ...wave.migrationGroups.slice(1)],
            rolloutGroups: wave.rolloutGroups,
          });
          if (!refused) enumerate(g, false);
        } else if (input === 'c') setChoices(null);
        return;
      }
      if (input === 'l') list(false);
      else if (input === 'R') list(true);
    },
    { isActive: props.active && task.running === null },
  );

  if (!services) return <NotAvailable what="listing the migration group's members" />;
  if (!m || !wave) return <Text color={theme.color.error}>This wave is not in the migration.</Text>;

  const lines: React.ReactNode[] = [];
  const groupText = ref ? `${ref.name ?? ''}${ref.id ? ` (${ref.id})` : ''}`.trim() : '';
  lines.push(
    <Text key="g" wrap="truncate-end">
      Migration group:{' '}
      {groupText || <Text color={theme.color.warn}>none yet: set it in the Wave section</Text>}
    </Text>,
  );
  if (!services.online())
    lines.push(
      <Text key="off" wrap="truncate-end" color={theme.color.warn}>
        {theme.glyph.warn} offline: sign in (g) or record the member count by hand (Wave section)
      </Text>,
    );
  if (checkpoint) {
    const state = checkpoint.done
      ? `listed ${shortTime(checkpoint.updatedAt)}`
      : `interrupted after ${checkpoint.count} users (l resumes)`;
    lines.push(
      <Text key="s" wrap="truncate-end">
        Members of {checkpoint.groupName ?? checkpoint.groupId}: {state}
      </Text>,
      <Text key="t" wrap="truncate-end" bold>
        {totalsLine(checkpoint.totals)}
      </Text>,
    );
    if (checkpoint.totals.cloudOnly > 0)
      lines.push(
        <Text key="c" wrap="truncate-end" color={theme.color.muted}>
          Cloud-only users are not affected by staged rollout; they move with the federation change.
        </Text>,
      );
  } else {
    lines.push(
      <Text key="n" wrap="truncate-end" color={theme.color.muted}>
        Members not listed yet. l lists the group's users (nested groups count), kept in the wave's files.
      </Text>,
    );
  }
  const body = bodyRowsOf(props.height, 1, task, props.width);
  return (
    <TenantLayout
      height={props.height}
      width={props.width}
      task={task}
      hints={
        choices
          ? [
              ['↑↓', 'choose'],
              ['Enter', 'use this group'],
              ['c', 'cancel'],
            ]
          : [
              ['l', checkpoint && !checkpoint.done ? 'resume' : 'list members'],
              ['R', 'list again from the start'],
            ]
      }
    >
      {lines}
      {choices ? (
        <ScrollBox
          height={Math.max(1, body - lines.length)}
          selected={selected}
          rows={choices.map((g, i) => (
            <Text key={g.id} wrap="truncate-end" color={i === selected ? theme.color.selected : undefined}>
              {i === selected ? theme.glyph.pointer : ' '} {g.displayName} {g.id}
              {g.dynamic ? ' (dynamic)' : ''}
            </Text>
          ))}
        />
      ) : null}
    </TenantLayout>
  );
}
