// Every migration in the state file (one per tenant; e.g. test and production), with where each one
// stands, so the admin picks the right tenant before touching anything. Enter selects, n creates.
import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import { CLOUD_LABELS, stepDef } from '../state/catalogue/index.js';
import { stepLabel } from '../state/ids.js';
import { type Migration, PHASES } from '../state/model.js';
import { phaseProgress } from '../state/selectors.js';
import { useUi } from './ui-context.js';

export interface MigrationPickerProps {
  height: number;
  onSelect: (id: string) => void;
  onNew: () => void;
  /** Esc: back to the migration that is open, when there is one */
  onBack?: () => void;
}

function progressOf(m: Migration): string {
  let done = 0;
  let total = 0;
  // rollback steps are not part of the way forward; leave them out of "how far along"
  for (const phase of PHASES.filter((p) => p !== 'rollback')) {
    const p = phaseProgress(m, phase);
    done += p.done;
    total += p.total;
  }
  return `${done}/${total} done`;
}

export function migrationSummary(m: Migration): string {
  const tenant = m.tenant ?? m.tenantId ?? 'no tenant';
  const at = `at ${stepLabel(m.current.step)} ${stepDef(m.current.step).title}`;
  return [tenant, CLOUD_LABELS[m.cloud], progressOf(m), at].join(', ');
}

export function MigrationPicker(props: MigrationPickerProps) {
  const { theme, state, width } = useUi();
  const migrations = Object.values(state.migrations).sort((a, b) => a.name.localeCompare(b.name));
  const initial = Math.max(
    0,
    migrations.findIndex((m) => m.id === state.lastMigrationId),
  );
  const selectedRef = useRef(initial);
  const [selected, setSelectedState] = useState(initial);
  const topRef = useRef(0);
  const select = (index: number) => {
    selectedRef.current = Math.min(Math.max(0, index), Math.max(0, migrations.length - 1));
    setSelectedState(selectedRef.current);
  };

  // each migration takes two lines; title, blank line and key hints take three
  const perPage = Math.max(1, Math.floor((props.height - 3) / 2));
  useInput((input, key) => {
    if (key.downArrow || input === 'j') select(selectedRef.current + 1);
    else if (key.upArrow || input === 'k') select(selectedRef.current - 1);
    else if (key.pageDown) select(selectedRef.current + perPage);
    else if (key.pageUp) select(selectedRef.current - perPage);
    else if (key.home || input === 'g') select(0);
    else if (key.end || input === 'G') select(migrations.length - 1);
    else if (key.return) {
      const m = migrations[selectedRef.current];
      if (m) props.onSelect(m.id);
    } else if (input === 'n') props.onNew();
    else if (key.escape) props.onBack?.();
  });

  let top = topRef.current;
  if (selected < top) top = selected;
  if (selected >= top + perPage) top = selected - perPage + 1;
  top = Math.max(0, Math.min(top, Math.max(0, migrations.length - perPage)));
  topRef.current = top;

  return (
    <Box flexDirection="column" width={width} height={props.height}>
      <Text bold color={theme.color.accent} wrap="truncate-end">
        Migrations ({migrations.length}) - choose the tenant to work on
      </Text>
      <Text> </Text>
      <Box flexDirection="column" height={props.height - 3} overflow="hidden">
        {migrations.slice(top, top + perPage).map((m, i) => {
          const isSelected = top + i === selected;
          return (
            <Box key={m.id} flexDirection="column">
              <Text
                color={isSelected ? theme.color.selected : undefined}
                bold={isSelected}
                wrap="truncate-end"
              >
                {isSelected ? theme.glyph.pointer : ' '} {m.name}
                {m.demo ? <Text color={theme.color.warn}> [DEMO]</Text> : null}
                {m.id === state.lastMigrationId ? <Text color={theme.color.muted}> (open)</Text> : null}
              </Text>
              <Text color={theme.color.muted} wrap="truncate-end">
                {'    '}
                {migrationSummary(m)}
              </Text>
            </Box>
          );
        })}
      </Box>
      <Text color={theme.color.muted} wrap="truncate-end">
        {`up/down move  Enter open  n new migration${props.onBack ? '  Esc back' : ''}`}
      </Text>
    </Box>
  );
}
