// The only code that writes the wizard state to disk. The state lives in memory; every successful
// dispatch is validated and written at once through conf (atomic rename, mode 0600), and only then
// confirmed to the caller. A bad file is never replaced silently: it is moved aside and reported.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import type { MigrationEvent, MigrationEventWithMeta, ReduceResult } from './events.js';
import { acquireLock, type Lock } from './lock.js';
import { emptyRootState, type RootState, rootStateSchema, SCHEMA_VERSION } from './model.js';
import { reduce as defaultReduce } from './reducer.js';
import { migrate, schemaVersionOf } from './schema-migrations.js';
import { describeWriteFailure, errnoCode, fileStamp, StoreError } from './store-errors.js';

export const STATE_FILE_NAME = 'state.json';

/** The shape of state/reducer.ts's `reduce`. */
export type Reducer = (state: RootState, event: MigrationEventWithMeta) => ReduceResult<RootState>;

export interface StoreOptions {
  /** folder that holds state.json, the lock and the per-migration data folders */
  dir: string;
  /** this program's version, recorded in the file as `writtenBy` */
  programVersion: string;
  /** the pure state machine (defaults to state/reducer.ts); injectable for tests */
  reduce?: Reducer;
  now?: () => Date;
  /** "osuser@host" stamped on events; defaults to the OS user and host name */
  actor?: string;
  /**
   * For readers (status, report) that may run beside an open wizard or on a read-only copy: creates
   * and moves nothing, upgrades an older file in memory only, and refuses dispatch. A missing folder
   * or file reads as the empty state.
   */
  readOnly?: boolean;
}

export interface Store {
  /** the state folder (absolute) */
  readonly dir: string;
  /** the state file (absolute) */
  readonly file: string;
  /**
   * set when the file was upgraded from an older schema on open; `backup` holds the old file
   * (undefined when opened read-only: nothing was written)
   */
  readonly upgradedFrom?: { schemaVersion: number; backup?: string };
  readonly readOnly: boolean;
  /** The current state. Treat it as read-only: change it only through dispatch. */
  get(): RootState;
  /**
   * Runs the reducer. On ok the new state is on disk before this returns. A refusal changes nothing.
   * Throws StoreError `read-only` when the write fails; the in-memory state then stays as it was.
   */
  dispatch(event: MigrationEventWithMeta): ReduceResult<RootState>;
  /** Adds the time and the actor to an event. */
  stamp(event: MigrationEvent): MigrationEventWithMeta;
  /** `<dir>/migrations/<id>`, created (0700) on demand (not when read-only), for large per-user files. */
  migrationDir(id: string): string;
}

/** Where a migration's large files (members, verification, audit log) live beside the state file. */
export function migrationDirPath(stateDir: string, id: string): string {
  return path.join(path.resolve(stateDir), 'migrations', id);
}

export function openStore(options: StoreOptions): Store {
  const dir = path.resolve(options.dir);
  const file = path.join(dir, STATE_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const reduce: Reducer = options.reduce ?? defaultReduce;
  const actor = options.actor ?? defaultActor();
  const { programVersion } = options;
  const readOnly = options.readOnly === true;

  if (!readOnly) {
    ensureStateDir(dir);
    assertWritable(dir);
  }

  const loaded = loadStateFile(file, programVersion, now, !readOnly);
  // conf only writes; a read-only store never needs it (and conf would create the folder).
  const conf = readOnly ? undefined : openConf(dir, file);
  let state: RootState = loaded.state ?? emptyRootState(programVersion);
  let upgradedFrom: Store['upgradedFrom'];

  const write = (next: RootState): void => {
    if (conf === undefined) {
      throw new StoreError(
        'read-only',
        file,
        `The state in ${dir} was opened for reading only, so the change was not saved. Use the wizard to change it.`,
      );
    }
    try {
      conf.store = next;
    } catch (error) {
      throw new StoreError(
        'read-only',
        file,
        `Could not save to ${file}: ${describeWriteFailure(error)}. The change was not recorded; ` +
          'earlier changes are safe. Free space or fix permissions, then try again.',
        { cause: error },
      );
    }
  };

  if (loaded.upgradedFrom !== undefined && readOnly) {
    upgradedFrom = { schemaVersion: loaded.upgradedFrom };
  } else if (loaded.upgradedFrom !== undefined) {
    let backup: string;
    try {
      backup = keepCopy(file, `schema-v${loaded.upgradedFrom}`, now);
    } catch (error) {
      throw new StoreError(
        'read-only',
        file,
        `The state file ${file} needs an upgrade, but a copy of the old one could not be kept: ` +
          `${describeWriteFailure(error)}. Nothing was changed; free space or fix permissions, then try again.`,
        { cause: error },
      );
    }
    state = { ...state, writtenBy: programVersion };
    write(state);
    upgradedFrom = { schemaVersion: loaded.upgradedFrom, backup };
  }

  return {
    dir,
    file,
    readOnly,
    ...(upgradedFrom === undefined ? {} : { upgradedFrom }),
    get: () => state,
    dispatch(event) {
      if (readOnly) write(state); // throws: says the store is read-only
      const result = reduce(state, event);
      if (!result.ok) return result;
      if (result.state === state) return result; // nothing changed, nothing to write
      const next: RootState = { ...result.state, writtenBy: programVersion };
      const check = rootStateSchema.safeParse(next);
      if (!check.success) {
        // A reducer bug must not make the file unloadable next time.
        throw new StoreError(
          'invalid',
          file,
          `The change "${event.type}" was not saved: it would make the state invalid ` +
            `(${summarizeIssues(check.error)}). This is a bug in mfa-migrate; please report it.`,
        );
      }
      write(next);
      state = next;
      return { ok: true, state: next };
    },
    stamp(event) {
      return { ...event, at: now().toISOString(), by: actor };
    },
    migrationDir(id) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
        throw new StoreError(
          'invalid',
          dir,
          `The migration id "${id}" cannot be used as a folder name. Use letters, digits, ".", "_" or "-".`,
        );
      }
      const target = migrationDirPath(dir, id);
      if (readOnly) return target;
      try {
        fs.mkdirSync(target, { recursive: true, mode: 0o700 });
      } catch (error) {
        throw new StoreError(
          'read-only',
          target,
          `Could not create the folder ${target}: ${describeWriteFailure(error)}. ` +
            'Fix its permissions or free space, then try again.',
          { cause: error },
        );
      }
      return target;
    },
  };
}

