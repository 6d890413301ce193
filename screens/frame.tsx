// The fixed-height full-screen frame: a border, the header, the body, an optional error bar and the
// global hints. Its height is rows - 1 (a box exactly `rows` tall makes ink flicker), and the body
// gets exactly what is left, so nothing ever pushes the frame past the screen.
import { Box, Text, useInput } from 'ink';
import { Component, type ReactNode } from 'react';
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

/**
 * A screen that throws while rendering must not take the wizard down (ink would print a stack trace
 * and exit): the frame stays, the body says what failed in one line, and Esc goes back.
 */
export class ScreenBoundary extends Component<
  { theme: Theme; onBack: () => void; children: ReactNode },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <ScreenFailed theme={this.props.theme} message={this.state.error.message} onBack={this.props.onBack} />
    );
  }
}

function ScreenFailed(props: { theme: Theme; message: string; onBack: () => void }) {
  useInput((_input, key) => {
    if (key.escape) props.onBack();
  });
  const firstLine = props.message.split('\n')[0] ?? '';
  return (
    <Box flexDirection="column">
      <Text color={props.theme.color.error} wrap="truncate-end">
        {props.theme.glyph.error} This screen failed: {firstLine}
      </Text>
      <Text wrap="truncate-end">Everything saved so far is kept. Press Esc to go back to the step list.</Text>
    </Box>
  );
}
