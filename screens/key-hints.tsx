// One muted line of key hints; keys first, then what they do. Truncated, never wrapped.
import { Text } from 'ink';
import { useUi } from './ui-context.js';

/** Arrow glyphs in words for --ascii terminals. */
export function asciiKeys(keys: string): string {
  return keys.replace('←↑↓→', 'arrows').replace('↑↓', 'up/down').replace('←→', 'left/right');
}

export function KeyHints(props: { hints: [key: string, what: string][] }) {
  const { theme } = useUi();
  return (
    <Text wrap="truncate-end">
      {props.hints.map(([k, what], i) => (
        <Text key={k}>
          {i > 0 ? '  ' : ''}
          <Text bold>{theme.ascii ? asciiKeys(k) : k}</Text>
          <Text color={theme.color.muted}> {what}</Text>
        </Text>
      ))}
    </Text>
  );
}
