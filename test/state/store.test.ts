import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MigrationEventWithMeta, ReduceResult } from '../../state/events.js';
import {
  emptyStepState,
  type Migration,
  type RootState,
  rootStateSchema,
  SCHEMA_VERSION,
  STEP_IDS,
  type StepId,
  type StepState,
} from '../../state/model.js';
import { openLockedStore, openStore, type Reducer, type StoreOptions } from '../../state/store.js';
import { StoreError } from '../../state/store-errors.js';

const NOW = new Date('2026-11-25T14:50:01.123Z');
const STAMP = '2026-11-25T14-50-01Z';

function migrationFixture(id: string, name = 'Contoso'): Migration {
  const steps = Object.fromEntries(STEP_IDS.map((step) => [step, emptyStepState()])) as Record<
    StepId,
    StepState
  >;
  return {
    id,
    name,
    cloud: 'global',
    demo: false,
    createdAt: '2026-11-25T14:00:00.000Z',
    createdBy: 'admin@host',
    current: { step: 'inventory' },
    steps,
    waves: [],
    inventory: { methods: [], portal: [], services: [], servers: [], loadBalancers: [] },
    overrides: [],
    exceptions: [],
    federationChanges: [],
  };
}

/** A tiny stand-in for state/reducer.ts so these tests exercise the store alone. */
const testReduce: Reducer = (state, event): ReduceResult<RootState> => {
  if (event.type === 'create-migration') {
    if (state.migrations[event.id] !== undefined) {
      return { ok: false, refusal: { code: 'invalid', message: 'exists', overridable: false } };
    }
    return {
      ok: true,
      state: {
        ...state,
        migrations: { ...state.migrations, [event.id]: migrationFixture(event.id, event.name) },
        lastMigrationId: event.id,
      },
    };
  }
  if (event.type === 'select-migration') {
    return { ok: true, state }; // no change
  }
  return { ok: false, refusal: { code: 'invalid', message: 'not in this test', overridable: false } };
};

let root: string;
let dir: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-store-'));
  dir = path.join(root, 'state');
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function open(overrides: Partial<StoreOptions> = {}) {
  return openStore({
    dir,
    programVersion: '0.1.0',
    reduce: testReduce,
    now: () => NOW,
    actor: 'tester@box',
    ...overrides,
  });
}

function create(id: string, name = 'Contoso'): MigrationEventWithMeta {
  return { type: 'create-migration', id, name, cloud: 'global', at: NOW.toISOString(), by: 'tester@box' };
}

function catchStoreError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError, nothing was thrown');
}

