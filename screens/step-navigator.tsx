// The step list: every phase with its progress, every step with label, title and status (glyph and
// word), and one row per wave under steps 5 and 6. It scrolls inside its height and keeps the selected
// row visible; Enter opens the selected step or wave.
import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import type { StepRef, StepStatus } from '../state/model.js';
import { useUi } from './ui-context.js';

export interface NavigatorRow {
  kind: 'phase' | 'step' | 'wave';
  /** unique and stable, e.g. "phase:preparations", "validate@wave-1" */
  key: string;
  /** "1".."12", "R1".. for steps; empty for phases and waves */
  label: string;
  title: string;
  /** steps and waves */
  status?: StepStatus;
  /** a short note after the status, e.g. the reason of a blocked step */
  note?: string;
  /** phases: done / total */
  progress?: { done: number; total: number };
  /** steps and waves: what Enter opens; phases have none and are not selectable */
  ref?: StepRef;
}

export interface StepNavigatorProps {
  rows: NavigatorRow[];
  height: number;
  /** key of the row to select first (the step that was open, or where the admin stopped) */
  initialKey?: string;
  /** key of the row where the admin stopped, marked in the list */
  currentKey?: string;
  onOpen: (ref: StepRef) => void;
  /** the selection moved (the shell keeps it, so the list comes back where it was after help) */
  onHighlight?: (key: string) => void;
  onSwitchMigration: () => void;
  onContinue: () => void;
}

const STATUS_WIDTH = 16;

export function StepNavigator(props: StepNavigatorProps) {
  const { theme, width } = useUi();
  const { rows } = props;
  const selectable = rows.flatMap((r, i) => (r.ref ? [i] : []));
  const visible = Math.max(1, props.height - 1); // last line: local key hints

  const initialIndex = (() => {
    const found = rows.findIndex((r) => r.ref && r.key === props.initialKey);
    return found >= 0 ? found : (selectable[0] ?? 0);
  })();
  // Handlers may see a stale render (ink re-registers them after each render): read from refs.
  const selectedRef = useRef(initialIndex);
  const [selected, setSelectedState] = useState(initialIndex);
  const topRef = useRef(0);

  const clampSelected = Math.min(selected, Math.max(0, rows.length - 1));
  const moveTo = (index: number) => {
    selectedRef.current = index;
    setSelectedState(index);
    const key = rows[index]?.key;
    if (key !== undefined) props.onHighlight?.(key);
  };
  // step through selectable rows: n > 0 forward, n < 0 back, stopping at the ends
  const moveBy = (n: number) => {
    const pos = selectable.indexOf(selectedRef.current);
    const from = Math.max(pos, 0);
    const next = Math.min(selectable.length - 1, Math.max(0, from + n));
    const index = selectable[next];
    if (index !== undefined) moveTo(index);
  };

  useInput((input, key) => {
    if (key.downArrow || input === 'j') moveBy(1);
    else if (key.upArrow || input === 'k') moveBy(-1);
    else if (key.pageDown) moveBy(Math.max(1, visible - 1));
    else if (key.pageUp) moveBy(-Math.max(1, visible - 1));
    else if (key.home || input === 'g') moveBy(-selectable.length);
    else if (key.end || input === 'G') moveBy(selectable.length);
    else if (key.return) {
      const ref = rows[selectedRef.current]?.ref;
      if (ref) props.onOpen(ref);
    } else if (input === 'm') props.onSwitchMigration();
    else if (input === 'c') props.onContinue();
  });

  // Keep the selected row in view; when it is near the top also show its phase heading.
  let top = topRef.current;
  if (clampSelected < top) top = clampSelected;
  if (clampSelected >= top + visible) top = clampSelected - visible + 1;
  if (top > 0 && rows[top - 1]?.kind === 'phase' && clampSelected - (top - 1) < visible) top -= 1;
  top = Math.max(0, Math.min(top, Math.max(0, rows.length - visible)));
  topRef.current = top;

  const shown = rows.slice(top, top + visible);
  const above = top > 0;
  const below = top + visible < rows.length;
  const scrollNote =
    above || below
      ? `  (${above ? 'more above' : ''}${above && below ? ', ' : ''}${below ? 'more below' : ''})`
      : '';

  return (
    <Box flexDirection="column" width={width} height={props.height}>
      <Box flexDirection="column" height={visible} overflow="hidden">
        {shown.map((row, i) => {
          const index = top + i;
          const isSelected = index === clampSelected;
          if (row.kind === 'phase') {
            const p = row.progress;
            return (
              <Box key={row.key} width={width}>
                <Box flexGrow={1} flexShrink={1}>
                  <Text bold color={theme.color.accent} wrap="truncate-end">
                    {row.title}
                  </Text>
                </Box>
                {p ? (
                  <Box flexShrink={0}>
                    <Text color={theme.color.muted}>
                      {p.done}/{p.total} done
                    </Text>
                  </Box>
                ) : null}
              </Box>
            );
          }
          const status = row.status ?? 'pending';
          const statusColor =
            status === 'done'
              ? theme.color.ok
              : status === 'blocked'
                ? theme.color.error
                : status === 'in-progress'
                  ? theme.color.warn
                  : theme.color.muted;
          const isCurrent = row.key === props.currentKey;
          const indent = row.kind === 'wave' ? '      ' : '';
          const label = row.kind === 'step' ? `${row.label.padStart(3)} ` : '';
          return (
            <Box key={row.key} width={width}>
              <Box flexShrink={0} width={2}>
                <Text color={theme.color.selected}>{isSelected ? theme.glyph.pointer : ' '}</Text>
              </Box>
              <Box flexGrow={1} flexShrink={1}>
                <Text
                  color={isSelected ? theme.color.selected : undefined}
                  bold={isSelected}
                  wrap="truncate-end"
                >
                  {indent}
                  {label}
                  {row.title}
                  {isCurrent ? <Text color={theme.color.muted}> (you stopped here)</Text> : null}
                  {row.note ? <Text color={theme.color.muted}> - {row.note}</Text> : null}
                </Text>
              </Box>
              <Box flexShrink={0} width={STATUS_WIDTH} justifyContent="flex-end">
                <Text color={statusColor} wrap="truncate-end">
                  {theme.glyph.status[status]} {status}
                </Text>
              </Box>
            </Box>
          );
        })}
      </Box>
      <Text color={theme.color.muted} wrap="truncate-end">
        {`up/down move  Enter open  c continue  m migrations${scrollNote}`}
      </Text>
    </Box>
  );
}
