// Shows why the reducer said no, and for a guard that can be overridden, takes a written reason and
// re-sends the same event with the override. The reducer records the override (reason, who, when).
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import type { MigrationEvent, Refusal } from '../state/events.js';
import type { GuardId } from '../state/model.js';
import { useKeys } from './key-router.js';
import { ReasonPrompt } from './reason-prompt.js';
import { useUi } from './ui-context.js';
import { wrapText } from './wrap-text.js';

/** Only events that carry an `override` field can be retried with one. */
export function canOverride(refusal: Refusal, event: MigrationEvent): boolean {
  return (
    refusal.overridable &&
    refusal.code !== 'invalid' &&
    refusal.code !== 'not-found' &&
    (event.type === 'set-step-status' || event.type === 'set-wave-groups')
  );
}

/**
 * Add an override to the event. When a second guard refuses after the first was overridden, the
 * event already carries the first override: keep it, so each guard keeps its own written reason.
 */
export function withOverride(event: MigrationEvent, guard: GuardId, reason: string): MigrationEvent {
  if (event.type === 'set-step-status') {
    const earlier = event.override === undefined ? [] : [event.override].flat();
    return { ...event, override: [...earlier.filter((o) => o.guard !== guard), { guard, reason }] };
  }
  if (event.type === 'set-wave-groups') return { ...event, override: { guard, reason } };
  return event;
}

export interface GuardRefusalProps {
  refusal: Refusal;
  event: MigrationEvent;
  width: number;
  /** called when dismissed, or after a successful override (with a notice to show) */
  onDone: (notice: string | null) => void;
}

export function GuardRefusal(props: GuardRefusalProps) {
  const { theme, dispatch, setCapturingInput } = useUi();
  const [asking, setAsking] = useState(false);
  const overridable = canOverride(props.refusal, props.event);

  // A refusal is modal: the step's keys and the shell's Esc wait until it is dismissed.
  useEffect(() => {
    setCapturingInput(true);
    return () => setCapturingInput(false);
  }, [setCapturingInput]);

  useKeys(
    (input, key) => {
      if (overridable && input === 'o') setAsking(true);
      else if (key.escape || key.return) props.onDone(null);
    },
    { isActive: !asking },
  );

  const lines = wrapText(`${theme.glyph.error} ${props.refusal.message}`, props.width).slice(0, 3);
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: wrapped lines of one message
        <Text key={i} color={theme.color.error} wrap="truncate-end">
          {l}
        </Text>
      ))}
      {asking ? (
        <ReasonPrompt
          label="Override reason:"
          onCancel={() => setAsking(false)}
          onSubmit={(reason) => {
            const guard = props.refusal.code as GuardId;
            // A new refusal (another guard) replaces this widget through the step scope.
            const again = dispatch(withOverride(props.event, guard, reason));
            if (!again) props.onDone(`Override of ${guard} recorded with your reason.`);
          }}
        />
      ) : (
        <Text wrap="truncate-end">
          {overridable ? (
            <>
              <Text bold>o</Text> override (write a reason){'  '}
            </>
          ) : null}
          <Text bold>Esc</Text> dismiss
        </Text>
      )}
    </Box>
  );
}
