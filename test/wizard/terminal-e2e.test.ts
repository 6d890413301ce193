// The wizard in a real terminal (tmux, 80x24, the built JS from `npm test`'s build): the alternate
// screen is left, and the cursor given back, on q, Ctrl+C, SIGTERM and SIGHUP (a closed SSH session).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/tmux.js';

let dir: string;
let socket: string | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-shell-e2e-'));
});
afterEach(() => {
  if (socket) spawnSync('tmux', ['-L', socket, 'kill-server']);
  socket = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const FRAME = /[╭│╰]/;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket!, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}

async function until<T>(get: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; screen:\n${tmux('capture-pane', '-p')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts the wizard under a shell that records its exit code in a file (tmux's own record of the
 * status is not reliable when the program switches screens as it exits).
 */
async function start(
  name: string,
): Promise<{ pid: number; code: () => string | undefined; exitCode: () => Promise<string> }> {
  socket = `mfa-shell-e2e-${name}-${process.pid}`;
  const codeFile = path.join(dir, 'exit-code');
  const cmd = `env CI=false TERM=xterm-256color '${process.execPath}' '${CLI}' --state-dir '${dir}' --demo; echo $? > '${codeFile}'; sleep 60`;
  tmux('new-session', '-d', '-s', 'main', '-x', '80', '-y', '24', cmd);
  tmux('set-option', '-t', 'main', 'remain-on-exit', 'on'); // keep the screen readable to the end
  // connected: the demo tenant's sign-in is no longer in flight, so quitting is immediate (a quit
  // during it waits for it, and a key resent meanwhile would reach a terminal no longer in raw mode)
  await until(
    () => (/DEMO[\s\S]*connected ·/.test(tmux('capture-pane', '-p')) ? true : undefined),
    'the wizard, connected to the demo tenant',
  );
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'wizard.lock'), 'utf8')) as { pid: number };
  const code = () => {
    const text = fs.existsSync(codeFile) ? fs.readFileSync(codeFile, 'utf8').trim() : '';
    return text === '' ? undefined : text;
  };
  return { pid: lock.pid, code, exitCode: () => until(code, 'the exit code') };
}

describe('the wizard in a real terminal', () => {
  it.each([
    ['q', '0', { key: 'q' }],
    ['Ctrl+C', '0', { key: 'C-c' }],
    ['SIGTERM', '143', { signal: 'SIGTERM' }],
    ['SIGHUP', '129', { signal: 'SIGHUP' }],
  ] as const)(
    'on %s leaves the alternate screen, releases the lock and exits %s',
    async (name, status, stop) => {
      const wizard = await start(name.replace(/\W/g, ''));
      if ('signal' in stop) process.kill(wizard.pid, stop.signal);
      else {
        // The first screen attaches its key handler just after it is drawn, so a key sent at once
        // can miss it: send again until the wizard is gone (a spare key goes to `sleep`, harmlessly).
        // Once the frame is gone the wizard is on its way out (its terminal no longer in raw mode): a
        // Ctrl+C resent then would hit the wrapper shell, so resend only while the frame still shows.
        for (let i = 0; i < 20 && wizard.code() === undefined; i++) {
          if (!FRAME.test(tmux('capture-pane', '-p'))) break;
          tmux('send-keys', '-t', 'main', stop.key);
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      expect(await wizard.exitCode()).toBe(status);
      expect(tmux('capture-pane', '-p')).not.toMatch(FRAME); // back on the normal screen
      expect(fs.existsSync(path.join(dir, 'wizard.lock'))).toBe(false);
    },
    60_000,
  );
});