/**
 * The wizard's way in: takes the folder's lock *before* reading the state, so a second instance
 * never upgrades or moves aside a file the first one has open. The caller releases the lock (see
 * releaseOnExit in lock.ts); when opening fails, the lock is released here.
 */
export function openLockedStore(options: Omit<StoreOptions, 'readOnly'>): { store: Store; lock: Lock } {
  const dir = path.resolve(options.dir);
  ensureStateDir(dir);
  const lock = acquireLock(dir, options.now === undefined ? {} : { now: options.now });
  try {
    return { store: openStore(options), lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Creates the state folder (0700) when only it is missing; never creates its parents. */
function ensureStateDir(dir: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') {
      throw new StoreError(
        'unreadable',
        dir,
        `The state folder ${dir} cannot be read: ${describeWriteFailure(error)}. Fix its permissions or choose another folder.`,
        { cause: error },
      );
    }
    const parent = path.dirname(dir);
    if (!isDirectory(parent)) {
      throw new StoreError(
        'missing-dir',
        dir,
        `The state folder ${dir} does not exist, and neither does its parent ${parent}. ` +
          'Create the parent folder or choose another state folder.',
      );
    }
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
    } catch (mkdirError) {
      throw new StoreError(
        'read-only',
        dir,
        `The state folder ${dir} could not be created in ${parent}: ${describeWriteFailure(mkdirError)}. ` +
          'Fix the permissions or choose another state folder.',
        { cause: mkdirError },
      );
    }
    return;
  }
  if (!stat.isDirectory()) {
    throw new StoreError(
      'missing-dir',
      dir,
      `The state folder ${dir} is a file, not a folder. Move that file away or choose another state folder.`,
    );
  }
}

/**
 * access(W_OK) alone is not enough: root passes it on any folder, and a read-only mount or a
 * special file system (/proc, /sys) only shows itself on a real write.
 */
