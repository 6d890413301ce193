// The wizard draws on the terminal's alternate screen so the admin's shell history is untouched, and
// it must give the normal screen (and the cursor) back on EVERY way out: a normal exit, q, Ctrl+C,
// SIGTERM, SIGHUP (the SSH session closed), or a crash. Leaving is idempotent, so several exit paths
// racing each other are harmless.

export const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[?25l'; // alternate buffer, hide cursor
export const LEAVE_ALT_SCREEN = '\u001B[?1049l\u001B[?25h'; // main buffer, show cursor

type Listener = (...args: unknown[]) => void;

/** The part of `process` this module uses; tests pass a fake. */
export interface ProcessLike {
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  exit(code?: number): void;
}

export interface Writable {
  write(text: string): unknown;
}

export interface AltScreen {
  /** back to the normal screen; safe to call any number of times */
  leave(): void;
  readonly active: boolean;
}

// exit codes follow the shell convention 128 + signal number
const SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

function safeWrite(stream: Writable, text: string): void {
  try {
    stream.write(text);
  } catch {
    // After SIGHUP the terminal is gone (EIO/EPIPE); there is nobody left to restore the screen for.
  }
}

let current: AltScreen | null = null;

export function enterAltScreen(opts: { out?: Writable; err?: Writable; proc?: ProcessLike } = {}): AltScreen {
  if (current?.active) return current;
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  const proc: ProcessLike = opts.proc ?? (process as unknown as ProcessLike);

  let active = true;
  const listeners: Array<[string, Listener]> = [];
  const handle: AltScreen = {
    leave() {
      if (!active) return;
      active = false;
      for (const [event, listener] of listeners) proc.off(event, listener);
      safeWrite(out, LEAVE_ALT_SCREEN);
      if (current === handle) current = null;
    },
    get active() {
      return active;
    },
  };
  const listen = (event: string, listener: Listener) => {
    listeners.push([event, listener]);
    proc.on(event, listener);
  };

  listen('exit', () => handle.leave());
  for (const [signal, code] of Object.entries(SIGNALS)) {
    // A listener replaces Node's default "die at once", so exit ourselves; process.exit still runs
    // the 'exit' hooks (the state lock is released there).
    listen(signal, () => {
      handle.leave();
      proc.exit(code);
    });
  }
  const crash = (error: unknown) => {
    handle.leave();
    const message = error instanceof Error ? error.message : String(error);
    safeWrite(err, `mfa-migrate stopped unexpectedly: ${message.split('\n')[0]}\n`);
    proc.exit(1);
  };
  listen('uncaughtException', crash);
  listen('unhandledRejection', crash);

  safeWrite(out, ENTER_ALT_SCREEN);
  current = handle;
  return handle;
}
