// While the full-screen frame is up, anything printed with console.* would land in the middle of it
// (ink's console patching is off: it prints above the frame, which a fixed-height frame cannot
// have). React, for one, reports errors that a screen boundary caught. So the console is held quiet
// for the session and the first error is summarised in one line afterwards.

type Method = 'log' | 'info' | 'warn' | 'error' | 'debug';
const METHODS: Method[] = ['log', 'info', 'warn', 'error', 'debug'];

export interface QuietConsole {
  /** puts the console back; returns a one-line summary of what was held back, or null */
  restore(): string | null;
}

function firstLine(args: unknown[]): string {
  const first = args[0];
  const text = first instanceof Error ? first.message : String(first ?? '');
  return (text.split('\n')[0] ?? '').slice(0, 200);
}

export function quietConsole(target: Pick<Console, Method> = console): QuietConsole {
  const saved = new Map<Method, Console[Method]>();
  let errors = 0;
  let firstError: string | null = null;
  for (const m of METHODS) {
    saved.set(m, target[m]);
    target[m] = (...args: unknown[]) => {
      if (m !== 'error') return;
      errors += 1;
      firstError ??= firstLine(args);
    };
  }
  let restored = false;
  return {
    restore() {
      if (!restored) {
        restored = true;
        for (const [m, fn] of saved) target[m] = fn;
      }
      if (errors === 0) return null;
      const more = errors > 1 ? ` (and ${errors - 1} more)` : '';
      return `mfa-migrate: a screen reported an internal error${more}: ${firstError}`;
    },
  };
}
