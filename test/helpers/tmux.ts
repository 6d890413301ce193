// Drives the built wizard in a real terminal: a private tmux server per test (-L), 80x24, keys sent
// with send-keys, the screen read with capture-pane, polled until the expected text shows.
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI = resolve(import.meta.dirname, '../../dist/src/cli/main.js');

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

/** text on the screen, a pattern, or a test of the whole screen */
export type ScreenMatch = string | RegExp | ((screen: string) => boolean);

function matches(screen: string, expect: ScreenMatch): boolean {
  if (typeof expect === 'string') return screen.includes(expect);
  if (expect instanceof RegExp) return expect.test(screen);
  return expect(screen);
}

export class TmuxSession {
  readonly socket: string;
  constructor(name: string) {
    this.socket = `mfa-e2e-${name}-${process.pid}`;
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** Start the wizard (or any command line) in a detached 80x24 session. */
  start(args: string[], env: Record<string, string> = {}, size = { columns: 80, rows: 24 }): void {
    const cmd = commandLine(args, env);
    // keep the pane after the program exits so its last words can be read
    this.tmux('new-session', '-d', '-s', 'main', '-x', String(size.columns), '-y', String(size.rows), cmd);
    this.tmux('set-option', '-t', 'main', 'remain-on-exit', 'on');
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'main');
  }

  /** the screen with its colour and attribute escapes (capture-pane -e) */
  screenWithEscapes(): string {
    return this.tmux('capture-pane', '-p', '-e', '-t', 'main');
  }

  /**
   * Send keys (or literal text) and wait until `expect` shows. ink attaches a new screen's key
   * handler a moment after drawing it, so wait a short settle first; and if the screen has not changed
   * at all after `resendMs`, the keys were lost: send them again. A screen that changed but does not
   * show `expect` yet is only waited for, so a slow key is never sent twice.
   */
  async press(
    keys: string | string[] | { text: string },
    expect: ScreenMatch,
    { timeoutMs = 15_000, resendMs = 2_000, settleMs = 200 } = {},
  ): Promise<string> {
    await sleep(settleMs);
    const before = this.screen();
    const send = () => {
      if (typeof keys === 'object' && !Array.isArray(keys)) this.text(keys.text);
      else this.keys(...(Array.isArray(keys) ? keys : [keys]));
    };
    send();
    const deadline = Date.now() + timeoutMs;
    let resendAt = Date.now() + resendMs;
    for (;;) {
      const s = this.screen();
      if (matches(s, expect)) return s;
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for ${String(expect)} after ${JSON.stringify(keys)}; screen:\n${s}`,
        );
      }
      if (Date.now() > resendAt && s === before) {
        send();
        resendAt = Date.now() + resendMs;
      }
      await sleep(50);
    }
  }

  async waitFor(expect: ScreenMatch, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (matches(s, expect)) return s;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(expect)}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** send-keys: literal text with -l, or key names like Enter, Escape, Down, C-c */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  text(s: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', s);
  }

  /** pid of the program running in the pane */
  pid(): number {
    return Number(this.tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').trim());
  }

  paneDead(): boolean {
    return this.tmux('display-message', '-p', '-t', 'main', '#{pane_dead}').trim() === '1';
  }

  /** kill -9 the wizard, as a crash or a lost machine would */
  killHard(): void {
    const pid = this.pid();
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  async waitForExit(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.paneDead()) {
      if (Date.now() > deadline) throw new Error(`The program did not exit; screen:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** start again in the same session window after the program died */
  respawn(args: string[], env: Record<string, string> = {}): void {
    const cmd = commandLine(args, env);
    this.tmux('respawn-pane', '-k', '-t', 'main', cmd);
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows));
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * The wizard's command line, in a clean environment like a user's terminal: nothing inherited from
 * the test runner. Its CI=false and FORCE_COLOR=0 would otherwise decide colour (chalk turns colour off
 * whenever a CI variable exists, whatever its value), and CI_* variables would put ink in CI mode.
 */
function commandLine(args: string[], env: Record<string, string>): string {
  const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
  const envArgs = Object.entries({ ...base, LANG: 'C.UTF-8', TERM: 'xterm-256color', ...env }).map(
    ([k, v]) => `${k}=${v}`,
  );
  return ['env', '-i', ...envArgs, process.execPath, CLI, ...args].map(shellQuote).join(' ');
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./=:@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

// ---- Wave end-to-end helpers: a standalone emulator process and the wizard's common moves ----

export interface EmulatorLogEntry {
  method: string;
  path: string;
  status: number;
  time: string;
  inner: boolean;
}

export interface WellKnownIds {
  migrationGroupId: string;
  rolloutGroupId: string;
  pilotGroupId: string;
}

/**
 * `mfa-migrate emulator` in its own process (like an admin would run it), so its request log can be
 * read over HTTP while the wizard runs in tmux. Only this child is ever killed.
 */
export class EmulatorProcess {
  private constructor(
    private readonly child: import('node:child_process').ChildProcess,
    readonly url: string,
    readonly token: string,
  ) {}

  static async start(users: number, faults?: string): Promise<EmulatorProcess> {
    const { spawn } = await import('node:child_process');
    const args = [CLI, 'emulator', '--port', '0', '--users', String(users)];
    if (faults) args.push('--faults', faults);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const token = /^\s*(eyJ[\w.-]+)\s*$/m.exec(out)?.[1];
      if (url && token && out.includes('Press Ctrl+C')) return new EmulatorProcess(child, url, token);
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`The emulator did not start:\n${out}`);
      }
      await sleep(50);
    }
  }

