// The wizard in a real terminal (tmux, 80x24, the built JS from `npm test`'s build): the alternate
// screen is left, and the cursor given back, on q, Ctrl+C, SIGTERM and SIGHUP (a closed SSH session).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';

let dir: string;
let tmux: TmuxSession | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-shell-e2e-'));
});
afterEach(() => {
  tmux?.close();
  tmux = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const FRAME = /[╭│╰]/;

async function started(name: string): Promise<TmuxSession> {
  const t = new TmuxSession(name);
  tmux = t;
  t.start(['--state-dir', dir, '--demo']);
  await t.waitFor('DEMO');
  expect(fs.existsSync(path.join(dir, 'wizard.lock'))).toBe(true);
  return t;
}

describe('the wizard in a real terminal', () => {
  it.each([
    ['q', '0', (t: TmuxSession) => t.keys('q')],
    ['Ctrl+C', '0', (t: TmuxSession) => t.keys('C-c')],
    ['SIGTERM', '143', (t: TmuxSession) => process.kill(t.pid(), 'SIGTERM')],
    ['SIGHUP', '129', (t: TmuxSession) => process.kill(t.pid(), 'SIGHUP')],
  ])(
    'on %s leaves the alternate screen, releases the lock and exits %s',
    async (name, status, stop) => {
      const t = await started(`shell-${name.replace(/\W/g, '')}`);
      stop(t);
      await t.waitForExit();
      expect(t.screen()).not.toMatch(FRAME); // back on the normal screen
      // tmux (remain-on-exit) writes the exit status once it has collected it
      await t.waitFor(`Pane is dead (status ${status},`);
      expect(fs.existsSync(path.join(dir, 'wizard.lock'))).toBe(false);
    },
    60_000,
  );
});
