// The step's title line (label, title, wave, status as glyph + word) and the keys that change the
// status. Which keys are offered depends on the status; the reducer still has the last word.
import { Box, Text } from 'ink';
import { stepDef } from '../state/catalogue/index.js';
import type { StepRef, StepState, StepStatus } from '../state/model.js';
import { statusWord } from './step-data.js';
import { useUi } from './ui-context.js';
import { truncate } from './wrap-text.js';

export type StatusKey = 'd' | 's' | 'b' | 'r' | 'i';

/** Status keys that make sense from a status, with what they do. */
export function statusKeys(status: StepStatus): [StatusKey, string][] {
  switch (status) {
    case 'pending':
      return [
        ['i', 'start'],
        ['d', 'done'],
        ['s', 'skip'],
        ['b', 'block'],
      ];
    case 'in-progress':
      return [
        ['d', 'done'],
        ['s', 'skip'],
        ['b', 'block'],
      ];
    case 'done':
    case 'skipped':
      return [['r', 'reopen']];
    case 'blocked':
      return [
        ['i', 'unblock'],
        ['d', 'done'],
        ['s', 'skip'],
      ];
  }
}

export function statusColor(
  theme: ReturnType<typeof useUi>['theme'],
  status: StepStatus,
): string | undefined {
  if (status === 'done') return theme.color.ok;
  if (status === 'blocked') return theme.color.error;
  if (status === 'skipped' || status === 'in-progress') return theme.color.warn;
  return theme.color.muted;
}

export function StepStatusBar(props: {
  stepRef: StepRef;
  step: StepState;
  waveName?: string;
  width: number;
}) {
  const { theme } = useUi();
  const def = stepDef(props.stepRef.step);
  const status = props.step.status;
  const right = `${theme.glyph.status[status]} ${statusWord(status)}`;
  const dot = theme.ascii ? '-' : '·';
  const left = `Step ${def.label} ${dot} ${def.title}${props.waveName ? ` ${dot} wave ${props.waveName}` : ''}`;
  return (
    <Box width={props.width} justifyContent="space-between">
      <Text bold color={theme.color.accent} wrap="truncate-end">
        {truncate(left, props.width - right.length - 2)}
      </Text>
      <Text color={statusColor(theme, status)}>{right}</Text>
    </Box>
  );
}
