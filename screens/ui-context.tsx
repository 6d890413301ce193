// What every screen receives from the app shell. Screens render state and send events; they never
// touch process.*, the disk or the network themselves.
import { createContext, useContext } from 'react';
import type { MigrationEvent, Refusal } from '../state/events.js';
import type { RootState } from '../state/model.js';
import { makeTheme, type Theme } from './theme.js';

export interface UiContextValue {
  theme: Theme;
  /** current root state (from the store) */
  state: RootState;
  /**
   * Send an event; the shell stamps at/by, runs the reducer, saves on success.
   * Returns the refusal, or null when applied (and already saved).
   */
  dispatch: (event: MigrationEvent) => Refusal | null;
  /**
   * A screen that is editing text sets this so the shell's global keys (q, ?, Esc, tab) stay quiet.
   */
  setCapturingInput: (capturing: boolean) => void;
  /** inner size available to the screen body (inside frame, header and key hints) */
  width: number;
  height: number;
}

export const UiContext = createContext<UiContextValue>({
  theme: makeTheme({ color: false, ascii: true }),
  state: { schemaVersion: 1, writtenBy: 'none', migrations: {} },
  dispatch: () => ({ code: 'invalid', message: 'no store', overridable: false }),
  setCapturingInput: () => {},
  width: 78,
  height: 18,
});

export function useUi(): UiContextValue {
  return useContext(UiContext);
}
