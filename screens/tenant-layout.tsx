// The frame every tenant section shares: its body (clipped to what is left), the task line (progress
// or the last message), and its own key hints at the bottom.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { KeyHints } from './key-hints.js';
import { TaskLine, type TenantTask, taskRows } from './tenant-task.js';

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
  const messageRows = taskRows(props.task, props.width);
  const bodyRows = Math.max(1, props.height - messageRows - bottomRows);
  return (
    <Box flexDirection="column" height={props.height} width={props.width}>
      <Box flexDirection="column" height={bodyRows} overflow="hidden">
        {props.children}
      </Box>
      <Box flexDirection="column" height={messageRows} overflow="hidden">
        <TaskLine task={props.task} width={props.width} />
      </Box>
      <Box flexDirection="column" height={bottomRows} overflow="hidden">
        {props.bottom ??
          (props.task.running ? <KeyHints hints={[['Esc', 'stop']]} /> : <KeyHints hints={props.hints} />)}
      </Box>
    </Box>
  );
}

/** Rows the body of a TenantLayout gets (with the task's message as wide as it is). */
export function bodyRowsOf(height: number, bottomRows = 1, task?: TenantTask, width = 80): number {
  return Math.max(1, height - (task ? taskRows(task, width) : 1) - bottomRows);
}
