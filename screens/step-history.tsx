// Who did what and when on this step, and the guard overrides recorded for it (with their reasons):
// what a change board asks about first.
import { Box, Text } from 'ink';
import { currentMigration } from '../state/selectors.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { useLiveState } from './live-state.js';
import { clampOffset, ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { shortTime, stepStateOf } from './step-data.js';
import { useUi } from './ui-context.js';

export function StepHistory(props: SectionProps) {
  const { theme, state } = useUi();
  const [offset, setOffset, offsetLive] = useLiveState(0);
  const m = currentMigration(state);
  const step = m ? stepStateOf(m, props.stepRef) : undefined;
  const overrides = (m?.overrides ?? []).filter(
    (o) => o.step === props.stepRef.step && (o.wave ?? undefined) === props.stepRef.wave,
  );
  const rows: React.ReactNode[] = [];
  if (overrides.length > 0) {
    rows.push(<Text color={theme.color.warn}>{`${theme.glyph.warn} Overrides (${overrides.length})`}</Text>);
    for (const o of overrides) {
      rows.push(
        <Text wrap="truncate-end">
          {`  ${shortTime(o.at)} ${o.by}  ${o.guard}: `}
          <Text bold>{o.reason}</Text>
        </Text>,
      );
    }
    rows.push(<Text> </Text>);
  }
  rows.push(<Text color={theme.color.accent}>History</Text>);
  const history = [...(step?.history ?? [])].reverse();
  if (history.length === 0) rows.push(<Text color={theme.color.muted}> nothing recorded yet</Text>);
  for (const h of history) {
    rows.push(
      <Text wrap="truncate-end">
        {`  ${shortTime(h.at)} ${h.by}  ${h.what}`}
        {h.reason ? <Text color={theme.color.muted}>{` - ${h.reason}`}</Text> : null}
      </Text>,
    );
  }
  const bodyHeight = props.height - 1;
  useKeys(
    (input, key) => {
      if (key.downArrow || input === 'j')
        setOffset(clampOffset(offsetLive.current + 1, rows.length, bodyHeight));
      else if (key.upArrow || input === 'k')
        setOffset(clampOffset(offsetLive.current - 1, rows.length, bodyHeight));
      else if (key.pageDown) setOffset(clampOffset(offsetLive.current + bodyHeight, rows.length, bodyHeight));
      else if (key.pageUp) setOffset(clampOffset(offsetLive.current - bodyHeight, rows.length, bodyHeight));
    },
    { isActive: props.active },
  );
  return (
    <Box flexDirection="column" height={props.height}>
      <ScrollBox height={bodyHeight} offset={offset} rows={rows} />
      <KeyHints hints={[['↑↓ PgUp PgDn', 'scroll']]} />
    </Box>
  );
}
