// Step 8: users who will not be migrated, each with the reason, so the federation change (step 10)
// can go ahead with every remaining user accounted for. `a` adds (UPN, then reason), `x` removes.
import { Box, Text } from 'ink';
import { type ReactNode, useState } from 'react';
import { currentMigration } from '../state/selectors.js';
import { validateUpn } from '../state/validation.js';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { clampIndex, listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { reasonProblem } from './reason-prompt.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { shortTime } from './step-data.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { cell } from './wrap-text.js';

type Mode =
  | { kind: 'list' }
  | { kind: 'upn' }
  | { kind: 'reason'; upn: string }
  | { kind: 'remove'; upn: string };

export function ExceptionsList(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const list = currentMigration(state)?.exceptions ?? [];
  const index = clampIndex(selected, list.length);

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, list.length);
      if (moved !== null) setSelected(moved);
      else if (input === 'a') setMode({ kind: 'upn' });
      else if (input === 'x') {
        const target = list[clampIndex(selectedLive.current, list.length)];
        if (target) setMode({ kind: 'remove', upn: target.upn });
      }
    },
    { isActive: props.active && mode.kind === 'list' },
  );

  const rows = list.map((x, i) => {
    const on = i === index;
    return (
      <Text key={x.upn} wrap="truncate-end" color={on ? theme.color.selected : undefined} bold={on}>
        {on ? theme.glyph.pointer : ' '} {cell(x.upn, 30)} {x.reason}
      </Text>
    );
  });
  const current = list[index];
  let bottom: ReactNode;
  if (mode.kind === 'upn') {
    bottom = (
      <TextPrompt
        key="upn"
        label="User (UPN):"
        placeholder="adele@contoso.com"
        maxLength={120}
        validate={validateUpn}
        onCancel={() => setMode({ kind: 'list' })}
        onSubmit={(upn) => setMode({ kind: 'reason', upn: upn.trim() })}
      />
    );
  } else if (mode.kind === 'reason') {
    const upn = mode.upn;
    bottom = (
      <TextPrompt
        key="reason"
        label={`Why is ${upn} not migrated?`}
        maxLength={300}
        validate={reasonProblem}
        onCancel={() => setMode({ kind: 'list' })}
        onSubmit={(reason) => {
          setMode({ kind: 'list' });
          dispatch({ type: 'add-exception', upn, reason: reason.trim() });
        }}
      />
    );
  } else if (mode.kind === 'remove') {
    const upn = mode.upn;
    bottom = (
      <ConfirmYesNo
        question={`Remove the exception for ${upn}?`}
        onNo={() => setMode({ kind: 'list' })}
        onYes={() => {
          setMode({ kind: 'list' });
          dispatch({ type: 'remove-exception', upn });
        }}
      />
    );
  } else {
    bottom = (
      <>
        <Text wrap="truncate-end" color={theme.color.muted}>
          {current ? `${current.upn}: ${current.reason} (${current.by}, ${shortTime(current.at)})` : ' '}
        </Text>
        <KeyHints
          hints={[
            ['↑↓', 'move'],
            ['a', 'add exception'],
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
        empty="No exceptions. Add each user who stays unmigrated (left, service account...) with a reason."
      />
      <Box flexDirection="column" height={2}>
        {bottom}
      </Box>
    </Box>
  );
}
