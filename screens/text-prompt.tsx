// One line of text input with a label, validation and Esc to cancel. While it is mounted the shell's
// global keys are quiet (setCapturingInput), so typing "q" never quits.
import { Box, Text, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useUi } from './ui-context.js';

export interface TextPromptProps {
  label: string;
  initial?: string;
  placeholder?: string;
  /** show * instead of the characters */
  mask?: boolean;
  /** null when valid, else a one-line message shown under the input */
  validate?: (value: string) => string | null;
  onSubmit: (value: string) => void;
  onCancel: () => void;
  /** defaults to 200 */
  maxLength?: number;
}

export function TextPrompt(props: TextPromptProps) {
  const { theme, setCapturingInput } = useUi();
  const [value, setValueState] = useState(props.initial ?? '');
  // The input handler is re-registered in an effect after each render, so fast keys (or a paste
  // followed by Enter) can reach a handler that closed over an old value: read the latest from a ref.
  const valueRef = useRef(value);
  const setValue = (update: (v: string) => string) => {
    valueRef.current = update(valueRef.current);
    setValueState(valueRef.current);
  };
  const [error, setError] = useState<string | null>(null);
  const maxLength = props.maxLength ?? 200;

  useEffect(() => {
    setCapturingInput(true);
    return () => setCapturingInput(false);
  }, [setCapturingInput]);

  useInput((input, key) => {
    if (key.escape) {
      props.onCancel();
      return;
    }
    if (key.return) {
      const current = valueRef.current;
      const problem = props.validate?.(current) ?? null;
      if (problem) setError(problem);
      else props.onSubmit(current);
      return;
    }
    // Backspace arrives as key.delete on most terminals: treat both as backspace.
    if (key.backspace || key.delete) {
      setValue((v) => v.slice(0, -1));
      setError(null);
      return;
    }
    if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab)
      return;
    if (input) {
      // Pasted text may contain newlines: keep one line.
      const clean = input.replace(/[\r\n]+/g, ' ');
      setValue((v) => (v + clean).slice(0, maxLength));
      setError(null);
    }
  });

  const shown = props.mask ? '*'.repeat(value.length) : value;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{props.label}</Text>{' '}
        {shown.length > 0 ? (
          <Text>{shown}</Text>
        ) : (
          <Text color={theme.color.muted}>{props.placeholder ?? ''}</Text>
        )}
        <Text inverse> </Text>
      </Text>
      {error ? (
        <Text color={theme.color.error}>
          {theme.glyph.error} {error}
        </Text>
      ) : null}
    </Box>
  );
}