function assertWritable(dir: string): void {
  const probe = path.join(dir, `.write-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    fs.writeFileSync(probe, '', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = errnoCode(error);
    const why = ['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT'].includes(code ?? '')
      ? describeWriteFailure(error)
      : `it does not accept new files (${code ?? 'unknown error'})`;
    throw new StoreError(
      'read-only',
      dir,
      `The state folder ${dir} is not writable: ${why}. ` +
        'mfa-migrate saves every change there; fix its permissions or choose another folder.',
      { cause: error },
    );
  }
  fs.rmSync(probe, { force: true });
}

interface Loaded {
  /** undefined when there is no state file yet */
  state?: RootState;
  /** the schema version the file had when it was older than ours */
  upgradedFrom?: number;
}

function loadStateFile(file: string, programVersion: string, now: () => Date, mayMove: boolean): Loaded {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    // ENOTDIR: a read-only open of a folder path that is a file; nothing to read there either.
    if (errnoCode(error) === 'ENOENT' || (!mayMove && errnoCode(error) === 'ENOTDIR')) return {};
    throw new StoreError(
      'unreadable',
      file,
      `The state file ${file} cannot be read: ${describeWriteFailure(error)}. ` +
        'Nothing was changed; fix its permissions (or move it away to start fresh).',
      { cause: error },
    );
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw badFileError('corrupt', file, 'is not valid JSON', now, mayMove, error);
  }

  const version = schemaVersionOf(raw);
  if (version === undefined) {
    throw badFileError(
      'invalid',
      file,
      'is not an mfa-migrate state (it has no schemaVersion)',
      now,
      mayMove,
    );
  }
  if (version > SCHEMA_VERSION) {
    const writtenBy = (raw as { writtenBy?: unknown }).writtenBy;
    const by = typeof writtenBy === 'string' ? `mfa-migrate ${writtenBy}` : 'a newer mfa-migrate';
    throw new StoreError(
      'newer-version',
      file,
      `The state file ${file} was written by ${by} (schema version ${version}); this is mfa-migrate ` +
        `${programVersion}, which reads up to schema version ${SCHEMA_VERSION}. The file was left untouched; update mfa-migrate to open it.`,
    );
  }

  let upgraded: unknown = raw;
  if (version < SCHEMA_VERSION) {
    try {
      upgraded = migrate(raw);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw badFileError(
        'invalid',
        file,
        `could not be upgraded from schema version ${version} (${why})`,
        now,
        mayMove,
      );
    }
  }

  const parsed = rootStateSchema.safeParse(upgraded);
  if (!parsed.success) {
    throw badFileError(
      'invalid',
      file,
      `is not a valid mfa-migrate state (${summarizeIssues(parsed.error)})`,
      now,
      mayMove,
    );
  }
  return version < SCHEMA_VERSION ? { state: parsed.data, upgradedFrom: version } : { state: parsed.data };
}

/**
 * Moves the bad file aside (never deleting or overwriting anything) and builds the error to throw.
 * A read-only open leaves it in place: moving is the wizard's job.
 */
function badFileError(
  code: 'corrupt' | 'invalid',
  file: string,
  what: string,
  now: () => Date,
  mayMove: boolean,
  cause?: unknown,
): StoreError {
  if (!mayMove) {
    return new StoreError(
      code,
      file,
      `The state file ${file} ${what}. It was left in place; open the wizard to move it aside, or restore it from a backup.`,
      { cause },
    );
  }
  let movedTo: string;
  try {
    movedTo = moveAside(file, code, now);
  } catch (error) {
    return new StoreError(
      code,
      file,
      `The state file ${file} ${what}. It could not be moved aside (${describeWriteFailure(error)}) ` +
        'and nothing was changed; restore it from a backup or move it away to start fresh.',
      { cause: error },
    );
  }
  return new StoreError(
    code,
    file,
    `The state file ${file} ${what}. It was moved aside to ${movedTo} and nothing was changed; ` +
      'restore it or start fresh.',
    { cause, movedTo },
  );
}

/** `<file>.<kind>-<time>`, with -2, -3, ... when taken. link + unlink never overwrites a target. */
function moveAside(file: string, kind: string, now: () => Date): string {
  let renamed = false;
  const target = claimName(file, kind, now, (candidate) => {
    try {
      fs.linkSync(file, candidate);
    } catch (error) {
      // Some file systems (FAT, some network shares) have no hard links: check, then rename.
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errnoCode(error) ?? '')) throw error;
      if (fs.existsSync(candidate)) throw Object.assign(new Error('taken'), { code: 'EEXIST' });
      fs.renameSync(file, candidate);
      renamed = true;
    }
  });
  if (!renamed) fs.unlinkSync(file);
  return target;
}

/** Keeps a copy of the file before it is rewritten (e.g. the pre-upgrade state). */
function keepCopy(file: string, kind: string, now: () => Date): string {
  return claimName(file, kind, now, (candidate) =>
    fs.copyFileSync(file, candidate, fs.constants.COPYFILE_EXCL),
  );
}

function claimName(file: string, kind: string, now: () => Date, place: (candidate: string) => void): string {
  const base = `${file}.${kind}-${fileStamp(now())}`;
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      place(candidate);
      return candidate;
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
  }
  throw new Error(`too many files named ${base}*`);
}

function openConf(dir: string, file: string): Conf<RootState> {
  try {
    return new Conf<RootState>({
      cwd: dir,
      configName: 'state',
      configFileMode: 0o600,
      // conf would wipe a bad file; the store moves it aside and tells the user instead.
      clearInvalidConfig: false,
      // migration ids and UPNs may contain dots.
      accessPropertiesByDotNotation: false,
    });
  } catch (error) {
    // The file changed between our read and conf's (another editor, a disk error).
    throw new StoreError(
      'unreadable',
      file,
      `The state file ${file} changed or became unreadable while opening it. Nothing was changed; try again.`,
      { cause: error },
    );
  }
}

function summarizeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.map(String).join('.');
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function defaultActor(): string {
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (some containers)
    user = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  return `${user}@${os.hostname()}`;
}
