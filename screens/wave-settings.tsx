// A wave's groups and counts, inside its step 5 or 6. Groups are typed as names or object ids,
// separated by commas; the reducer refuses a rollout group that is also a migration group (the guide
// warns against it) unless the admin overrides with a reason.
import { Box, Text } from 'ink';
import { useState } from 'react';
import type { GroupRef, Wave } from '../state/model.js';
import { currentMigration } from '../state/selectors.js';
import { groupLabel, isGuid, ROLLOUT_GROUPS_MAX, sharedGroups } from '../state/validation.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import type { SectionProps } from './section-props.js';
import { waveOf } from './step-data.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { cell, wrapText } from './wrap-text.js';

type Field = 'migrationGroups' | 'rolloutGroups' | 'members' | 'migrated' | 'verified';

const FIELDS: { id: Field; label: string }[] = [
  { id: 'migrationGroups', label: 'Migration group' },
  { id: 'rolloutGroups', label: 'Rollout group(s)' },
  { id: 'members', label: 'Members' },
  { id: 'migrated', label: 'Migrated' },
  { id: 'verified', label: 'Verified' },
];

/** "Sales Pilot, 1b4e...-guid" -> [{name}, {id}] */
export function parseGroups(text: string): GroupRef[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => (isGuid(s) ? { id: s } : { name: s }));
}

export function groupsText(groups: GroupRef[]): string {
  return groups.map(groupLabel).join(', ');
}

export function countProblem(text: string, field: Field, wave: Wave): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return 'Type a whole number, 0 or more (or leave it empty).';
  const n = Number(t);
  const members = wave.counts.members;
  if (field !== 'members' && members !== undefined && n > members) {
    return `That is more than the ${members} members of the wave.`;
  }
  return null;
}

export function groupsProblem(text: string, field: 'migrationGroups' | 'rolloutGroups'): string | null {
  const groups = parseGroups(text);
  if (field === 'rolloutGroups' && groups.length > ROLLOUT_GROUPS_MAX) {
    return `Staged rollout takes at most ${ROLLOUT_GROUPS_MAX} groups; this is ${groups.length}.`;
  }
  return null;
}

function fieldValue(wave: Wave, field: Field): string {
  if (field === 'migrationGroups' || field === 'rolloutGroups') return groupsText(wave[field]);
  const n = wave.counts[field];
  return n === undefined ? '' : String(n);
}

export function WaveSettings(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const [editing, setEditing] = useState(false);
  const m = currentMigration(state);
  const wave = m ? waveOf(m, props.stepRef.wave) : undefined;
  const field = FIELDS[selected] ?? FIELDS[0]!;
  const noRollout = m?.cloud === 'china';

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, FIELDS.length);
      if (moved !== null) setSelected(moved);
      else if (key.return) setEditing(true);
    },
    { isActive: props.active && !editing },
  );

  if (!m || !wave) return <Text color={theme.color.error}>This wave is not in the migration.</Text>;

  const save = (text: string) => {
    setEditing(false);
    if (field.id === 'migrationGroups' || field.id === 'rolloutGroups') {
      const groups = parseGroups(text);
      dispatch({
        type: 'set-wave-groups',
        waveId: wave.id,
        migrationGroups: field.id === 'migrationGroups' ? groups : wave.migrationGroups,
        rolloutGroups: field.id === 'rolloutGroups' ? groups : wave.rolloutGroups,
      });
      return;
    }
    const t = text.trim();
    if (t === '') return; // an empty count leaves the recorded one as it is
    dispatch({ type: 'set-wave-counts', waveId: wave.id, [field.id]: Number(t) });
  };

  const shared = sharedGroups(wave);
  const notes: string[] = [];
  if (shared.length > 0) {
    notes.push(
      `${theme.glyph.warn} ${groupsText(shared)} is both a migration and a rollout group; keep them separate.`,
    );
  }
  notes.push(
    noRollout
      ? 'The China (21Vianet) cloud has no staged rollout: rollout groups do not apply here.'
      : `Rollout groups: assigned groups only (no dynamic or nested groups), at most ${ROLLOUT_GROUPS_MAX}, each up to 50,000 users. The migration group may be nested.`,
  );
  const noteLines = notes.flatMap((n) => wrapText(n, props.width - 1));
  const noteRows = noteLines.map((text, n) => ({ id: `note-${n}`, text }));
  const listHeight = FIELDS.length;
  const room = Math.max(0, props.height - listHeight - 2);

  return (
    <Box flexDirection="column" height={props.height}>
      {FIELDS.map((f, i) => {
        const on = i === selected;
        const v = fieldValue(wave, f.id);
        return (
          <Text key={f.id} wrap="truncate-end" color={on ? theme.color.selected : undefined} bold={on}>
            {on ? theme.glyph.pointer : ' '} {cell(`${f.label}:`, 18)}{' '}
            {v || <Text color={theme.color.muted}>{f.id.endsWith('Groups') ? '(none)' : '-'}</Text>}
          </Text>
        );
      })}
      <Box flexDirection="column" height={room} overflow="hidden">
        <Text> </Text>
        {noteRows.slice(0, Math.max(0, room - 1)).map((l) => (
          <Text
            key={l.id}
            color={l.text.startsWith(theme.glyph.warn) ? theme.color.warn : theme.color.muted}
            wrap="truncate-end"
          >
            {l.text}
          </Text>
        ))}
      </Box>
      <Box flexDirection="column" height={2}>
        {editing ? (
          <TextPrompt
            key={field.id}
            label={`${field.label}:`}
            initial={fieldValue(wave, field.id)}
            placeholder={field.id.endsWith('Groups') ? 'names or object ids, comma-separated' : 'a number'}
            maxLength={field.id.endsWith('Groups') ? 1000 : 10}
            validate={(v) =>
              field.id === 'migrationGroups' || field.id === 'rolloutGroups'
                ? groupsProblem(v, field.id)
                : countProblem(v, field.id, wave)
            }
            onCancel={() => setEditing(false)}
            onSubmit={save}
          />
        ) : (
          <>
            <Text> </Text>
            <KeyHints
              hints={[
                ['↑↓', 'move'],
                ['Enter', 'edit'],
              ]}
            />
          </>
        )}
      </Box>
    </Box>
  );
}
