import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN } from '../../src/terminal/alt-screen.js';
import { runWizard, type WizardIo } from '../../src/wizard/run-wizard.js';
import { acquireLock, LOCK_FILE_NAME } from '../../state/lock.js';
import { openStore } from '../../state/store.js';

class FakeOut extends EventEmitter {
  isTTY: boolean;
  columns = 80;
  rows = 24;
  text = '';
  constructor(tty: boolean) {
    super();
    this.isTTY = tty;
  }
  write = (chunk: string): boolean => {
    this.text += chunk;
    return true;
  };
}

class FakeIn extends EventEmitter {
  isTTY: boolean;
  private data: string | null = null;
  constructor(tty: boolean) {
    super();
    this.isTTY = tty;
  }
  send(data: string): void {
    this.data = data;
    this.emit('readable');
  }
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

class FakeProcess extends EventEmitter {
  exits: number[] = [];
  exit(code?: number): void {
    this.exits.push(code ?? 0);
  }
}

function fakeIo(tty: boolean) {
  const stdin = new FakeIn(tty);
  const stdout = new FakeOut(tty);
  const stderr = new FakeOut(false);
  const proc = new FakeProcess();
  const io = {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    proc,
  } satisfies WizardIo;
  return { io, stdin, stdout, stderr, proc };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-wizard-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const opts = (stateDir: string, demo = false) => ({
  stateDir,
  programVersion: '0.1.0-test',
  color: false,
  ascii: false,
  demo,
});

describe('runWizard', () => {
  it('refuses without a terminal, exit 2, pointing to status and report, touching nothing', async () => {
    const { io, stderr, stdout } = fakeIo(false);
    const stateDir = path.join(dir, 'state');
    expect(await runWizard(opts(stateDir), io)).toBe(2);
    expect(stderr.text).toContain('mfa-migrate status');
    expect(stderr.text).toContain('mfa-migrate report');
    expect(stderr.text.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(stdout.text).toBe('');
    expect(fs.existsSync(stateDir)).toBe(false);
  });

  it('prints the store error and exits 1 (no stack trace, screen untouched)', async () => {
    const { io, stderr, stdout } = fakeIo(true);
    expect(await runWizard(opts(path.join(dir, 'no', 'such', 'parent')), io)).toBe(1);
    expect(stderr.text).toMatch(/^mfa-migrate: /);
    expect(stderr.text).not.toMatch(/\n\s+at /);
    expect(stdout.text).toBe('');
  });

  it('refuses a second instance on the same state, exit 1, naming who holds it', async () => {
    const lock = acquireLock(dir);
    try {
      const { io, stderr } = fakeIo(true);
      expect(await runWizard(opts(dir), io)).toBe(1);
      expect(stderr.text).toContain(String(process.pid));
    } finally {
      lock.release();
    }
  });

  it('runs in the alternate screen, opens the demo migration, quits on q and gives everything back', async () => {
    const { io, stdin, stdout, proc } = fakeIo(true);
    const done = runWizard(opts(dir, true), io);
    await until(() => stdout.text.includes('DEMO'), 'the demo migration on screen');
    expect(stdout.text.startsWith(ENTER_ALT_SCREEN)).toBe(true);
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(true);
    // the alternate screen's handler, and the one that lets ink draw its last frame first
    expect(proc.listenerCount('SIGHUP')).toBe(2);
    // let the first screen attach its key handlers
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    stdin.send('q');
    expect(await done).toBe(0);
    expect(stdout.text.endsWith(LEAVE_ALT_SCREEN)).toBe(true);
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    expect(proc.listenerCount('SIGHUP')).toBe(0);
    const saved = openStore({ dir, programVersion: 'test' }).get();
    const demo = Object.values(saved.migrations);
    expect(demo).toHaveLength(1);
    expect(demo[0]?.demo).toBe(true);
    expect(saved.lastMigrationId).toBe(demo[0]?.id);
  });

  it('leaves the alternate screen when the SSH session closes (SIGHUP)', async () => {
    const { io, stdout, proc } = fakeIo(true);
    const done = runWizard(opts(dir), io);
    await until(
      () => stdout.text.includes('demo tenant'),
      'the first screen (welcome: new migration or demo)',
    );
    proc.emit('SIGHUP');
    expect(proc.exits).toEqual([129]);
    expect(stdout.text.endsWith(LEAVE_ALT_SCREEN)).toBe(true);
    // the fake process does not really exit: close the app with Ctrl+C to finish the test
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    (io.stdin as unknown as FakeIn).send('\u0003');
    expect(await done).toBe(0);
  });
});
