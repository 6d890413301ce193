// State whose latest value key handlers can read at once. Keys can arrive in a burst (a paste, type-
// ahead over a slow SSH link) before React renders again; a handler that closed over the rendered
// value would then apply every key to the same old value ("down, down" moving one row).
import { useCallback, useRef, useState } from 'react';

export function useLiveState<T>(
  initial: T,
): [value: T, set: (next: T | ((old: T) => T)) => void, live: { current: T }] {
  const [value, setValue] = useState(initial);
  const live = useRef(initial);
  const set = useCallback((next: T | ((old: T) => T)) => {
    live.current = typeof next === 'function' ? (next as (old: T) => T)(live.current) : next;
    setValue(live.current);
  }, []);
  return [value, set, live];
}
