// One muted line of key hints; keys first, then what they do. Truncated, never wrapped.
import { Text } from 'ink';
import { useUi } from './ui-context.js';

export function KeyHints(props: { hints: [key: string, what: string][] }) {
  const { theme } = useUi();
  return (
    <Text wrap="truncate-end">
      {props.hints.map(([k, what], i) => (
        <Text key={k}>
          {i > 0 ? '  ' : ''}
          <Text bold>{k}</Text>
          <Text color={theme.color.muted}> {what}</Text>
        </Text>
      ))}
    </Text>
  );
}
