// Evidence recorded on a step: what was checked and what was seen (notes, counts, versions...).
// `a` adds one (kind, label, value), `x` removes the selected one after a y/n.
import { Box, Text } from 'ink';
import { useState } from 'react';
import type { Evidence } from '../state/model.js';
import { currentMigration } from '../state/selectors.js';
import { ChoiceLine } from './choice-line.js';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { clampIndex, listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { newId, shortTime, stepStateOf } from './step-data.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { cell } from './wrap-text.js';

/** Kinds an admin types by hand; hashes, Graph reads and probes are recorded by the checks. */
export const MANUAL_EVIDENCE_KINDS = ['note', 'count', 'version', 'other'] as const;
type ManualKind = (typeof MANUAL_EVIDENCE_KINDS)[number];

export function evidenceValueProblem(kind: ManualKind, value: string): string | null {
  if (value.trim() === '') return 'Write the value you saw.';
  if (kind === 'count' && !/^\d+$/.test(value.trim())) return 'A count is a whole number, e.g. 1250.';
  return null;
}

type Mode =
  | { kind: 'list' }
  | { kind: 'choose-kind' }
  | { kind: 'label'; evidenceKind: ManualKind }
  | { kind: 'value'; evidenceKind: ManualKind; label: string }
  | { kind: 'remove'; evidence: Evidence };

export function EvidenceList(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const m = currentMigration(state);
  const list = (m ? stepStateOf(m, props.stepRef)?.evidence : undefined) ?? [];
  const index = Math.min(selected, Math.max(0, list.length - 1));
  const current = list[index];

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, list.length);
      if (moved !== null) setSelected(moved);
      else if (input === 'a') setMode({ kind: 'choose-kind' });
      else if (input === 'x') {
        const target = list[clampIndex(selectedLive.current, list.length)];
        if (target) setMode({ kind: 'remove', evidence: target });
      }
    },
    { isActive: props.active && mode.kind === 'list' },
  );

  const w = props.width;
  const valueWidth = Math.max(8, w - 2 - 9 - 22 - 20);
  const rows = list.map((e, i) => {
    const on = i === index;
    return (
      <Text key={e.id} wrap="truncate-end" color={on ? theme.color.selected : undefined} bold={on}>
        {on ? theme.glyph.pointer : ' '} {cell(e.kind, 8)} {cell(e.label, 21)} {cell(e.value, valueWidth)}{' '}
        <Text color={theme.color.muted}>{shortTime(e.at)}</Text>
      </Text>
    );
  });

  let bottom: React.ReactNode;
  if (mode.kind === 'choose-kind') {
    bottom = (
      <ChoiceLine
        label="Kind:"
        options={MANUAL_EVIDENCE_KINDS.map((k) => ({ value: k, label: k }))}
        onCancel={() => setMode({ kind: 'list' })}
        onPick={(k) => setMode({ kind: 'label', evidenceKind: k as ManualKind })}
      />
    );
  } else if (mode.kind === 'label') {
    bottom = (
      <TextPrompt
        key="label"
        label={`${mode.evidenceKind} label:`}
        placeholder="what this is, e.g. Users in MFA Server"
        maxLength={80}
        validate={(v) => (v.trim() ? null : 'A label is required.')}
        onCancel={() => setMode({ kind: 'list' })}
        onSubmit={(label) => setMode({ kind: 'value', evidenceKind: mode.evidenceKind, label: label.trim() })}
      />
    );
  } else if (mode.kind === 'value') {
    bottom = (
      <TextPrompt
        key="value"
        label={`${mode.label}:`}
        placeholder="the value"
        maxLength={300}
        validate={(v) => evidenceValueProblem(mode.evidenceKind, v)}
        onCancel={() => setMode({ kind: 'list' })}
        onSubmit={(value) => {
          setMode({ kind: 'list' });
          const refused = dispatch({
            type: 'add-evidence',
            ref: props.stepRef,
            evidence: { id: newId('ev'), kind: mode.evidenceKind, label: mode.label, value: value.trim() },
          });
          if (!refused) setSelected(list.length);
        }}
      />
    );
  } else if (mode.kind === 'remove') {
    bottom = (
      <ConfirmYesNo
        question={`Remove evidence "${mode.evidence.label}"?`}
        onNo={() => setMode({ kind: 'list' })}
        onYes={() => {
          setMode({ kind: 'list' });
          dispatch({ type: 'remove-evidence', ref: props.stepRef, evidenceId: mode.evidence.id });
        }}
      />
    );
  } else {
    bottom = (
      <>
        <Text wrap="truncate-end" color={theme.color.muted}>
          {current ? `${current.label}: ${current.value}  (${current.by})` : ' '}
        </Text>
        <KeyHints
          hints={[
            ['↑↓', 'move'],
            ['a', 'add evidence'],
            ['x', 'remove'],
          ]}
        />
      </>
    );
  }

  return (
    <Box flexDirection="column" height={props.height}>
      <ScrollBox
        height={Math.max(1, props.height - 2)}
        selected={index}
        rows={rows}
        empty="No evidence yet. Press a to record a note, a count or a version you saw."
      />
      <Box flexDirection="column" height={2}>
        {bottom}
      </Box>
    </Box>
  );
}
