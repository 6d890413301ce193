// Steps 5 and 6 are done once per wave. Without a wave, the step shows its waves: counts and the
// status of both per-wave steps; `a` adds a wave, `R` renames one, Enter opens the wave's step.
import { Box, Text } from 'ink';
import { type ReactNode, useState } from 'react';
import { stepDef } from '../state/catalogue/index.js';
import type { Wave, WaveStepId } from '../state/model.js';
import { currentMigration, waveStepStatus } from '../state/selectors.js';
import { validateWaveName } from '../state/validation.js';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { GuardRefusal } from './guard-refusal.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { clampIndex, listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import { newId, statusWord } from './step-data.js';
import { useStepScope } from './step-scope.js';
import { statusColor } from './step-status-bar.js';
import { TextPrompt } from './text-prompt.js';
import { UiContext, useUi } from './ui-context.js';
import { cell, truncate } from './wrap-text.js';

export interface WavesOverviewProps {
  step: WaveStepId;
  onOpen: (waveId: string) => void;
  onBack: () => void;
}

type Mode =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'rename'; wave: Wave }
  | { kind: 'remove'; wave: Wave };

const count = (n: number | undefined) => (n === undefined ? '-' : String(n));

export function WavesOverview(props: WavesOverviewProps) {
  const outer = useUi();
  const scope = useStepScope();
  const { theme, width, height } = outer;
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const m = currentMigration(outer.state);
  const waves = m?.waves ?? [];
  const index = Math.min(selected, Math.max(0, waves.length - 1));
  const def = stepDef(props.step);

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, waves.length);
      const target = waves[clampIndex(selectedLive.current, waves.length)];
      if (key.escape) props.onBack();
      else if (moved !== null) setSelected(moved);
      else if (input === 'a') setMode({ kind: 'add' });
      else if (input === 'R' && target) setMode({ kind: 'rename', wave: target });
      else if (input === 'x' && target) setMode({ kind: 'remove', wave: target });
      else if (key.return && target) props.onOpen(target.id);
    },
    { isActive: mode.kind === 'list' && !scope.capturing && !scope.refusal },
  );

  if (!m) return <Text color={theme.color.error}>No migration is selected.</Text>;

  const status = waveStepStatus(m, props.step);
  const right = `${theme.glyph.status[status]} ${statusWord(status)}`;
  const s5 = stepDef('migrate-users').label;
  const s6 = stepDef('validate').label;
  const rows = waves.map((w, i) => {
    const on = i === index;
    const a = w.steps['migrate-users'].status;
    const b = w.steps.validate.status;
    return (
      <Text key={w.id} wrap="truncate-end" color={on ? theme.color.selected : undefined} bold={on}>
        {on ? theme.glyph.pointer : ' '} {cell(w.name, 22)} {cell(count(w.counts.members), 8)}{' '}
        {cell(count(w.counts.migrated), 8)} {cell(count(w.counts.verified), 8)}{' '}
        <Text color={statusColor(theme, a)}>{cell(`${theme.glyph.status[a]} ${statusWord(a)}`, 13)}</Text>{' '}
        <Text color={statusColor(theme, b)}>{`${theme.glyph.status[b]} ${statusWord(b)}`}</Text>
      </Text>
    );
  });

  let bottom: ReactNode;
  if (scope.refusal) {
    const r = scope.refusal;
    bottom = (
      <GuardRefusal
        key={r.serial}
        refusal={r.refusal}
        event={r.event}
        width={width}
        onDone={(notice) => {
          scope.clearRefusal();
          scope.setNotice(notice);
        }}
      />
    );
  } else if (mode.kind === 'add') {
    bottom = (
      <TextPrompt
        key="add"
        label="New wave name:"
        placeholder='e.g. "Pilot - IT"'
        maxLength={60}
        validate={(v) => validateWaveName(v, m)}
        onCancel={() => setMode({ kind: 'list' })}
        onSubmit={(name) => {
          setMode({ kind: 'list' });
          const refused = scope.ui.dispatch({ type: 'add-wave', id: newId('wave'), name: name.trim() });
          if (!refused) {
            setSelected(waves.length);
            scope.setNotice(`Wave "${name.trim()}" added. Enter opens it.`);
          }
        }}
      />
    );
  } else if (mode.kind === 'rename') {
    const target = mode.wave;
    bottom = (
      <TextPrompt
        key={`rename-${target.id}`}
        label="Rename wave to:"
        initial={target.name}
        maxLength={60}
        validate={(v) => validateWaveName(v, m, target.id)}
        onCancel={() => setMode({ kind: 'list' })}
        onSubmit={(name) => {
          setMode({ kind: 'list' });
          const refused = scope.ui.dispatch({ type: 'rename-wave', waveId: target.id, name: name.trim() });
          if (!refused) scope.setNotice('Wave renamed.');
        }}
      />
    );
  } else if (mode.kind === 'remove') {
    const target = mode.wave;
    bottom = (
      <ConfirmYesNo
        question={`Remove wave "${target.name}" with its groups, counts and test users?`}
        onNo={() => setMode({ kind: 'list' })}
        onYes={() => {
          setMode({ kind: 'list' });
          const refused = scope.ui.dispatch({ type: 'remove-wave', waveId: target.id });
          if (!refused) scope.setNotice(`Wave "${target.name}" removed.`);
        }}
      />
    );
  } else {
    bottom = (
      <Text wrap="truncate-end" color={theme.color.ok}>
        {scope.notice ?? ' '}
      </Text>
    );
  }

  // header, intro, column titles = 3 rows; bottom area 5 rows (a refusal may wrap); hints 1 row.
  const listHeight = Math.max(1, height - 9);
  return (
    <UiContext.Provider value={scope.ui}>
      <Box flexDirection="column" height={height} width={width}>
        <Box width={width} justifyContent="space-between">
          <Text bold color={theme.color.accent} wrap="truncate-end">
            {truncate(
              `Step ${def.label} ${theme.ascii ? '-' : '·'} ${def.title} ${theme.ascii ? '-' : '·'} waves`,
              width - right.length - 2,
            )}
          </Text>
          <Text color={statusColor(theme, status)}>{right}</Text>
        </Box>
        <Text color={theme.color.muted} wrap="truncate-end">
          {truncate(
            `One wave = a migration group + its rollout group(s); steps ${s5} and ${s6} run per wave.`,
            width,
          )}
        </Text>
        <Text bold color={theme.color.muted} wrap="truncate-end">
          {`  ${cell('Wave', 22)} ${cell('Members', 8)} ${cell('Migrated', 8)} ${cell('Verified', 8)} ${cell(`Step ${s5}`, 13)} Step ${s6}`}
        </Text>
        <ScrollBox
          height={listHeight}
          selected={index}
          rows={rows}
          empty="No waves yet. Press a to add one; a small pilot group is a good start."
        />
        <Box flexDirection="column" height={5}>
          {bottom}
        </Box>
        <KeyHints
          hints={[
            ['↑↓', 'move'],
            ['Enter', 'open wave'],
            ['a', 'add wave'],
            ['R', 'rename'],
            ['x', 'remove'],
            ['Esc', 'back'],
          ]}
        />
      </Box>
    </UiContext.Provider>
  );
}
