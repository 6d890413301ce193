// A one-line y/n question for deletions. Esc and n both say no.
import { Text } from 'ink';
import { useEffect } from 'react';
import { useKeys } from './key-router.js';
import { useUi } from './ui-context.js';

export function ConfirmYesNo(props: { question: string; onYes: () => void; onNo: () => void }) {
  const { theme, setCapturingInput } = useUi();
  useEffect(() => {
    setCapturingInput(true);
    return () => setCapturingInput(false);
  }, [setCapturingInput]);
  useKeys((input, key) => {
    if (input === 'y' || input === 'Y') props.onYes();
    else if (input === 'n' || input === 'N' || key.escape) props.onNo();
  });
  return (
    <Text wrap="truncate-end">
      <Text color={theme.color.warn}>
        {theme.glyph.warn} {props.question}
      </Text>{' '}
      <Text bold>y</Text> yes <Text bold>n</Text> no
    </Text>
  );
}