function writeState(content: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'state.json');
  fs.writeFileSync(file, content);
  return file;
}

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('opening', () => {
  it('creates a missing state folder 0700 when its parent exists, without writing a state file', () => {
    const store = open();
    expect(store.dir).toBe(dir);
    expect(store.file).toBe(path.join(dir, 'state.json'));
    expect(mode(dir)).toBe(0o700);
    expect(store.get()).toEqual({ schemaVersion: SCHEMA_VERSION, writtenBy: '0.1.0', migrations: {} });
    expect(fs.existsSync(store.file)).toBe(false);
  });

  it('refuses a folder whose parent is missing, and creates nothing', () => {
    dir = path.join(root, 'no', 'such', 'state');
    const error = catchStoreError(() => open());
    expect(error.code).toBe('missing-dir');
    expect(error.path).toBe(dir);
    expect(error.message).toContain(dir);
    expect(fs.existsSync(path.join(root, 'no'))).toBe(false);
  });

  it('refuses a state folder that is a file', () => {
    fs.writeFileSync(dir, 'x');
    const error = catchStoreError(() => open());
    expect(error.code).toBe('missing-dir');
    expect(error.message).toContain('is a file');
  });

  // Tests run as root, which ignores permission bits, so a chmod-ed folder would still be writable.
  // /sys (sysfs) refuses new files even to root, and /proc accepts access(W_OK) but no file: both
  // only show themselves on a real write, which is what the store's probe does.
  it.each(['/sys', '/proc'])('refuses an existing folder it cannot write (%s)', (target) => {
    dir = target;
    const error = catchStoreError(() => open());
    expect(error.code).toBe('read-only');
    expect(error.path).toBe(target);
    expect(error.message).toContain(`The state folder ${target} is not writable`);
  });

  it('refuses a missing folder whose parent it cannot write', () => {
    dir = '/sys/mfa-migrate-test-state';
    const error = catchStoreError(() => open());
    expect(error.code).toBe('read-only');
    expect(error.message).toContain(dir);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('reports a state file it cannot read (a folder in its place) and changes nothing', () => {
    fs.mkdirSync(path.join(dir, 'state.json'), { recursive: true });
    const error = catchStoreError(() => open());
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain(path.join(dir, 'state.json'));
    expect(fs.statSync(path.join(dir, 'state.json')).isDirectory()).toBe(true);
  });
});

describe('a bad state file is moved aside, never replaced', () => {
  it('moves invalid JSON aside, names both paths, keeps the content and creates no new file', () => {
    const file = writeState('{"schemaVersion": 1, "migr');
    const error = catchStoreError(() => open());
    const aside = `${file}.corrupt-${STAMP}`;
    expect(error.code).toBe('corrupt');
    expect(error.path).toBe(file);
    expect(error.movedTo).toBe(aside);
    expect(error.message).toContain(`The state file ${file} is not valid JSON.`);
    expect(error.message).toContain(`moved aside to ${aside}`);
    expect(path.basename(aside)).not.toContain(':');
    expect(fs.readFileSync(aside, 'utf8')).toBe('{"schemaVersion": 1, "migr');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([path.basename(aside)]);
  });

  it('never overwrites an earlier moved-aside file with the same time', () => {
    const file = writeState('first');
    catchStoreError(() => open());
    writeState('second');
    const error = catchStoreError(() => open());
    expect(error.movedTo).toBe(`${file}.corrupt-${STAMP}-2`);
    expect(fs.readFileSync(`${file}.corrupt-${STAMP}`, 'utf8')).toBe('first');
    expect(fs.readFileSync(`${file}.corrupt-${STAMP}-2`, 'utf8')).toBe('second');
  });

  it('moves a file that fails the schema aside and lists at most three issues', () => {
    const bad = {
      schemaVersion: 1,
      writtenBy: '0.1.0',
      migrations: { a: { ...migrationFixture('a'), cloud: 'mars', name: '', demo: 'no', waves: 7 } },
    };
    const text = JSON.stringify(bad);
    const file = writeState(text);
    const error = catchStoreError(() => open());
    expect(error.code).toBe('invalid');
    expect(error.message).toContain(`The state file ${file} is not a valid mfa-migrate state (`);
    expect(error.message).toContain('migrations.a.');
    expect(error.message).toMatch(/and 1 more\)/);
    expect(error.message.split('\n').length).toBeLessThanOrEqual(2);
    expect(fs.readFileSync(`${file}.invalid-${STAMP}`, 'utf8')).toBe(text);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('treats JSON without a schemaVersion as invalid', () => {
    const file = writeState('[1, 2, 3]');
    const error = catchStoreError(() => open());
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('no schemaVersion');
    expect(fs.readFileSync(`${file}.invalid-${STAMP}`, 'utf8')).toBe('[1, 2, 3]');
  });
});

describe('schema versions', () => {
  it('refuses a file from a newer program and leaves it untouched', () => {
    const text = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, writtenBy: '9.4.2', migrations: {} });
    const file = writeState(text);
    const old = new Date('2026-01-01T00:00:00Z');
    fs.utimesSync(file, old, old);
    const error = catchStoreError(() => open());
    expect(error.code).toBe('newer-version');
    expect(error.message).toContain('written by mfa-migrate 9.4.2');
    expect(error.message).toContain('this is mfa-migrate 0.1.0');
    expect(error.message).toContain('left untouched');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.statSync(file).mtime.getTime()).toBe(old.getTime());
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });

  it('upgrades a schema v0 file, saves it as the current version and keeps the old one', () => {
    const { federationChanges: _dropped, ...v0Migration } = migrationFixture('m1');
    const v0 = { schemaVersion: 0, migrations: { m1: v0Migration }, lastMigrationId: 'm1' };
    const text = JSON.stringify(v0);
    const file = writeState(text);
    const store = open();
    expect(store.upgradedFrom).toEqual({ schemaVersion: 0, backup: `${file}.schema-v0-${STAMP}` });
    expect(fs.readFileSync(`${file}.schema-v0-${STAMP}`, 'utf8')).toBe(text);
    expect(store.get().migrations.m1?.federationChanges).toEqual([]);
    expect(store.get().writtenBy).toBe('0.1.0');
    const onDisk: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(rootStateSchema.parse(onDisk)).toEqual(store.get());
    expect(mode(file)).toBe(0o600);
    // Opening again is a plain load: no second backup.
    expect(open().upgradedFrom).toBeUndefined();
  });
});

