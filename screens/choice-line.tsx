// Pick one of a few values on one line: left/right (or space) move, Enter picks, Esc cancels.
import { Text } from 'ink';
import { useEffect } from 'react';
import { useKeys } from './key-router.js';
import { useLiveState } from './live-state.js';
import { useUi } from './ui-context.js';

export function ChoiceLine(props: {
  label: string;
  options: readonly { value: string; label: string }[];
  initial?: number;
  onPick: (value: string) => void;
  onCancel: () => void;
}) {
  const { theme, setCapturingInput } = useUi();
  const [index, setIndex, live] = useLiveState(props.initial ?? 0);
  useEffect(() => {
    setCapturingInput(true);
    return () => setCapturingInput(false);
  }, [setCapturingInput]);
  useKeys((input, key) => {
    const n = props.options.length;
    if (key.leftArrow || key.upArrow) setIndex((i) => (i + n - 1) % n);
    else if (key.rightArrow || key.downArrow || input === ' ') setIndex((i) => (i + 1) % n);
    else if (key.return) {
      const picked = props.options[live.current];
      if (picked) props.onPick(picked.value);
    } else if (key.escape) props.onCancel();
  });
  // One value at a time, so long values (federation settings) fit 80 columns.
  const current = props.options[index];
  return (
    <Text wrap="truncate-end">
      <Text bold>{props.label}</Text> {'< '}
      <Text bold color={theme.color.selected}>
        [{current?.label ?? ''}]
      </Text>
      {' >'}
      <Text color={theme.color.muted}>
        {`  ${index + 1} of ${props.options.length}  ${theme.ascii ? 'left/right' : '←→'} choose  Enter pick  Esc cancel`}
      </Text>
    </Text>
  );
}