  /** environment for the wizard: the emulator's URL and its demo token */
  wizardEnv(): Record<string, string> {
    return { MFA_MIGRATE_ACCESS_TOKEN: this.token, MFA_MIGRATE_GRAPH_URL: this.url };
  }

  async control<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/_emulator${route}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!res.ok) throw new Error(`${method} /_emulator${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async requests(): Promise<EmulatorLogEntry[]> {
    return (await this.control<{ value: EmulatorLogEntry[] }>('GET', '/requests')).value;
  }

  async wellKnown(): Promise<WellKnownIds> {
    return (await this.control<{ wellKnown: WellKnownIds }>('GET', '/tenant')).wellKnown;
  }

  /** "the admin ran the Migration Utility" on a group */
  async migrateGroup(groupId: string): Promise<number> {
    return (await this.control<{ migrated: number }>('POST', '/migrate', { groupId })).migrated;
  }

  async setFaults(faults: Record<string, number | boolean>): Promise<void> {
    await this.control('POST', '/faults', faults);
  }

  close(): void {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}

/** the line of the screen that carries the selection marker */
export function selectedLine(screen: string): string {
  return screen.split('\n').find((l) => /^│?\s*›/.test(l)) ?? '';
}

/** Move the selection one arrow at a time until the selected line matches `target`. */
export async function selectLine(
  tmux: TmuxSession,
  target: RegExp,
  { key = 'Down', max = 30 } = {},
): Promise<string> {
  for (let i = 0; i < max; i++) {
    const screen = tmux.screen();
    if (target.test(selectedLine(screen))) return screen;
    const before = selectedLine(screen);
    await tmux.press(key, (s) => selectedLine(s) !== before);
  }
  throw new Error(`no line ${String(target)} to select; screen:\n${tmux.screen()}`);
}

/** the open section of a step: the bracketed name on the line under "Step N · title" */
export function sectionOf(screen: string): string | undefined {
  const lines = screen.split('\n');
  const title = lines.findIndex((l) => /Step \w+ · /.test(l));
  return title < 0 ? undefined : lines[title + 1]?.match(/\[([^\]]+)\]/)?.[1];
}

/** Tab through the step's sections until `name` is the open one. */
export async function openSection(tmux: TmuxSession, name: string): Promise<string> {
  for (let i = 0; i < 12; i++) {
    const screen = tmux.screen();
    const now = sectionOf(screen);
    if (now === name) return screen;
    await tmux.press('Tab', (s) => sectionOf(s) !== now);
  }
  throw new Error(`no section ${name}; screen:\n${tmux.screen()}`);
}

/** From a fresh state dir: create a migration named `name` (no tenant, Global) and land on the step list. */
export async function createMigration(tmux: TmuxSession, name: string): Promise<void> {
  const screen = await tmux.waitFor(/New migration|There is no migration yet/);
  if (!screen.includes('Name:')) await tmux.press('n', 'Name:');
  await tmux.press({ text: name }, `Name: ${name}`);
  await tmux.press('Enter', 'Tenant (optional)');
  await tmux.press('Enter', 'Cloud:');
  await tmux.press('Enter', /›\s+1 Identify/);
}

/**
 * Connect the open migration with the token from MFA_MIGRATE_ACCESS_TOKEN: `e` (step list or step),
 * the permissions screen, the sign-in choices, then back to where the admin was.
 */
export async function connectWithEnvToken(tmux: TmuxSession): Promise<void> {
  await tmux.press('e', /Graph permissions for|How do you want to sign in/);
  if (!tmux.screen().includes('How do you want to sign in')) {
    await tmux.press('Enter', 'How do you want to sign in');
  }
  await selectLine(tmux, /Access token from MFA_MIGRATE_ACCESS_TOKEN/);
  await tmux.press('Enter', /Connected to .*\(/);
  await tmux.press('Enter', (s) => !s.includes('Connected to') && s.includes('● connected'));
}
