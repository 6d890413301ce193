// Below 80x24 the layout cannot promise to fit, so show only what to do about it; redraw as soon as
// the terminal is large enough again.
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { type TerminalSize, useTerminalSize } from './use-terminal-size.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export function SizeGuard(props: { children: (size: TerminalSize) => ReactNode }) {
  const size = useTerminalSize();
  if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
    return (
      <Text wrap="wrap">
        Enlarge the terminal to at least {MIN_COLUMNS}x{MIN_ROWS} (now {size.columns}x{size.rows}).
      </Text>
    );
  }
  return <>{props.children(size)}</>;
}
