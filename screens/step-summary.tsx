// "What & why": the catalogue's summary of the step and what to record, wrapped and scrollable.
import { Box, Text } from 'ink';
import { stepDef } from '../state/catalogue/index.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { useLiveState } from './live-state.js';
import { clampOffset, ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { useUi } from './ui-context.js';
import { wrapText } from './wrap-text.js';

const EVIDENCE_TITLE = 'Record as evidence:';

export function summaryLines(step: SectionProps['stepRef']['step'], width: number): string[] {
  const def = stepDef(step);
  const lines: string[] = [];
  for (const p of def.summary) {
    if (lines.length > 0) lines.push('');
    lines.push(...wrapText(p, width));
  }
  if (def.evidencePrompts.length > 0) {
    lines.push('', EVIDENCE_TITLE);
    for (const e of def.evidencePrompts) lines.push(...wrapText(`- ${e}`, width));
  }
  if (lines.length === 0) lines.push('No description for this step yet.');
  return lines;
}

export function StepSummary(props: SectionProps) {
  const { theme } = useUi();
  const [offset, setOffset, offsetLive] = useLiveState(0);
  const lines = summaryLines(props.stepRef.step, props.width - 1);
  const bodyHeight = props.height - 1;
  const page = Math.max(1, bodyHeight - 2);
  useKeys(
    (input, key) => {
      let next = offsetLive.current;
      if (key.downArrow || input === 'j') next += 1;
      else if (key.upArrow || input === 'k') next -= 1;
      else if (key.pageDown) next += page;
      else if (key.pageUp) next -= page;
      else if (key.home) next = 0;
      else if (key.end) next = lines.length;
      else return;
      setOffset(clampOffset(next, lines.length, bodyHeight));
    },
    { isActive: props.active },
  );
  return (
    <Box flexDirection="column" height={props.height}>
      <ScrollBox
        height={bodyHeight}
        offset={offset}
        rows={lines
          .map((text, n) => ({ id: `line-${n}`, text }))
          .map((l) => (
            <Text
              key={l.id}
              wrap="truncate-end"
              color={l.text === EVIDENCE_TITLE ? theme.color.accent : undefined}
            >
              {l.text || ' '}
            </Text>
          ))}
      />
      <KeyHints hints={[['↑↓ PgUp PgDn', 'scroll']]} />
    </Box>
  );
}
