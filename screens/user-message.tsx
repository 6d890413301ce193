// Step 7: the message to users, drafted from the catalogue for the admin to adapt. `o`, `w` and `h`
// fill in who it is from, when and the helpdesk; `c` appends the draft to the step's notes, so the
// text that was sent is in the report.
import { Box, Text } from 'ink';
import { type ReactNode, useState } from 'react';
import { type CommunicationFacts, communicationDraft } from '../state/catalogue/index.js';
import { currentMigration } from '../state/selectors.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { useLiveState } from './live-state.js';
import { clampOffset, ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { stepStateOf } from './step-data.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';

type Fact = keyof CommunicationFacts;
const FACT_KEYS: Record<string, { fact: Fact; label: string }> = {
  o: { fact: 'organisation', label: 'From (organisation):' },
  w: { fact: 'date', label: 'When (as users should read it):' },
  h: { fact: 'helpdesk', label: 'Helpdesk contact:' },
};

export function UserMessage(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const m = currentMigration(state);
  const [facts, setFacts] = useState<CommunicationFacts>({});
  const [editing, setEditing] = useState<{ fact: Fact; label: string } | null>(null);
  const [offset, setOffset, offsetLive] = useLiveState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const lines = communicationDraft(facts).split('\n');
  const bodyHeight = Math.max(1, props.height - 2);

  useKeys(
    (input, key) => {
      const f = FACT_KEYS[input];
      if (f) setEditing(f);
      else if (input === 'c' && m) {
        const notes = stepStateOf(m, props.stepRef)?.notes ?? '';
        const text = `${notes ? `${notes}\n\n` : ''}${lines.join('\n')}`;
        if (!dispatch({ type: 'set-notes', ref: props.stepRef, text })) setNotice('The message is in Notes.');
      } else if (key.downArrow || input === 'j')
        setOffset(clampOffset(offsetLive.current + 1, lines.length, bodyHeight));
      else if (key.upArrow || input === 'k')
        setOffset(clampOffset(offsetLive.current - 1, lines.length, bodyHeight));
      else if (key.pageDown)
        setOffset(clampOffset(offsetLive.current + bodyHeight, lines.length, bodyHeight));
      else if (key.pageUp) setOffset(clampOffset(offsetLive.current - bodyHeight, lines.length, bodyHeight));
    },
    { isActive: props.active && editing === null },
  );

  let bottom: ReactNode;
  if (editing) {
    bottom = (
      <TextPrompt
        key={editing.fact}
        label={editing.label}
        initial={facts[editing.fact] ?? ''}
        maxLength={120}
        onCancel={() => setEditing(null)}
        onSubmit={(v) => {
          setFacts({ ...facts, [editing.fact]: v.trim() });
          setEditing(null);
        }}
      />
    );
  } else {
    bottom = (
      <>
        <Text wrap="truncate-end" color={theme.color.ok}>
          {notice ?? ' '}
        </Text>
        <KeyHints
          hints={[
            ['↑↓', 'scroll'],
            ['o', 'from'],
            ['w', 'when'],
            ['h', 'helpdesk'],
            ['c', 'copy into notes'],
          ]}
        />
      </>
    );
  }
  return (
    <Box flexDirection="column" height={props.height}>
      <ScrollBox
        height={bodyHeight}
        offset={offset}
        rows={lines
          .map((l, n) => ({ id: `l${n}`, l }))
          .map((x) => (
            <Text key={x.id} wrap="truncate-end">
              {x.l || ' '}
            </Text>
          ))}
      />
      <Box flexDirection="column" height={2}>
        {bottom}
      </Box>
    </Box>
  );
}
