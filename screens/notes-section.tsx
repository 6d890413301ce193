// The step's free-text notes: read-only view that scrolls; Enter opens the editor, which saves the
// whole text at once with `set-notes`.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { currentMigration } from '../state/selectors.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { useLiveState } from './live-state.js';
import { NotesEditor } from './notes-editor.js';
import { clampOffset, ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { stepStateOf } from './step-data.js';
import { useUi } from './ui-context.js';
import { wrapText } from './wrap-text.js';

function textRow(text: string, n: number) {
  return (
    <Text key={`line-${n}`} wrap="truncate-end">
      {text || ' '}
    </Text>
  );
}

export function NotesSection(props: SectionProps) {
  const { state, dispatch } = useUi();
  const [editing, setEditing] = useState(false);
  const [offset, setOffset, offsetLive] = useLiveState(0);
  const m = currentMigration(state);
  const notes = (m ? stepStateOf(m, props.stepRef)?.notes : undefined) ?? '';
  const lines = notes ? wrapText(notes, props.width - 1) : [];
  const bodyHeight = props.height - 1;

  useKeys(
    (input, key) => {
      if (key.return) setEditing(true);
      else if (key.downArrow || input === 'j')
        setOffset(clampOffset(offsetLive.current + 1, lines.length, bodyHeight));
      else if (key.upArrow || input === 'k')
        setOffset(clampOffset(offsetLive.current - 1, lines.length, bodyHeight));
      else if (key.pageDown)
        setOffset(clampOffset(offsetLive.current + bodyHeight, lines.length, bodyHeight));
      else if (key.pageUp) setOffset(clampOffset(offsetLive.current - bodyHeight, lines.length, bodyHeight));
    },
    { isActive: props.active && !editing },
  );

  if (editing) {
    return (
      <NotesEditor
        initial={notes}
        height={props.height}
        width={props.width}
        onCancel={() => setEditing(false)}
        onSave={(text) => {
          setEditing(false);
          if (text !== notes) dispatch({ type: 'set-notes', ref: props.stepRef, text });
        }}
      />
    );
  }
  return (
    <Box flexDirection="column" height={props.height}>
      <ScrollBox
        height={bodyHeight}
        offset={offset}
        empty="No notes yet. Press Enter to write what you did, saw or decided."
        rows={lines.map(textRow)}
      />
      <KeyHints
        hints={[
          ['Enter', 'edit notes'],
          ['↑↓', 'scroll'],
        ]}
      />
    </Box>
  );
}
