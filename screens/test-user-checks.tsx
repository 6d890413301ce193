// Step 6's end-user checks: for each test user of the wave, the five things they try once their
// group is in staged rollout. Space cycles pending -> pass -> fail -> n/a; `n` adds a note (what
// failed, what the user saw); `a` adds a test user by UPN, `x` removes one after a y/n.
import { Box, Text } from 'ink';
import { type ReactNode, useState } from 'react';
import { CHECK_RESULT_LABELS, END_USER_CHECKS } from '../state/catalogue/index.js';
import { CHECK_RESULTS, type CheckResult, END_USER_CHECK_IDS, type EndUserCheckId } from '../state/model.js';
import { currentMigration } from '../state/selectors.js';
import { validateUpn } from '../state/validation.js';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { clampIndex, listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { useSentValues } from './sent-values.js';
import { waveOf } from './step-data.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { cell } from './wrap-text.js';

type Line = { upn: string; check?: EndUserCheckId };
type Mode =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'note'; upn: string; check: EndUserCheckId }
  | { kind: 'remove'; upn: string };

export function nextResult(r: CheckResult): CheckResult {
  return CHECK_RESULTS[(CHECK_RESULTS.indexOf(r) + 1) % CHECK_RESULTS.length] ?? 'pending';
}

const RESULT_MARK: Record<CheckResult, string> = { pending: '[ ]', pass: '[v]', fail: '[x]', 'n/a': '[-]' };

function checkLabel(id: EndUserCheckId): string {
  return END_USER_CHECKS.find((c) => c.id === id)?.label ?? id;
}

export function TestUserChecks(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const sent = useSentValues<CheckResult>();
  const m = currentMigration(state);
  const wave = m ? waveOf(m, props.stepRef.wave) : undefined;
  const users = wave?.testUsers ?? [];
  const lines: Line[] = users.flatMap((u) => [
    { upn: u.upn },
    ...END_USER_CHECK_IDS.map((check) => ({ upn: u.upn, check })),
  ]);
  const index = Math.min(selected, Math.max(0, lines.length - 1));
  const line = lines[index];
  const user = line ? users.find((u) => u.upn === line.upn) : undefined;
  const answer = line?.check ? user?.checks[line.check] : undefined;

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, lines.length, 6);
      if (moved !== null) {
        setSelected(moved);
        return;
      }
      const line = lines[clampIndex(selectedLive.current, lines.length)];
      const user = line ? users.find((u) => u.upn === line.upn) : undefined;
      const answer = line?.check ? user?.checks[line.check] : undefined;
      if (input === 'a') setMode({ kind: 'add' });
      else if (input === 'x' && line) setMode({ kind: 'remove', upn: line.upn });
      else if ((input === ' ' || key.return) && wave && line?.check) {
        const slot = `${line.upn}/${line.check}`;
        const result = nextResult(sent.get(slot) ?? answer?.result ?? 'pending');
        sent.set(slot, result);
        dispatch({
          type: 'set-test-check',
          waveId: wave.id,
          upn: line.upn,
          check: line.check,
          result,
          ...(answer?.note ? { note: answer.note } : {}),
        });
      } else if (input === 'n' && line?.check) setMode({ kind: 'note', upn: line.upn, check: line.check });
    },
    { isActive: props.active && mode.kind === 'list' },
  );

  if (!m || !wave) return <Text color={theme.color.error}>This wave is not in the migration.</Text>;

  const rows = lines.map((l, i) => {
    const on = i === index;
    const pointer = on ? theme.glyph.pointer : ' ';
    const u = users.find((x) => x.upn === l.upn);
    if (!l.check) {
      const results = END_USER_CHECK_IDS.map((c) => u?.checks[c]?.result ?? 'pending');
      const pass = results.filter((r) => r === 'pass').length;
      const fail = results.filter((r) => r === 'fail').length;
      return (
        <Text key={l.upn} wrap="truncate-end" bold color={on ? theme.color.selected : theme.color.accent}>
          {pointer} {l.upn}
          <Text
            color={theme.color.muted}
          >{`  ${pass} pass, ${fail} fail, ${results.length - pass - fail} open`}</Text>
        </Text>
      );
    }
    const a = u?.checks[l.check];
    const result = a?.result ?? 'pending';
    const color = result === 'pass' ? theme.color.ok : result === 'fail' ? theme.color.error : undefined;
    return (
      <Text
        key={`${l.upn}/${l.check}`}
        wrap="truncate-end"
        color={on ? theme.color.selected : undefined}
        bold={on}
      >
        {pointer} <Text color={color}>{`${RESULT_MARK[result]} ${cell(result, 7)}`}</Text>{' '}
        {cell(checkLabel(l.check), 28)}
        <Text color={theme.color.muted}>{a?.note ? ` ${a.note}` : ''}</Text>
      </Text>
    );
  });

  let bottom: ReactNode;
  if (mode.kind === 'add') {
    bottom = (
      <TextPrompt
        key="add"
        label="Test user UPN:"
        placeholder="adele@contoso.com"
        maxLength={120}
        validate={(v) =>
          validateUpn(v) ??
          (users.some((u) => u.upn.toLowerCase() === v.trim().toLowerCase())
            ? `${v.trim()} is already a test user.`
            : null)
        }
        onCancel={() => setMode({ kind: 'list' })}
        onSubmit={(upn) => {
          setMode({ kind: 'list' });
          const refused = dispatch({ type: 'add-test-user', waveId: wave.id, upn: upn.trim() });
          if (!refused) setSelected(lines.length);
        }}
      />
    );
  } else if (mode.kind === 'note') {
    const current = users.find((u) => u.upn === mode.upn)?.checks[mode.check];
    bottom = (
      <TextPrompt
        key={`note-${mode.upn}-${mode.check}`}
        label={`Note (${checkLabel(mode.check)}):`}
        initial={current?.note ?? ''}
        maxLength={300}
        onCancel={() => setMode({ kind: 'list' })}
        onSubmit={(note) => {
          setMode({ kind: 'list' });
          dispatch({
            type: 'set-test-check',
            waveId: wave.id,
            upn: mode.upn,
            check: mode.check,
            result: current?.result ?? 'pending',
            note: note.trim(),
          });
        }}
      />
    );
  } else if (mode.kind === 'remove') {
    bottom = (
      <ConfirmYesNo
        question={`Remove test user ${mode.upn} and their check results?`}
        onNo={() => setMode({ kind: 'list' })}
        onYes={() => {
          setMode({ kind: 'list' });
          dispatch({ type: 'remove-test-user', waveId: wave.id, upn: mode.upn });
        }}
      />
    );
  } else {
    const def = line?.check ? END_USER_CHECKS.find((c) => c.id === line.check) : undefined;
    bottom = (
      <>
        <Text wrap="truncate-end" color={theme.color.muted}>
          {def ? def.text : answer ? CHECK_RESULT_LABELS[answer.result] : ' '}
        </Text>
        <KeyHints
          hints={[
            ['↑↓', 'move'],
            ['space', 'next result'],
            ['n', 'note'],
            ['a', 'add user'],
            ['x', 'remove user'],
          ]}
        />
      </>
    );
  }

  return (
    <Box flexDirection="column" height={props.height}>
      <ScrollBox
        height={Math.max(1, props.height - 2)}
        selected={index}
        rows={rows}
        empty="No test users yet. Press a to add one (a UPN from this wave's rollout group)."
      />
      <Box flexDirection="column" height={2}>
        {bottom}
      </Box>
    </Box>
  );
}