describe('dispatch', () => {
  it('persists each accepted change: reopening gives the same state', () => {
    const store = open();
    const result = store.dispatch(create('m1'));
    expect(result.ok).toBe(true);
    expect(store.get().migrations.m1?.name).toBe('Contoso');
    expect(store.get().lastMigrationId).toBe('m1');

    const reopened = open();
    expect(reopened.get()).toEqual(store.get());
  });

  it('writes the state file with mode 0600, also over an older looser file', () => {
    writeState(JSON.stringify({ schemaVersion: SCHEMA_VERSION, writtenBy: '0.0.9', migrations: {} }));
    fs.chmodSync(path.join(dir, 'state.json'), 0o644);
    const store = open();
    store.dispatch(create('m1'));
    expect(mode(store.file)).toBe(0o600);
    expect(store.get().writtenBy).toBe('0.1.0');
  });

  it('does not write on a refusal', () => {
    const store = open();
    store.dispatch(create('m1'));
    const before = fs.readFileSync(store.file, 'utf8');
    const result = store.dispatch(create('m1', 'Other'));
    expect(result).toEqual({
      ok: false,
      refusal: { code: 'invalid', message: 'exists', overridable: false },
    });
    expect(fs.readFileSync(store.file, 'utf8')).toBe(before);
    expect(store.get().migrations.m1?.name).toBe('Contoso');
  });

  it('does not write when the reducer returns the same state', () => {
    const store = open();
    const result = store.dispatch({ type: 'select-migration', id: 'x', at: NOW.toISOString(), by: 'a@b' });
    expect(result.ok).toBe(true);
    expect(fs.existsSync(store.file)).toBe(false);
  });

  // As root no permission bit makes a write fail, so put a folder where the file goes: the atomic
  // rename onto it fails (EISDIR) exactly like EROFS or ENOSPC would, after the temp file is written.
  it('throws read-only on a failed write and keeps the previous state in memory', async () => {
    const store = open();
    store.dispatch(create('m1'));
    const before = store.get();
    fs.rmSync(store.file);
    fs.mkdirSync(store.file);
    fs.writeFileSync(path.join(store.file, 'keep'), 'x');

    const error = catchStoreError(() => store.dispatch(create('m2')));
    expect(error.code).toBe('read-only');
    expect(error.message).toContain(`Could not save to ${store.file}`);
    expect(error.message).toContain('The change was not recorded');
    expect(store.get()).toBe(before);
    expect(store.get().migrations.m2).toBeUndefined();
    // conf's writer (atomically) removes its temp file asynchronously after a failure.
    await vi.waitFor(() => expect(fs.readdirSync(dir).filter((name) => name.includes('tmp'))).toEqual([]), {
      timeout: 10_000,
    });

    // Once the obstacle is gone, the next change saves everything confirmed so far plus itself.
    fs.rmSync(store.file, { recursive: true });
    expect(store.dispatch(create('m2')).ok).toBe(true);
    expect(Object.keys(open().get().migrations).sort()).toEqual(['m1', 'm2']);
  });

  it('refuses to save a state the schema rejects (a reducer bug) and writes nothing', () => {
    const broken: Reducer = (state) => ({
      ok: true,
      state: { ...state, migrations: { x: { id: 'x' } as unknown as Migration } },
    });
    const store = open({ reduce: broken });
    const error = catchStoreError(() => store.dispatch(create('x')));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('was not saved');
    expect(store.get().migrations).toEqual({});
    expect(fs.existsSync(store.file)).toBe(false);
  });

  it('keeps dotted keys as keys (conf dot-notation is off)', () => {
    const store = open();
    store.dispatch(create('contoso.com'));
    const onDisk = JSON.parse(fs.readFileSync(store.file, 'utf8')) as RootState;
    expect(Object.keys(onDisk.migrations)).toEqual(['contoso.com']);
  });
});

describe('stamp and data folders', () => {
  it('stamps events with the time and the actor', () => {
    const store = open();
    expect(store.stamp({ type: 'select-migration', id: 'm1' })).toEqual({
      type: 'select-migration',
      id: 'm1',
      at: '2026-11-25T14:50:01.123Z',
      by: 'tester@box',
    });
    const defaultStore = openStore({ dir, programVersion: '0.1.0', reduce: testReduce });
    expect(defaultStore.stamp({ type: 'select-migration', id: 'm1' }).by).toBe(
      `${os.userInfo().username}@${os.hostname()}`,
    );
  });

  it('creates a per-migration folder 0700 on demand and refuses ids that escape it', () => {
    const store = open();
    const target = store.migrationDir('m1');
    expect(target).toBe(path.join(dir, 'migrations', 'm1'));
    expect(mode(target)).toBe(0o700);
    expect(mode(path.join(dir, 'migrations'))).toBe(0o700);
    expect(store.migrationDir('m1')).toBe(target);
    for (const bad of ['../x', 'a/b', '..', '', '.hidden']) {
      expect(catchStoreError(() => store.migrationDir(bad)).code).toBe('invalid');
    }
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });
});

