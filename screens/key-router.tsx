// One ink input subscription for a whole step screen, fanning keys out to the widgets inside it.
// ink's useInput subscribes in a passive effect, so a widget that has just mounted (or just became
// active) misses keys that arrive before that effect runs, and a handler can run with a stale
// closure. Here widgets register in a layout effect, which runs in the same commit as the render,
// and the router always calls each widget's latest handler with its latest `isActive`.
import { type Key, useInput } from 'ink';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';

type Handler = (input: string, key: Key) => void;
interface Entry {
  fn: Handler;
  active: boolean;
}
type EntryRef = { current: Entry };

interface Router {
  add: (entry: EntryRef) => void;
  remove: (entry: EntryRef) => void;
}

const RouterContext = createContext<Router | null>(null);

export function KeyRouter(props: { children: ReactNode }) {
  const entries = useRef<EntryRef[]>([]);
  const router = useMemo<Router>(
    () => ({
      add: (e) => {
        entries.current = [...entries.current, e];
      },
      remove: (e) => {
        entries.current = entries.current.filter((x) => x !== e);
      },
    }),
    [],
  );
  // Every handler sees the state of the last render; updates they make are batched by ink.
  const onKey = useCallback<Handler>((input, key) => {
    for (const [i, k] of splitRepeats(input, key)) {
      for (const e of entries.current) if (e.current.active) e.current.fn(i, k);
    }
  }, []);
  useInput(onKey);
  return <RouterContext.Provider value={router}>{props.children}</RouterContext.Provider>;
}

/**
 * ink hands a chunk of several characters over as one input (it cannot tell a paste from keys that
 * arrived together). A held key over a slow link arrives like that ("\t\t", "jjj"): split a run of
 * one repeated character into single keys. Mixed chunks stay whole: their first key may open a
 * prompt, and the rest must not act on the screen underneath.
 */
export function splitRepeats(input: string, key: Key): [string, Key][] {
  const chars = [...input];
  const first = chars[0];
  if (chars.length < 2 || key.ctrl || key.meta || first === undefined || chars.some((c) => c !== first)) {
    return [[input, key]];
  }
  if (first === '\u001b') return [[input, key]];
  const single: Key = {
    ...key,
    tab: first === '\t',
    return: first === '\r',
    shift: /[A-Z]/.test(first),
  };
  const text = first === '\t' || first === '\r' ? '' : first;
  return chars.map(() => [text, single]);
}

/** Like ink's useInput, through the nearest KeyRouter (or ink's own when there is none). */
export function useKeys(fn: Handler, options: { isActive?: boolean } = {}): void {
  const router = useContext(RouterContext);
  const active = options.isActive ?? true;
  const entry = useRef<Entry>({ fn, active });
  useLayoutEffect(() => {
    entry.current = { fn, active };
  });
  useLayoutEffect(() => {
    if (!router) return;
    router.add(entry);
    return () => router.remove(entry);
  }, [router]);
  useInput(fn, { isActive: router === null && active });
}
