// Type-the-name confirmation for writes with a wide blast radius (e.g. changing a domain's federation
// settings): a y/n is too easy to hit by habit, typing the exact name is not.
import { Box, Text } from 'ink';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';

export interface ConfirmByTypingProps {
  /** what will happen, one line */
  message: string;
  /** the exact text the admin must type, e.g. the domain name */
  expected: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function mismatchProblem(expected: string, typed: string): string | null {
  return typed.trim() === expected ? null : `That is not "${expected}". Type it exactly, or Esc to cancel.`;
}

export function ConfirmByTyping(props: ConfirmByTypingProps) {
  const { theme } = useUi();
  return (
    <Box flexDirection="column">
      <Text color={theme.color.warn} wrap="truncate-end">
        {theme.glyph.warn} {props.message}
      </Text>
      <Text wrap="truncate-end">
        Type <Text bold>{props.expected}</Text> to confirm, or Esc to cancel.
      </Text>
      <TextPrompt
        label="Confirm:"
        validate={(v) => mismatchProblem(props.expected, v)}
        onSubmit={() => props.onConfirm()}
        onCancel={props.onCancel}
        maxLength={300}
      />
    </Box>
  );
}
