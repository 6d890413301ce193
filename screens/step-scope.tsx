// A step screen's view of the UI context. It wraps `dispatch` so that any refusal from the reducer,
// whichever widget sent the event, is shown by one GuardRefusal; and it counts nested
// `setCapturingInput` calls (a prompt inside a refusal inside a step) so the step's own keys and the
// shell's global keys stay quiet until the last editor closes.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { MigrationEvent, Refusal } from '../state/events.js';
import { type UiContextValue, useUi } from './ui-context.js';

export interface PendingRefusal {
  refusal: Refusal;
  /** the event that was refused, re-sent with an override when the admin writes a reason */
  event: MigrationEvent;
  /** changes on every refusal so the widget restarts */
  serial: number;
}

export interface StepScope {
  /** the context value to provide to everything inside the step */
  ui: UiContextValue;
  refusal: PendingRefusal | null;
  clearRefusal: () => void;
  /** some editor inside the step is open */
  capturing: boolean;
  /** a short confirmation shown on the message line ("Override recorded.") */
  notice: string | null;
  setNotice: (text: string | null) => void;
}

export function useStepScope(): StepScope {
  const parent = useUi();
  const [refusal, setRefusal] = useState<PendingRefusal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [capturing, setCapturing] = useState(false);
  const depth = useRef(0);
  const serial = useRef(0);
  const parentDispatch = parent.dispatch;
  const parentCapture = parent.setCapturingInput;

  const setCapturingInput = useCallback(
    (on: boolean) => {
      const before = depth.current;
      depth.current = Math.max(0, before + (on ? 1 : -1));
      if (before > 0 !== depth.current > 0) {
        setCapturing(depth.current > 0);
        parentCapture(depth.current > 0);
      }
    },
    [parentCapture],
  );

  const dispatch = useCallback(
    (event: MigrationEvent): Refusal | null => {
      const refused = parentDispatch(event);
      if (refused) {
        serial.current += 1;
        setRefusal({ refusal: refused, event, serial: serial.current });
        setNotice(null);
      }
      return refused;
    },
    [parentDispatch],
  );

  const ui = useMemo(
    () => ({ ...parent, dispatch, setCapturingInput }),
    [parent, dispatch, setCapturingInput],
  );
  const clearRefusal = useCallback(() => setRefusal(null), []);
  return { ui, refusal, clearRefusal, capturing, notice, setNotice };
}
