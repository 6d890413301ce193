// A render helper with settable terminal size (ink-testing-library fixes 100 columns and has no rows),
// resize, named keys, and waits that poll for a frame instead of sleeping a fixed time.
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';

class FakeStdout extends EventEmitter {
  columns: number;
  rows: number;
  isTTY = true;
  frames: string[] = [];
  private last = '';
  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    this.last = frame;
    return true;
  };
  lastFrame = (): string => this.last;
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  space: ' ',
  ctrlC: '\u0003',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
} as const;

export interface RenderedUi {
  lastFrame: () => string;
  frames: string[];
  /** type text or a KEYS value */
  press: (input: string) => void;
  /** type a string one character at a time (like a person) */
  type: (text: string) => Promise<void>;
  resize: (columns: number, rows: number) => void;
  /** poll until the last frame satisfies the predicate (or contains the text); throws with the frame */
  waitFor: (expect: string | RegExp | ((frame: string) => boolean), timeoutMs?: number) => Promise<string>;
  /** wait until the frame changes after an action, then return it */
  unmount: () => void;
}

export function renderUi(tree: ReactElement, size: { columns?: number; rows?: number } = {}): RenderedUi {
  const stdout = new FakeStdout(size.columns ?? 80, size.rows ?? 24);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const matches = (frame: string, expect: string | RegExp | ((f: string) => boolean)) =>
    typeof expect === 'string'
      ? frame.includes(expect)
      : expect instanceof RegExp
        ? expect.test(frame)
        : expect(frame);
  const waitFor: RenderedUi['waitFor'] = async (expect, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = stdout.lastFrame();
      if (matches(frame, expect)) return frame;
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for ${String(expect)}; last frame:\n${frame}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    lastFrame: stdout.lastFrame,
    frames: stdout.frames,
    press: (input) => stdin.write(input),
    type: async (text) => {
      for (const ch of text) {
        stdin.write(ch);
        // let ink process each key: it reads one chunk per 'readable'
        await new Promise((r) => setImmediate(r));
      }
    },
    resize: (columns, rows) => {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
    },
    waitFor,
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
  };
}
