// The step's checklist: tick items (space) and attach a note to one (n). The selected item's "why"
// is shown under the list so the reason for each check is one keypress away.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { stepDef } from '../state/catalogue/index.js';
import { currentMigration } from '../state/selectors.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { clampIndex, listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { useSentValues } from './sent-values.js';
import { stepStateOf } from './step-data.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { wrapText } from './wrap-text.js';

export function Checklist(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const [editingNote, setEditingNote] = useState(false);
  const sent = useSentValues<boolean>();
  const m = currentMigration(state);
  const step = m ? stepStateOf(m, props.stepRef) : undefined;
  const items = stepDef(props.stepRef.step).checklist;
  const index = Math.min(selected, Math.max(0, items.length - 1));
  const item = items[index];
  const answer = item ? step?.checklist[item.id] : undefined;

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, items.length);
      if (moved !== null) {
        setSelected(moved);
        return;
      }
      const item = items[clampIndex(selectedLive.current, items.length)];
      if (!item) return;
      const answer = step?.checklist[item.id];
      if (input === ' ') {
        const checked = !(sent.get(item.id) ?? answer?.checked ?? false);
        sent.set(item.id, checked);
        dispatch({
          type: 'set-checklist-item',
          ref: props.stepRef,
          itemId: item.id,
          checked,
          ...(answer?.note ? { note: answer.note } : {}),
        });
      } else if (input === 'n') setEditingNote(true);
    },
    { isActive: props.active && !editingNote },
  );

  if (!step) return <Text color={theme.color.error}>This step is not in the migration.</Text>;
  // Under the list: two rows for "why", one for the note (or the note prompt), one for key hints.
  const listHeight = Math.max(1, props.height - 4);
  const why = item?.why ? wrapText(item.why, props.width - 2).slice(0, 2) : [];
  return (
    <Box flexDirection="column" height={props.height}>
      <ScrollBox
        height={listHeight}
        selected={index}
        empty="This step has no checklist. Record what you did in Notes and Evidence."
        rows={items.map((it, i) => {
          const a = step.checklist[it.id];
          const on = i === index;
          return (
            <Text key={it.id} wrap="truncate-end" color={on ? theme.color.selected : undefined} bold={on}>
              {on ? theme.glyph.pointer : ' '} {a?.checked ? theme.glyph.checked : theme.glyph.unchecked}{' '}
              {it.text}
              {a?.note ? ' *' : ''}
            </Text>
          );
        })}
      />
      <Box height={2} flexDirection="column">
        {why.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: wrapped lines of one text
          <Text key={i} color={theme.color.muted} wrap="truncate-end">
            {i === 0 ? 'Why: ' : '     '}
            {l}
          </Text>
        ))}
      </Box>
      {editingNote && item ? (
        <TextPrompt
          key={item.id}
          label="Note:"
          initial={answer?.note ?? ''}
          maxLength={300}
          onCancel={() => setEditingNote(false)}
          onSubmit={(note) => {
            setEditingNote(false);
            dispatch({
              type: 'set-checklist-item',
              ref: props.stepRef,
              itemId: item.id,
              checked: answer?.checked ?? false,
              note: note.trim(),
            });
          }}
        />
      ) : (
        <>
          <Text wrap="truncate-end">
            {answer?.note ? `Note: ${answer.note}` : ' '}
            {answer ? <Text color={theme.color.muted}>{`  (${answer.by})`}</Text> : null}
          </Text>
          <KeyHints
            hints={[
              ['↑↓', 'move'],
              ['space', 'tick'],
              ['n', 'note'],
            ]}
          />
        </>
      )}
    </Box>
  );
}
