// One wizard per state folder: a second instance would overwrite the first one's confirmed changes.
// The lock is a file created exclusively (O_EXCL) that names its owner, so a refusal can say who
// holds it, and a lock left by a crashed process on this host can be recovered safely.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errnoCode, StoreError } from './store-errors.js';

export const LOCK_FILE_NAME = 'wizard.lock';

export interface LockOwner {
  pid: number;
  host: string;
  user: string;
  /** ISO-8601 */
  startedAt: string;
}

export interface Lock {
  readonly file: string;
  readonly owner: LockOwner;
  /** set when a lock left by a process that no longer runs (same host) was replaced */
  readonly recoveredFrom?: LockOwner;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

export interface AcquireLockOptions {
  now?: () => Date;
  /** for tests: the host name this process claims */
  host?: string;
}

export function acquireLock(dir: string, options: AcquireLockOptions = {}): Lock {
  const file = path.join(path.resolve(dir), LOCK_FILE_NAME);
  const owner: LockOwner = {
    pid: process.pid,
    host: options.host ?? os.hostname(),
    user: currentUser(),
    startedAt: (options.now ?? (() => new Date()))().toISOString(),
  };
  const content = `${JSON.stringify(owner)}\n`;

  if (tryCreate(file, content)) return makeLock(file, owner, content);

  const existing = readLock(file);
  if (existing === 'gone') {
    // Released between our attempt and our read: one more try, then report whoever won.
    if (tryCreate(file, content)) return makeLock(file, owner, content);
    throw lockedError(file, readLock(file));
  }
  if (existing.owner === undefined || !isStale(existing.owner, owner.host)) {
    throw lockedError(file, existing);
  }

  // Recover: move the stale file to a name only we use (rename is atomic, so at most one process
  // gets the stale file), check it really was the stale one, then create ours exclusively.
  const aside = `${file}.stale-${process.pid}`;
  let movedAside = false;
  try {
    fs.renameSync(file, aside);
    movedAside = true;
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw lockWriteError(file, error);
    // another process recovered it first
  }
  if (movedAside) {
    const moved = fs.readFileSync(aside, 'utf8');
    if (moved !== existing.text) {
      // Someone replaced the stale lock just before our rename: put theirs back, never ours.
      try {
        fs.linkSync(aside, file);
      } catch {
        // the slot is taken again; theirs stays aside for the admin to see
      }
      fs.rmSync(aside, { force: true });
      throw lockedError(file, parseLock(moved));
    }
    fs.rmSync(aside, { force: true });
  }
  if (tryCreate(file, content)) return makeLock(file, owner, content, existing.owner);
  throw lockedError(file, readLock(file));
}

/** Removes the lock when the process exits, even through process.exit(). Returns an unhook. */
export function releaseOnExit(lock: Lock): () => void {
  const onExit = (): void => lock.release();
  process.on('exit', onExit);
  return () => {
    process.off('exit', onExit);
  };
}

function makeLock(file: string, owner: LockOwner, content: string, recoveredFrom?: LockOwner): Lock {
  let released = false;
  return {
    file,
    owner,
    ...(recoveredFrom === undefined ? {} : { recoveredFrom }),
    release() {
      if (released) return;
      released = true;
      // Only remove it while it is still ours: an admin may have deleted it and another instance
      // taken its place.
      try {
        if (fs.readFileSync(file, 'utf8') === content) fs.unlinkSync(file);
      } catch {
        // already gone, or the folder went away: nothing to release
      }
    },
  };
}

/** O_EXCL create with the owner inside; false when the file already exists. */
function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw lockWriteError(file, error);
  }
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw lockWriteError(file, error);
  }
  fs.closeSync(fd);
  return true;
}

interface ExistingLock {
  text: string;
  /** undefined when the file is empty or not ours (e.g. a crash between create and write) */
  owner?: LockOwner;
}

function readLock(file: string): ExistingLock | 'gone' {
  try {
    return parseLock(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'gone';
    return { text: '' };
  }
}

function parseLock(text: string): ExistingLock {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const { pid, host, user, startedAt } = value as Record<string, unknown>;
      if (
        typeof pid === 'number' &&
        Number.isInteger(pid) &&
        pid > 0 &&
        typeof host === 'string' &&
        typeof user === 'string' &&
        typeof startedAt === 'string'
      ) {
        return { text, owner: { pid, host, user, startedAt } };
      }
    }
  } catch {
    // fall through: unreadable owner
  }
  return { text };
}

/** Stale only when we can prove it: same host and the pid no longer exists. */
function isStale(owner: LockOwner, ourHost: string): boolean {
  if (owner.host !== ourHost) return false;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists but belongs to someone else
    return errnoCode(error) === 'ESRCH';
  }
}

function lockedError(file: string, existing: ExistingLock | 'gone'): StoreError {
  const owner = existing === 'gone' ? undefined : existing.owner;
  const who =
    owner === undefined
      ? 'Another mfa-migrate (owner unknown: the lock file is empty or damaged)'
      : `Another mfa-migrate (pid ${owner.pid} on host ${owner.host}, user ${owner.user}, since ${owner.startedAt})`;
  return new StoreError(
    'locked',
    file,
    `${who} has this state open. Close it first; if that process is gone, delete ${file}.`,
  );
}

function lockWriteError(file: string, error: unknown): StoreError {
  const code = errnoCode(error);
  return new StoreError(
    'read-only',
    file,
    `Could not create the lock file ${file}${code === undefined ? '' : ` (${code})`}. ` +
      'Check that the state folder exists and is writable.',
    { cause: error },
  );
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
