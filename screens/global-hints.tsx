// The shell's one line of global keys at the bottom of the frame. While a screen is capturing text the
// global keys are quiet, and the line says so instead of advertising keys that would not work.
import { Text } from 'ink';
import { useUi } from './ui-context.js';

export function GlobalHints(props: { capturing: boolean; escLabel?: string; extra?: string }) {
  const { theme } = useUi();
  const text = props.capturing
    ? 'typing: Enter accept  Esc cancel  Ctrl+C quit'
    : [props.extra, '? help', 'q quit', props.escLabel ? `Esc ${props.escLabel}` : undefined]
        .filter(Boolean)
        .join('  ');
  return (
    <Text color={theme.color.muted} wrap="truncate-end">
      {text}
    </Text>
  );
}
