// The first screen when no migration exists yet and the demo tenant can run here: start a real
// migration, or try the whole flow against the built-in demo tenant (no tenant, nothing to sign in).
import { Box, Text, useInput } from 'ink';
import { KeyHints } from './key-hints.js';
import { useUi } from './ui-context.js';

export function ConnectionWelcome(props: { onNew: () => void; onDemo: () => void; onQuit: () => void }) {
  const { theme } = useUi();
  useInput((input, key) => {
    if (input === 'n' || key.return) props.onNew();
    else if (input === 'd') props.onDemo();
    else if (key.escape) props.onQuit();
  });
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        Welcome. There is no migration yet.
      </Text>
      <Text> </Text>
      <Text wrap="truncate-end">
        <Text bold>n</Text> create a migration for your tenant
      </Text>
      <Text wrap="truncate-end">
        <Text bold>d</Text> try the built-in demo tenant (no tenant or sign-in needed)
      </Text>
      <Text> </Text>
      <Text color={theme.color.muted} wrap="truncate-end">
        The demo tenant is a Graph emulator on 127.0.0.1; its migration is marked DEMO.
      </Text>
      <Text> </Text>
      <KeyHints
        hints={[
          ['n', 'new migration'],
          ['d', 'demo tenant'],
          ['Esc', 'quit'],
        ]}
      />
    </Box>
  );
}
