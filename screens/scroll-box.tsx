// A fixed-height window over a list of one-line rows. Lists scroll inside it so the frame never grows
// past the terminal (ink clears the scrollback when output is taller than the screen).
import { Box, Text } from 'ink';
import { type ReactNode, useRef } from 'react';
import { useUi } from './ui-context.js';

export interface ScrollBoxProps {
  /** each row must render as exactly one line (use wrap="truncate-end") */
  rows: ReactNode[];
  height: number;
  /** the selected row is kept visible */
  selected?: number;
  /** for free scrolling without a selection: first row shown (clamped) */
  offset?: number;
  /** shown when there are no rows */
  empty?: string;
}

/** First visible row, moving the window as little as possible to show `selected`. */
export function windowStart(total: number, height: number, selected: number, previous: number): number {
  if (total <= height) return 0;
  let start = Math.min(previous, total - height);
  if (selected < start) start = selected;
  if (selected >= start + height) start = selected - height + 1;
  return Math.max(0, start);
}

export function ScrollBox(props: ScrollBoxProps) {
  const { theme } = useUi();
  const startRef = useRef(0);
  const height = Math.max(1, props.height);
  const total = props.rows.length;
  if (total === 0) {
    return (
      <Box height={height} flexDirection="column">
        <Text color={theme.color.muted} wrap="truncate-end">
          {props.empty ?? ''}
        </Text>
      </Box>
    );
  }
  // One row goes to the position line when the list does not fit.
  const overflow = total > height;
  const visible = overflow ? Math.max(1, height - 1) : height;
  const start =
    props.selected !== undefined
      ? windowStart(total, visible, props.selected, startRef.current)
      : Math.max(0, Math.min(props.offset ?? 0, total - visible));
  startRef.current = start;
  const shown = props.rows.slice(start, start + visible);
  return (
    <Box height={height} flexDirection="column" overflow="hidden">
      {shown.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional lines of a window
        <Box key={start + i} height={1} overflow="hidden">
          {row}
        </Box>
      ))}
      {overflow ? (
        <Text color={theme.color.muted} wrap="truncate-end">
          {`  ${start > 0 ? (theme.ascii ? '^' : '↑') : ' '}${start + visible < total ? (theme.ascii ? 'v' : '↓') : ' '} ${start + 1}-${Math.min(total, start + visible)} of ${total}`}
        </Text>
      ) : null}
    </Box>
  );
}

/** Clamp a free-scroll offset for `total` rows in `height` rows. */
export function clampOffset(offset: number, total: number, height: number): number {
  const visible = total > height ? Math.max(1, height - 1) : height;
  return Math.max(0, Math.min(offset, Math.max(0, total - visible)));
}
