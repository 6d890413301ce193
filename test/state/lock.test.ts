import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, type Lock, type LockOwner, releaseOnExit } from '../../state/lock.js';
import { StoreError } from '../../state/store-errors.js';

let dir: string;
let lockFile: string;
const held: Lock[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-lock-'));
  lockFile = path.join(dir, 'wizard.lock');
});

afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  fs.rmSync(dir, { recursive: true, force: true });
});

function acquire(options?: Parameters<typeof acquireLock>[1]): Lock {
  const lock = acquireLock(dir, options);
  held.push(lock);
  return lock;
}

function refusal(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected the lock to be refused');
}

function writeLock(owner: LockOwner): string {
  const text = `${JSON.stringify(owner)}\n`;
  fs.writeFileSync(lockFile, text, { mode: 0o600 });
  return text;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child.pid;
}

describe('acquireLock', () => {
  it('creates wizard.lock 0600 naming pid, host, user and start time; release removes it', () => {
    const lock = acquire({ now: () => new Date('2026-11-25T14:50:00Z') });
    expect(lock.file).toBe(lockFile);
    expect(lock.recoveredFrom).toBeUndefined();
    expect(fs.statSync(lockFile).mode & 0o777).toBe(0o600);
    const onDisk = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockOwner;
    expect(onDisk).toEqual({
      pid: process.pid,
      host: os.hostname(),
      user: os.userInfo().username,
      startedAt: '2026-11-25T14:50:00.000Z',
    });
    lock.release();
    expect(fs.existsSync(lockFile)).toBe(false);
    lock.release(); // twice is fine
  });

  it('refuses a second instance, naming the holder and the file to delete', () => {
    acquire({ now: () => new Date('2026-11-25T14:50:00Z') });
    const error = refusal(() => acquireLock(dir));
    expect(error.code).toBe('locked');
    expect(error.path).toBe(lockFile);
    expect(error.message).toBe(
      `Another mfa-migrate (pid ${process.pid} on host ${os.hostname()}, user ${os.userInfo().username}, ` +
        `since 2026-11-25T14:50:00.000Z) has this state open. Close it first; if that process is gone, delete ${lockFile}.`,
    );
  });

  it('recovers a lock left by a process on this host that no longer runs', () => {
    const pid = deadPid();
    const stale: LockOwner = { pid, host: os.hostname(), user: 'old', startedAt: '2026-11-24T09:00:00.000Z' };
    writeLock(stale);
    const lock = acquire();
    expect(lock.recoveredFrom).toEqual(stale);
    expect((JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockOwner).pid).toBe(process.pid);
    expect(fs.statSync(lockFile).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['wizard.lock']);
  });

  it('refuses a lock held on another host, even if that pid is not running here', () => {
    const text = writeLock({ pid: deadPid(), host: 'jump-host-2', user: 'ann', startedAt: 'T' });
    const error = refusal(() => acquireLock(dir));
    expect(error.code).toBe('locked');
    expect(error.message).toContain('on host jump-host-2, user ann, since T');
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(text);
  });

  it('refuses a lock whose process still runs here (pid 1)', () => {
    writeLock({ pid: 1, host: os.hostname(), user: 'root', startedAt: 'T' });
    expect(refusal(() => acquireLock(dir)).message).toContain('pid 1 on host');
  });

  it('refuses an empty or damaged lock file rather than guessing', () => {
    fs.writeFileSync(lockFile, '');
    const error = refusal(() => acquireLock(dir));
    expect(error.message).toContain('owner unknown');
    expect(error.message).toContain(`delete ${lockFile}`);
  });

  it('release leaves a lock that is no longer ours', () => {
    const lock = acquire();
    writeLock({ pid: 42, host: 'other', user: 'x', startedAt: 'T' });
    lock.release();
    expect(fs.existsSync(lockFile)).toBe(true);
  });

  it('reports a folder it cannot create the lock in', () => {
    const error = refusal(() => acquireLock(path.join(dir, 'missing')));
    expect(error.code).toBe('read-only');
    expect(error.message).toContain('Could not create the lock file');
  });
});

describe('releaseOnExit', () => {
  it('hooks a synchronous release on process exit and can be unhooked', () => {
    const lock = acquire();
    const before = process.listeners('exit');
    const unhook = releaseOnExit(lock);
    const added = process.listeners('exit').filter((listener) => !before.includes(listener));
    expect(added).toHaveLength(1);
    added[0]?.call(process, 0);
    expect(fs.existsSync(lockFile)).toBe(false);
    unhook();
    expect(process.listeners('exit')).toEqual(before);
  });
});
