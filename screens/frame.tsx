// The fixed-height full-screen frame: a border, the header, the body, an optional error bar and the
// global hints. Its height is rows - 1 (a box exactly `rows` tall makes ink flicker), and the body
// gets exactly what is left, so nothing ever pushes the frame past the screen.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Theme } from './theme.js';

/** rows the frame itself uses around the body: border (2) + header (2) + hints (1) */
export const FRAME_CHROME_ROWS = 5;
export const FRAME_CHROME_COLUMNS = 2;

export interface FrameLayout {
  frameWidth: number;
  frameHeight: number;
  bodyWidth: number;
  bodyHeight: number;
}

export function frameLayout(columns: number, rows: number, hasError: boolean): FrameLayout {
  const frameHeight = rows - 1;
  return {
    frameWidth: columns,
    frameHeight,
    bodyWidth: columns - FRAME_CHROME_COLUMNS,
    bodyHeight: Math.max(1, frameHeight - FRAME_CHROME_ROWS - (hasError ? 1 : 0)),
  };
}

export function Frame(props: {
  theme: Theme;
  layout: FrameLayout;
  header: ReactNode;
  error?: string | null;
  hints: ReactNode;
  children: ReactNode;
}) {
  const { theme, layout } = props;
  return (
    <Box
      flexDirection="column"
      width={layout.frameWidth}
      height={layout.frameHeight}
      borderStyle={theme.glyph.border}
      borderColor={theme.color.muted}
      overflow="hidden"
    >
      <Box height={2} flexDirection="column" flexShrink={0} overflow="hidden">
        {props.header}
      </Box>
      <Box height={layout.bodyHeight} flexDirection="column" flexShrink={0} overflow="hidden">
        {props.children}
      </Box>
      {props.error ? (
        <Box height={1} flexShrink={0}>
          <Text color={theme.color.error} wrap="truncate-end">
            {theme.glyph.error} {props.error}
          </Text>
        </Box>
      ) : null}
      <Box height={1} flexShrink={0}>
        {props.hints}
      </Box>
    </Box>
  );
}
