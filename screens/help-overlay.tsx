// The `?` overlay: every key binding (from key-bindings.ts, the one source), what the status glyphs
// mean, and what a guard is. It scrolls inside the body height; the shell closes it on Esc or `?`.
import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import { STEP_STATUSES, type StepStatus } from '../state/model.js';
import { KEY_BINDINGS, KEY_CONTEXT_TITLES, type KeyContext } from './key-bindings.js';
import type { Theme } from './theme.js';
import { useUi } from './ui-context.js';

interface HelpLine {
  text: string;
  heading?: boolean;
}

const STATUS_MEANING: Record<StepStatus, string> = {
  pending: 'not started',
  'in-progress': 'started; something is recorded',
  done: 'finished (can be reopened; the history stays)',
  skipped: 'deliberately not done, with a written reason',
  blocked: 'cannot go on, with a written reason',
};

export function helpLines(theme: Theme): HelpLine[] {
  const lines: HelpLine[] = [];
  const contexts: KeyContext[] = ['global', 'navigator', 'picker', 'step', 'text'];
  for (const context of contexts) {
    lines.push({ text: KEY_CONTEXT_TITLES[context], heading: true });
    for (const b of KEY_BINDINGS.filter((k) => k.context === context)) {
      lines.push({ text: `  ${b.keys.padEnd(16)} ${b.description}` });
    }
  }
  lines.push({ text: 'Statuses (glyph and word)', heading: true });
  for (const s of STEP_STATUSES) {
    lines.push({ text: `  ${theme.glyph.status[s]} ${s.padEnd(12)} ${STATUS_MEANING[s]}` });
  }
  lines.push({ text: 'Guards', heading: true });
  lines.push({ text: '  Some steps wait for others (e.g. install the update only after a backup).' });
  lines.push({ text: '  When a guard refuses, the step says why and what to do. You may override' });
  lines.push({ text: '  it with a written reason; the reason, who and when go into the report.' });
  lines.push({ text: 'Saving', heading: true });
  lines.push({ text: '  Every change is saved at once; quit any time and resume where you stopped.' });
  return lines;
}

export function HelpOverlay(props: { height: number }) {
  const { theme, width } = useUi();
  const lines = helpLines(theme);
  // one row for the title, one for the footer
  const visible = Math.max(1, props.height - 2);
  const maxTop = Math.max(0, lines.length - visible);
  const [top, setTopState] = useState(0);
  const topRef = useRef(0);
  const setTop = (next: number) => {
    topRef.current = Math.min(maxTop, Math.max(0, next));
    setTopState(topRef.current);
  };

  useInput((input, key) => {
    if (key.downArrow || input === 'j') setTop(topRef.current + 1);
    else if (key.upArrow || input === 'k') setTop(topRef.current - 1);
    else if (key.pageDown || input === ' ') setTop(topRef.current + visible);
    else if (key.pageUp) setTop(topRef.current - visible);
    else if (key.home || input === 'g') setTop(0);
    else if (key.end || input === 'G') setTop(maxTop);
  });

  const shown = lines.slice(top, top + visible);
  const more = top < maxTop;
  return (
    <Box flexDirection="column" width={width} height={props.height}>
      <Text bold color={theme.color.accent} wrap="truncate-end">
        Help
      </Text>
      <Box flexDirection="column" height={visible} overflow="hidden">
        {shown.map((line, i) => (
          <Text
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are static text in a fixed order
            key={top + i}
            bold={line.heading}
            color={line.heading ? theme.color.accent : undefined}
            wrap="truncate-end"
          >
            {line.text}
          </Text>
        ))}
      </Box>
      <Text color={theme.color.muted} wrap="truncate-end">
        {`up/down scroll  ${more ? 'PgDn more  ' : ''}Esc or ? close`}
      </Text>
    </Box>
  );
}
