// A small multi-line text editor for a step's free-text notes: arrows move, Enter splits the line,
// Backspace joins, Ctrl+D saves, Esc cancels (asking first when something changed). Ctrl+S is not
// used: many terminals (PuTTY among them) treat it as XOFF and freeze the session.
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { useUi } from './ui-context.js';

interface Buffer {
  lines: string[];
  row: number;
  col: number;
}

export interface NotesEditorProps {
  initial: string;
  height: number;
  width: number;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** Apply one key to the buffer. Pure, so the editing rules are easy to test. */
export function editBuffer(
  b: Buffer,
  input: string,
  key: {
    return?: boolean;
    backspace?: boolean;
    delete?: boolean;
    upArrow?: boolean;
    downArrow?: boolean;
    leftArrow?: boolean;
    rightArrow?: boolean;
    home?: boolean;
    end?: boolean;
  },
): Buffer {
  const lines = [...b.lines];
  const line = lines[b.row] ?? '';
  if (key.return) {
    lines.splice(b.row, 1, line.slice(0, b.col), line.slice(b.col));
    return { lines, row: b.row + 1, col: 0 };
  }
  if (key.backspace || key.delete) {
    if (b.col > 0) {
      lines[b.row] = line.slice(0, b.col - 1) + line.slice(b.col);
      return { lines, row: b.row, col: b.col - 1 };
    }
    if (b.row === 0) return b;
    const prev = lines[b.row - 1] ?? '';
    lines.splice(b.row - 1, 2, prev + line);
    return { lines, row: b.row - 1, col: prev.length };
  }
  if (key.upArrow || key.downArrow) {
    const row = Math.max(0, Math.min(lines.length - 1, b.row + (key.upArrow ? -1 : 1)));
    return { lines, row, col: Math.min(b.col, (lines[row] ?? '').length) };
  }
  if (key.leftArrow) {
    if (b.col > 0) return { ...b, col: b.col - 1 };
    if (b.row > 0) return { ...b, row: b.row - 1, col: (lines[b.row - 1] ?? '').length };
    return b;
  }
  if (key.rightArrow) {
    if (b.col < line.length) return { ...b, col: b.col + 1 };
    if (b.row < lines.length - 1) return { ...b, row: b.row + 1, col: 0 };
    return b;
  }
  if (key.home) return { ...b, col: 0 };
  if (key.end) return { ...b, col: line.length };
  if (!input) return b;
  // Typed or pasted text; a paste may hold several lines.
  const parts = input.replace(/\r\n?/g, '\n').split('\n');
  const before = line.slice(0, b.col);
  const after = line.slice(b.col);
  if (parts.length === 1) {
    lines[b.row] = before + input + after;
    return { lines, row: b.row, col: b.col + input.length };
  }
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1);
  lines.splice(b.row, 1, before + first, ...middle, last + after);
  return { lines, row: b.row + parts.length - 1, col: last.length };
}

export function NotesEditor(props: NotesEditorProps) {
  const { theme, setCapturingInput } = useUi();
  const start = props.initial.split('\n');
  // Keys can reach a handler that closed over an old buffer (ink re-registers after render): use a ref.
  const bufRef = useRef<Buffer>({ lines: start, row: start.length - 1, col: (start.at(-1) ?? '').length });
  const [buf, setBuf] = useState(bufRef.current);
  const [askDiscard, setAskDiscard] = useState(false);
  const topRef = useRef(0);

  useEffect(() => {
    setCapturingInput(true);
    return () => setCapturingInput(false);
  }, [setCapturingInput]);

  useKeys(
    (input, key) => {
      const text = bufRef.current.lines.join('\n');
      if (key.ctrl && (input === 'd' || input === 's')) {
        props.onSave(text.replace(/\s+$/, ''));
        return;
      }
      if (key.escape) {
        if (text === props.initial) props.onCancel();
        else setAskDiscard(true);
        return;
      }
      if (key.ctrl || key.meta || key.tab) return;
      bufRef.current = editBuffer(bufRef.current, input, key);
      setBuf(bufRef.current);
    },
    { isActive: !askDiscard },
  );

  const textHeight = Math.max(1, props.height - 2);
  if (buf.row < topRef.current) topRef.current = buf.row;
  if (buf.row >= topRef.current + textHeight) topRef.current = buf.row - textHeight + 1;
  const top = topRef.current;
  const visible = buf.lines.slice(top, top + textHeight);
  const w = Math.max(4, props.width - 1);
  return (
    <Box flexDirection="column" height={props.height}>
      <Text color={theme.color.accent} wrap="truncate-end">
        Editing notes (line {buf.row + 1} of {buf.lines.length})
      </Text>
      <Box flexDirection="column" height={textHeight}>
        {visible.map((line, i) => {
          const row = top + i;
          if (row !== buf.row) {
            return (
              <Text key={row} wrap="truncate-end">
                {line || ' '}
              </Text>
            );
          }
          // Scroll the cursor line sideways so the cursor stays on screen.
          const from = Math.max(0, buf.col - (w - 1));
          const shown = line.slice(from, from + w);
          const c = buf.col - from;
          return (
            <Text key={row} wrap="truncate-end">
              {shown.slice(0, c)}
              <Text inverse>{shown[c] ?? ' '}</Text>
              {shown.slice(c + 1)}
            </Text>
          );
        })}
      </Box>
      {askDiscard ? (
        <ConfirmYesNo
          question="Discard your changes to the notes?"
          onYes={props.onCancel}
          onNo={() => setAskDiscard(false)}
        />
      ) : (
        <KeyHints
          hints={[
            ['Enter', 'new line'],
            ['arrows', 'move'],
            ['Ctrl+D', 'save'],
            ['Esc', 'cancel'],
          ]}
        />
      )}
    </Box>
  );
}
