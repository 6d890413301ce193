// Step 10 (and its rollback): the federation changes the wizard knows of, so that rollback sets back
// exactly those domains, and decommission waits out the 24-hour propagation window. A change made
// by hand (outside the wizard) is recorded here: domain, value before and after, then the domain
// name typed to confirm — the value can never be unset once written, so the record must be right.
import { Box, Text } from 'ink';
import { type ReactNode, useState } from 'react';
import { FEDERATED_IDP_MFA_BEHAVIORS } from '../state/federation-plan.js';
import { currentMigration } from '../state/selectors.js';
import { validateDomain } from '../state/validation.js';
import { ChoiceLine } from './choice-line.js';
import { ConfirmByTyping } from './confirm-by-typing.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { clampIndex, listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { shortTime } from './step-data.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { cell } from './wrap-text.js';

const NOT_SET = 'not set';
const FROM_OPTIONS = [
  { value: NOT_SET, label: 'not set (SupportsMfa)' },
  ...FEDERATED_IDP_MFA_BEHAVIORS.map((b) => ({ value: b, label: b })),
];
const TO_OPTIONS = FEDERATED_IDP_MFA_BEHAVIORS.map((b) => ({ value: b, label: b }));

type Mode =
  | { kind: 'list' }
  | { kind: 'domain' }
  | { kind: 'from'; domain: string }
  | { kind: 'to'; domain: string; from: string | null }
  | { kind: 'confirm'; domain: string; from: string | null; to: string };

const PROPAGATION_MS = 24 * 60 * 60 * 1000;

export function FederationChanges(props: SectionProps & { readOnly?: boolean }) {
  const { theme, state, dispatch } = useUi();
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const changes = currentMigration(state)?.federationChanges ?? [];
  const index = clampIndex(selected, changes.length);

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, changes.length);
      if (moved !== null) setSelected(moved);
      else if (input === 'a' && !props.readOnly) setMode({ kind: 'domain' });
    },
    { isActive: props.active && mode.kind === 'list' },
  );

  const rows = changes.map((c, i) => {
    const on = i === index;
    return (
      <Text
        key={`${c.domain}-${c.at}`}
        wrap="truncate-end"
        color={on ? theme.color.selected : undefined}
        bold={on}
      >
        {on ? theme.glyph.pointer : ' '} {cell(c.domain, 22)} {`${c.from ?? NOT_SET} -> ${c.to}`}
      </Text>
    );
  });

  let bottom: ReactNode;
  if (mode.kind === 'domain') {
    bottom = (
      <TextPrompt
        key="domain"
        label="Domain changed:"
        placeholder="contoso.com"
        maxLength={253}
        validate={(v) => validateDomain(v.trim())}
        onCancel={() => setMode({ kind: 'list' })}
        onSubmit={(v) => setMode({ kind: 'from', domain: v.trim().toLowerCase() })}
      />
    );
  } else if (mode.kind === 'from') {
    const domain = mode.domain;
    bottom = (
      <ChoiceLine
        key="from"
        label="Before:"
        options={FROM_OPTIONS}
        onCancel={() => setMode({ kind: 'list' })}
        onPick={(v) => setMode({ kind: 'to', domain, from: v === NOT_SET ? null : v })}
      />
    );
  } else if (mode.kind === 'to') {
    const { domain, from } = mode;
    bottom = (
      <ChoiceLine
        key="to"
        label="After:"
        options={TO_OPTIONS}
        initial={TO_OPTIONS.findIndex((o) => o.value === 'rejectMfaByFederatedIdp')}
        onCancel={() => setMode({ kind: 'list' })}
        onPick={(to) => setMode({ kind: 'confirm', domain, from, to })}
      />
    );
  } else if (mode.kind === 'confirm') {
    const { domain, from, to } = mode;
    bottom = (
      <ConfirmByTyping
        message={`Record: ${domain} changed from ${from ?? NOT_SET} to ${to}.`}
        expected={domain}
        onCancel={() => setMode({ kind: 'list' })}
        onConfirm={() => {
          setMode({ kind: 'list' });
          dispatch({ type: 'record-federation-change', domain, from, to });
        }}
      />
    );
  } else {
    const c = changes[index];
    bottom = (
      <>
        <Text wrap="truncate-end" color={theme.color.muted}>
          {c
            ? `${c.by}, ${shortTime(c.at)}; in effect everywhere by ${shortTime(new Date(Date.parse(c.at) + PROPAGATION_MS).toISOString())}`
            : ' '}
        </Text>
        <KeyHints
          hints={
            props.readOnly
              ? [['↑↓', 'move']]
              : [
                  ['↑↓', 'move'],
                  ['a', 'record a change made by hand'],
                ]
          }
        />
      </>
    );
  }
  // The typed confirmation needs three rows (what, how, the input) plus its error line.
  const bottomHeight = mode.kind === 'confirm' ? 4 : 2;
  return (
    <Box flexDirection="column" height={props.height}>
      <ScrollBox
        height={Math.max(1, props.height - bottomHeight)}
        selected={index}
        rows={rows}
        empty={
          props.readOnly
            ? 'The wizard knows of no federation change: there is nothing to set back.'
            : 'No federation change recorded yet.'
        }
      />
      <Box flexDirection="column" height={bottomHeight}>
        {bottom}
      </Box>
    </Box>
  );
}
