// A tiny stand-in for the shell in step-screen tests: holds RootState in React state, stamps events
// with a test clock and author, runs the real reducer, and exposes the latest state and every event.

import { type ReactNode, useCallback, useRef, useState } from 'react';
import stringWidth from 'string-width';
import { makeTheme } from '../../screens/theme.js';
import { UiContext, type UiContextValue } from '../../screens/ui-context.js';
import { useTerminalSize } from '../../screens/use-terminal-size.js';
import type { MigrationEvent, Refusal } from '../../state/events.js';
import { emptyRootState, type Migration, type RootState } from '../../state/model.js';
import { reduce } from '../../state/reducer.js';
import { currentMigration } from '../../state/selectors.js';
import type { RenderedUi } from '../helpers/render.js';

export const BY = 'admin@mfa01';
export const T0 = '2026-11-20T09:00:00.000Z';

/** A root state with one migration "Contoso" selected, built by the real reducer. */
export function seededRoot(extra: MigrationEvent[] = [], at = T0): RootState {
  let state = emptyRootState('test');
  const events: MigrationEvent[] = [
    { type: 'create-migration', id: 'm1', name: 'Contoso', cloud: 'global' },
    ...extra,
  ];
  for (const e of events) {
    const r = reduce(state, { ...e, at, by: BY });
    if (!r.ok) throw new Error(`seed refused ${e.type}: ${r.refusal.message}`);
    state = r.state;
  }
  return state;
}

export interface Probe {
  state: RootState;
  events: MigrationEvent[];
  refusals: Refusal[];
  capturing: boolean;
  migration: () => Migration;
}

export function newProbe(initial: RootState): Probe {
  const probe: Probe = {
    state: initial,
    events: [],
    refusals: [],
    capturing: false,
    migration: () => {
      const m = currentMigration(probe.state);
      if (!m) throw new Error('no migration');
      return m;
    },
  };
  return probe;
}

export function Harness(props: {
  probe: Probe;
  width?: number;
  height?: number;
  ascii?: boolean;
  /** size the step from the terminal like the shell does (follows resize) */
  followTerminal?: boolean;
  /** test clock: ISO time stamped on each event */
  now?: () => string;
  children: ReactNode;
}) {
  const { probe } = props;
  const [state, setState] = useState(probe.state);
  const terminal = useTerminalSize();
  const stateRef = useRef(state);
  const setCapturingInput = useCallback(
    (on: boolean) => {
      probe.capturing = on;
    },
    [probe],
  );
  const now = props.now;
  const dispatch = useCallback(
    (event: MigrationEvent): Refusal | null => {
      probe.events.push(event);
      const r = reduce(stateRef.current, { ...event, at: now ? now() : T0, by: BY });
      if (!r.ok) {
        probe.refusals.push(r.refusal);
        return r.refusal;
      }
      stateRef.current = r.state;
      probe.state = r.state;
      setState(r.state);
      return null;
    },
    [probe, now],
  );
  const ui: UiContextValue = {
    theme: makeTheme({ color: false, ascii: props.ascii ?? false }),
    state,
    dispatch,
    setCapturingInput,
    // the shell's frame takes 2 columns and 6 rows (border, header, hints, rows - 1)
    width: props.followTerminal ? terminal.columns - 2 : (props.width ?? 78),
    height: props.followTerminal ? terminal.rows - 6 : (props.height ?? 18),
  };
  return <UiContext.Provider value={ui}>{props.children}</UiContext.Provider>;
}

/** Every line of the frame fits the width and the frame fits the height. */
export function frameFits(frame: string, columns: number, rows: number): string | null {
  const lines = frame.replace(/\n$/, '').split('\n');
  if (lines.length > rows) return `frame has ${lines.length} lines, more than ${rows}`;
  const wide = lines.find((l) => stringWidth(l) > columns);
  return wide ? `line wider than ${columns}: "${wide}"` : null;
}

/**
 * Let React run the passive effects of the last commit (ink subscribes input handlers and the text
 * prompt claims the keyboard there): the scheduler runs them from setImmediate, so a few check
 * phases are enough. Not a sleep: nothing here depends on elapsed time.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
}

/** Wait for the frame, then for the effects of that render. */
export async function see(
  ui: Pick<RenderedUi, 'waitFor'>,
  expect: string | RegExp | ((f: string) => boolean),
): Promise<string> {
  const frame = await ui.waitFor(expect);
  await settle();
  return frame;
}

/** Press Tab until the section's tab is the active one. */
export async function toSection(
  ui: Pick<RenderedUi, 'lastFrame' | 'press' | 'waitFor'>,
  label: string,
): Promise<string> {
  for (let i = 0; i < 10; i++) {
    const frame = ui.lastFrame();
    if (frame.includes(`[${label}]`)) return frame;
    const active = /\[([^\]]+)\]/.exec(frame.split('\n')[1] ?? '')?.[1];
    ui.press('\t');
    await see(ui, (f) => !f.includes(`[${active}]`));
  }
  throw new Error(`section ${label} not found`);
}
