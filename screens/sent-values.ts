// Values sent since the last render, by key. Two presses before React renders again (a held key
// over SSH) must build on the first press's value, not on the one still on screen. Every render
// brings the props up to date, so the memory is cleared then.
import { useRef } from 'react';

export interface SentValues<V> {
  get: (key: string) => V | undefined;
  set: (key: string, value: V) => void;
}

export function useSentValues<V>(): SentValues<V> {
  const map = useRef(new Map<string, V>());
  map.current.clear();
  return {
    get: (key) => map.current.get(key),
    set: (key, value) => {
      map.current.set(key, value);
    },
  };
}
