// The frame every tenant section shares: its body (clipped to what is left), the task line (progress
// or the last message), and its own key hints at the bottom.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { KeyHints } from './key-hints.js';
import { TaskLine, type TenantTask } from './tenant-task.js';

export function TenantLayout(props: {
  height: number;
  width: number;
  task: TenantTask;
  hints: [string, string][];
  /** a prompt or confirmation replacing the hints (takes `bottomRows` rows) */
  bottom?: ReactNode;
  bottomRows?: number;
  children: ReactNode;
}) {
  const bottomRows = props.bottom ? (props.bottomRows ?? 2) : 1;
  const bodyRows = Math.max(1, props.height - 1 - bottomRows);
  return (
    <Box flexDirection="column" height={props.height} width={props.width}>
      <Box flexDirection="column" height={bodyRows} overflow="hidden">
        {props.children}
      </Box>
      <TaskLine task={props.task} width={props.width} />
      <Box flexDirection="column" height={bottomRows} overflow="hidden">
        {props.bottom ??
          (props.task.running ? <KeyHints hints={[['Esc', 'stop']]} /> : <KeyHints hints={props.hints} />)}
      </Box>
    </Box>
  );
}

/** Rows the body of a TenantLayout gets. */
export function bodyRowsOf(height: number, bottomRows = 1): number {
  return Math.max(1, height - 1 - bottomRows);
}
