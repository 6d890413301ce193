// Running one tenant operation from a section: at most one at a time, with progress, Esc to stop
// (an AbortSignal; the engines keep what was done on disk, so running it again resumes), and the
// failure as one line. While it runs the step's own keys and the shell's are quiet.
import { Box, Text } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { failureMessage, OfflineError } from '../src/services/tenant-errors.js';
import type { TenantServices } from '../src/services/tenant-services.js';
import type { Progress } from '../src/waves/progress.js';
import { useKeys } from './key-router.js';
import { ProgressBar } from './progress-bar.js';
import { useUi } from './ui-context.js';
import { useConnection } from './use-connection.js';
import { useTenantServices } from './use-tenant-services.js';
import { wrapText } from './wrap-text.js';

export interface TaskRun {
  signal: AbortSignal;
  onProgress: (p: Progress) => void;
}

export interface TenantTask {
  running: string | null;
  progress: Progress | null;
  /** the last failure, or a note; cleared when the next task starts */
  message: { text: string; kind: 'error' | 'ok' | 'warn' } | null;
  setMessage: (m: TenantTask['message']) => void;
  /** start `fn`; `onDone` gets its result (not called when it failed or was stopped) */
  start: <T>(label: string, fn: (run: TaskRun) => Promise<T>, onDone: (value: T) => void) => void;
}

export function useTenantTask(): TenantTask {
  const { setCapturingInput } = useUi();
  // re-render when the Graph connection changes, so "offline" lines and online() stay current
  useConnection();
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<TenantTask['message']>(null);
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);
  useEffect(() => {
    if (!running) return;
    setCapturingInput(true);
    return () => setCapturingInput(false);
  }, [running, setCapturingInput]);
  useKeys(
    (_input, key) => {
      if (key.escape) controller.current?.abort();
    },
    { isActive: running !== null },
  );

  const start = useCallback(<T,>(label: string, fn: (run: TaskRun) => Promise<T>, onDone: (v: T) => void) => {
    if (controller.current) return;
    const c = new AbortController();
    controller.current = c;
    setRunning(label);
    setProgress(null);
    setMessage(null);
    // a synchronous throw (e.g. offline) fails the task like a rejected promise
    Promise.resolve()
      .then(() => fn({ signal: c.signal, onProgress: (p) => mounted.current && setProgress(p) }))
      .then(
        (v) => {
          // finished first, so onDone may start the next task (resolve the group, then list it)
          finish();
          if (mounted.current) onDone(v);
        },
        (e: unknown) => {
          finish();
          if (!mounted.current) return;
          const stopped = c.signal.aborted;
          setMessage({
            kind: stopped || e instanceof OfflineError ? 'warn' : 'error',
            text: stopped
              ? 'Stopped. What was done so far is kept; run it again to continue.'
              : failureMessage(e),
          });
        },
      );
    function finish(): void {
      controller.current = null;
      if (mounted.current) setRunning(null);
    }
  }, []);

  return { running, progress, message, setMessage, start };
}

/** Rows the task's line takes: a message is read in full (wrapped, at most 4 rows). */
export function taskRows(task: TenantTask, width: number): number {
  if (task.running || !task.message) return 1;
  return Math.min(4, wrapText(`x ${task.message.text}`, Math.max(10, width - 1)).length);
}

/** The task's line: progress while running, else its last message (wrapped), or nothing. */
export function TaskLine(props: { task: TenantTask; width: number }) {
  const { theme } = useUi();
  const { task } = props;
  if (task.running) {
    return <ProgressBar label={`${task.running} (Esc stops)`} progress={task.progress} width={props.width} />;
  }
  if (!task.message) return <Text> </Text>;
  const { kind, text } = task.message;
  const glyph =
    kind === 'error' ? theme.glyph.error : kind === 'warn' ? theme.glyph.warn : theme.glyph.status.done;
  const color = kind === 'error' ? theme.color.error : kind === 'warn' ? theme.color.warn : theme.color.ok;
  const lines = wrapText(`${glyph} ${text}`, Math.max(10, props.width - 1)).slice(0, 4);
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: positional wrapped lines
        <Text key={i} wrap="truncate-end" color={color}>
          {l}
        </Text>
      ))}
    </Box>
  );
}

/** What a section shows when the wizard did not give it its services (e.g. outside the wizard). */
export function NotAvailable(props: { what: string }) {
  const { theme } = useUi();
  return (
    <Text wrap="truncate-end" color={theme.color.muted}>
      Not available here: {props.what} (run from the wizard)
    </Text>
  );
}

export function useServices(): TenantServices | undefined {
  return useTenantServices();
}