describe('with the real reducer (state/reducer.ts, the default)', () => {
  it('creates a migration, writes notes, and reopens to the same state', () => {
    const store = openStore({ dir, programVersion: '0.1.0', now: () => NOW, actor: 'tester@box' });
    const created = store.dispatch(
      store.stamp({ type: 'create-migration', id: 'm1', name: 'Contoso', cloud: 'global' }),
    );
    expect(created.ok).toBe(true);
    const noted = store.dispatch(
      store.stamp({ type: 'set-notes', ref: { step: 'inventory' }, text: 'two servers' }),
    );
    expect(noted.ok).toBe(true);
    const refused = store.dispatch(store.stamp({ type: 'select-migration', id: 'nope' }));
    expect(refused.ok).toBe(false);

    const reopened = openStore({ dir, programVersion: '0.1.0' });
    expect(reopened.get()).toEqual(store.get());
    expect(reopened.get().migrations.m1?.steps.inventory?.notes).toBe('two servers');
    expect(reopened.get().migrations.m1?.createdBy).toBe('tester@box');
  });
});

describe('read-only opening (status, report)', () => {
  it('reads a missing folder as the empty state and creates nothing', () => {
    const store = open({ readOnly: true });
    expect(store.readOnly).toBe(true);
    expect(store.get().migrations).toEqual({});
    expect(fs.existsSync(dir)).toBe(false);
    expect(store.migrationDir('m1')).toBe(path.join(dir, 'migrations', 'm1'));
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('reads a folder it cannot write', () => {
    expect(open({ dir: '/proc', readOnly: true }).get().migrations).toEqual({});
  });

  it('refuses dispatch and writes nothing', () => {
    open().dispatch(create('m1'));
    const before = fs.readFileSync(path.join(dir, 'state.json'), 'utf8');
    const store = open({ readOnly: true });
    expect(store.get().migrations.m1?.name).toBe('Contoso');
    const error = catchStoreError(() => store.dispatch(create('m2')));
    expect(error.code).toBe('read-only');
    expect(error.message).toContain('opened for reading only');
    expect(store.get().migrations.m2).toBeUndefined();
    expect(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')).toBe(before);
  });

  it('leaves a corrupt file in place', () => {
    const file = writeState('nope');
    const error = catchStoreError(() => open({ readOnly: true }));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('left in place');
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
    expect(fs.readFileSync(file, 'utf8')).toBe('nope');
  });

  it('upgrades an older file in memory only', () => {
    const { federationChanges: _dropped, ...v0Migration } = migrationFixture('m1');
    const text = JSON.stringify({ schemaVersion: 0, migrations: { m1: v0Migration } });
    const file = writeState(text);
    const store = open({ readOnly: true });
    expect(store.upgradedFrom).toEqual({ schemaVersion: 0 });
    expect(store.get().migrations.m1?.federationChanges).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });
});

describe('openLockedStore', () => {
  it('creates the folder, takes the lock, and refuses a second wizard', () => {
    const { store, lock } = openLockedStore({ dir, programVersion: '0.1.0', reduce: testReduce });
    try {
      expect(lock.file).toBe(path.join(dir, 'wizard.lock'));
      expect(store.dispatch(create('m1')).ok).toBe(true);
      const error = catchStoreError(() => openLockedStore({ dir, programVersion: '0.1.0' }));
      expect(error.code).toBe('locked');
    } finally {
      lock.release();
    }
    expect(fs.existsSync(path.join(dir, 'wizard.lock'))).toBe(false);
  });

  it('does not touch the state while another instance holds the lock', () => {
    const first = openLockedStore({ dir, programVersion: '0.1.0', reduce: testReduce });
    try {
      fs.writeFileSync(first.store.file, 'broken by hand');
      catchStoreError(() => openLockedStore({ dir, programVersion: '0.1.0' }));
      expect(fs.readFileSync(first.store.file, 'utf8')).toBe('broken by hand');
    } finally {
      first.lock.release();
    }
  });

  it('releases the lock when the state cannot be opened', () => {
    writeState('not json');
    const error = catchStoreError(() => openLockedStore({ dir, programVersion: '0.1.0', now: () => NOW }));
    expect(error.code).toBe('corrupt');
    expect(fs.existsSync(path.join(dir, 'wizard.lock'))).toBe(false);
  });
});
