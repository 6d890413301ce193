// Before any sign-in: which Graph permissions the step at hand needs, and why. Least privilege is the
// point — a read-only step lists (and later asks for) no write permission; a write is named as one.
import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import { OPERATIONS, type OperationId, operationsFor } from '../src/graph/permissions.js';
import { stepDef } from '../state/catalogue/index.js';
import type { StepId } from '../state/model.js';
import { KeyHints } from './key-hints.js';
import { ScrollBox } from './scroll-box.js';
import { useUi } from './ui-context.js';

export interface PermissionsScreenProps {
  step: StepId;
  /** include the step's write operations (only steps that change the tenant) */
  write: boolean;
  height: number;
  onContinue: () => void;
  onCancel: () => void;
}

/** Operations of the step in the order shown: reads first, then writes. */
export function permissionRows(step: StepId, write: boolean): OperationId[] {
  const ops = operationsFor([step], write);
  return [...ops.filter((op) => !OPERATIONS[op].write), ...ops.filter((op) => OPERATIONS[op].write)];
}

export function PermissionsScreen(props: PermissionsScreenProps) {
  const { theme } = useUi();
  const def = stepDef(props.step);
  const ops = permissionRows(props.step, props.write);
  const writes = ops.some((op) => OPERATIONS[op].write);
  const [offset, setOffset] = useState(0);
  const offsetRef = useRef(0);

  const lines: { text: string; kind: 'op' | 'why' | 'write' }[] = [];
  for (const op of ops) {
    const e = OPERATIONS[op];
    const app = e.application ? e.application.join(', ') : 'none (needs a delegated sign-in)';
    lines.push({ text: `${e.write ? 'WRITE ' : ''}${e.describe}`, kind: e.write ? 'write' : 'op' });
    lines.push({ text: `  delegated: ${e.delegated.join(', ')}`, kind: 'why' });
    lines.push({ text: `  app-only:  ${app}`, kind: 'why' });
    lines.push({ text: `  why: ${e.why}`, kind: 'why' });
  }
  // title, intro, blank, list, blank, hints
  const listHeight = Math.max(1, props.height - 5);
  const maxOffset = Math.max(0, lines.length - listHeight);

  useInput((input, key) => {
    const move = (to: number) => {
      offsetRef.current = Math.max(0, Math.min(maxOffset, to));
      setOffset(offsetRef.current);
    };
    if (key.escape) props.onCancel();
    else if (key.return) props.onContinue();
    else if (key.downArrow || input === 'j') move(offsetRef.current + 1);
    else if (key.upArrow || input === 'k') move(offsetRef.current - 1);
    else if (key.pageDown) move(offsetRef.current + listHeight);
    else if (key.pageUp) move(offsetRef.current - listHeight);
  });

  return (
    <Box flexDirection="column" height={props.height}>
      <Text bold wrap="truncate-end">
        Graph permissions for step {def.label}: {def.title}
      </Text>
      <Text color={writes ? theme.color.warn : theme.color.muted} wrap="truncate-end">
        {writes
          ? 'This step changes the tenant: its write permissions are asked for too.'
          : 'Read-only: changes nothing in the tenant; asks for no write permission.'}
      </Text>
      <Text> </Text>
      <ScrollBox
        height={listHeight}
        offset={offset}
        rows={lines.map((l, i) => (
          <Text
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed list, rebuilt each render
            key={i}
            wrap="truncate-end"
            bold={l.kind !== 'why'}
            {...(l.kind === 'write' ? { color: theme.color.warn } : {})}
            {...(l.kind === 'why' ? { color: theme.color.muted } : {})}
          >
            {l.text}
          </Text>
        ))}
      />
      <Box flexGrow={1} />
      <KeyHints
        hints={[
          ['Enter', 'choose how to sign in'],
          ['↑↓', 'scroll'],
          ['Esc', 'cancel'],
        ]}
      />
    </Box>
  );
}
