// Shared by the shell's component tests: an in-memory store over the real reducer, a stand-in for
// StepView, and fixtures built with the real newMigration.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { App, type AppStore } from '../../screens/app.js';
import { makeTheme, type Theme } from '../../screens/theme.js';
import { useUi } from '../../screens/ui-context.js';
import type { MigrationEvent, MigrationEventWithMeta } from '../../state/events.js';
import { emptyRootState, type RootState, type StepRef } from '../../state/model.js';
import { newMigration } from '../../state/new-migration.js';
import { reduce } from '../../state/reducer.js';
import { StoreError } from '../../state/store-errors.js';
import type { RenderedUi } from '../helpers/render.js';

export const META = { at: '2026-11-25T10:00:00.000Z', by: 'admin@host' };

export interface MemoryStore extends AppStore {
  /** make the next writes fail like a read-only disk while this returns true */
  failWhen: ((event: MigrationEventWithMeta) => boolean) | null;
  events: MigrationEventWithMeta[];
}

export function memoryStore(initial: RootState): MemoryStore {
  let state = initial;
  let tick = 0;
  const store: MemoryStore = {
    failWhen: null,
    events: [],
    get: () => state,
    stamp: (e: MigrationEvent) => ({
      ...e,
      at: new Date(Date.UTC(2026, 10, 25, 10, 0, tick++)).toISOString(),
      by: 'admin@host',
    }),
    dispatch: (e) => {
      if (store.failWhen?.(e)) {
        throw new StoreError(
          'read-only',
          '/state',
          'Could not save to /state/state.json: the disk (or your quota) is full.\nFree some space and try again.',
        );
      }
      const r = reduce(state, e);
      if (r.ok) {
        state = r.state;
        store.events.push(e);
      }
      return r;
    },
  };
  return store;
}

export function rootWith(
  migrations: Array<{ id: string; name: string; demo?: boolean; tenant?: string }>,
  lastMigrationId?: string,
): RootState {
  const root = emptyRootState('test');
  for (const m of migrations) {
    root.migrations[m.id] = newMigration({ cloud: 'global', ...m, ...META });
  }
  if (lastMigrationId) root.lastMigrationId = lastMigrationId;
  return root;
}

/** Stands in for the steps room's StepView: shows the ref, Esc goes back, w writes a note. */
export function FakeStep(props: { stepRef: StepRef; onBack: () => void }) {
  const { dispatch, width, height } = useUi();
  const [result, setResult] = useState('');
  useInput((input, key) => {
    if (key.escape) props.onBack();
    if (input === 'w') {
      const refusal = dispatch({ type: 'set-notes', ref: props.stepRef, text: 'checked the data folder' });
      setResult(refusal ? `refused: ${refusal.message}` : 'saved');
    }
  });
  return (
    <Box flexDirection="column">
      <Text>
        STEP {props.stepRef.step}
        {props.stepRef.wave ? ` wave ${props.stepRef.wave}` : ''} ({width}x{height})
      </Text>
      <Text wrap="truncate-end">{result}</Text>
    </Box>
  );
}

export function appTree(
  store: AppStore,
  opts: { theme?: Theme; onQuit?: () => void; newId?: (name: string) => string } = {},
) {
  return (
    <App
      store={store}
      theme={opts.theme ?? makeTheme({ color: false, ascii: false })}
      newId={opts.newId ?? ((name) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-test`)}
      renderStep={(p) => <FakeStep {...p} />}
      {...(opts.onQuit ? { onQuit: opts.onQuit } : {})}
    />
  );
}

/** Lines of a frame, without the trailing newline ink may add. */
export function frameLines(frame: string): string[] {
  return frame.replace(/\n$/, '').split('\n');
}

/**
 * ink attaches a newly shown screen's key handler in a passive effect, which runs a turn AFTER the
 * frame is written: a test that presses a key the instant a new screen appears would press into the
 * void. This waits for the frame and then lets those effects run (event-loop turns, not a sleep).
 */
export function settled(ui: RenderedUi): RenderedUi {
  return {
    ...ui,
    waitFor: async (expect, timeoutMs) => {
      const frame = await ui.waitFor(expect, timeoutMs);
      for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
      return frame;
    },
  };
}

/**
 * Columns a frame line takes, as ink lays it out: one per code point. (string-width 7 counts the
 * theme's ✖ ⚠ ☑ as two columns; ink's own string-width 8 and common terminals draw them in one.)
 */
export function columnsOf(line: string): number {
  return Array.from(line).length;
}
