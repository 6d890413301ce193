// The built wizard under a pseudo-terminal (util-linux `script`), 80x24, in a clean environment like a
// user's terminal. Output bytes are timed as they arrive, so "first frame" and "key to frame" are
// measured where a user would see them, without a terminal emulator's polling in between.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class PtyWizard {
  readonly startedAt = performance.now();
  private readonly child: ChildProcess;
  private output = '';
  private lastDataAt = performance.now();
  private waiters: (() => void)[] = [];
  /** when set, the arrival time of the first bytes after it */
  private armed = false;
  private firstAfterArm: number | undefined;

  /** `command` runs in the pty; default the wizard with `args` */
  constructor(args: string[], command?: string) {
    const line = command ?? [process.execPath, CLI, ...args].map(sh).join(' ');
    this.child = spawn('script', ['-qfec', `stty cols 80 rows 24; exec ${line}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'ignore'],
      detached: true, // own process group, so the whole pty session can be ended together
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        LANG: 'C.UTF-8',
        TERM: 'xterm-256color',
      },
    });
    this.child.stdout?.on('data', (d: Buffer) => {
      this.output += d.toString('utf8');
      this.lastDataAt = performance.now();
      if (this.armed && this.firstAfterArm === undefined) this.firstAfterArm = this.lastDataAt;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  get text(): string {
    return this.output;
  }

  /** ms from spawn until the output contains `marker` (then the output seen so far is kept) */
  async waitFor(marker: string, timeoutMs = 30_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (!this.output.includes(marker)) {
      if (performance.now() > deadline) throw new Error(`no "${marker}" from the wizard in ${timeoutMs} ms`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
    return performance.now() - this.startedAt;
  }

  /** wait until the terminal has been quiet for `quietMs` */
  async settle(quietMs = 150): Promise<void> {
    while (performance.now() - this.lastDataAt < quietMs) await sleep(quietMs / 3);
  }

  /** Send `key` and return ms until the first bytes of the answering frame, or undefined if none came. */
  async press(key: string, timeoutMs = 2_000): Promise<number | undefined> {
    await this.settle();
    this.firstAfterArm = undefined;
    this.armed = true;
    const t0 = performance.now();
    this.child.stdin?.write(key);
    while (this.firstAfterArm === undefined) {
      if (performance.now() - t0 > timeoutMs) break;
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
    this.armed = false;
    return this.firstAfterArm === undefined ? undefined : this.firstAfterArm - t0;
  }

  /** SIGTERM the pty's process group (the wizard saves nothing on the way out: it never needs to) */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.pid === undefined) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    try {
      process.kill(-this.child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
