// For the subcommands that record something (import-probe, backup, inventory import): take the
// wizard's lock, pick the migration, dispatch, release. The migration the wizard opens next is put back
// as it was, so recording into another migration from a script does not move the admin's wizard.
import { existsSync } from 'node:fs';
import type { MigrationEvent, ReduceResult } from '../../state/events.js';
import type { Migration, RootState } from '../../state/model.js';
import { openLockedStore } from '../../state/store.js';
import { RuntimeError } from './exit-codes.js';
import { selectOneMigration } from './select-migration.js';
import { stateFilePath } from './state-dir.js';

export interface LockedMigration {
  /** the migration as it is now (re-read after every dispatch) */
  migration(): Migration;
  dispatch(event: MigrationEvent): ReduceResult<RootState>;
}

export interface LockedMigrationOptions {
  stateDir: string;
  programVersion: string;
  migration?: string;
  now?: () => Date;
}

/** Fails before anything is created when there is no state or no migration yet. */
export function assertMigrationExists(stateDir: string): void {
  if (!existsSync(stateFilePath(stateDir))) {
    throw new RuntimeError(
      `No migration yet in ${stateDir}: create one with the wizard (mfa-migrate), or pass --state-dir.`,
    );
  }
}

export async function withLockedMigration<T>(
  opts: LockedMigrationOptions,
  fn: (session: LockedMigration) => T | Promise<T>,
): Promise<T> {
  assertMigrationExists(opts.stateDir);
  const { store, lock } = openLockedStore({
    dir: opts.stateDir,
    programVersion: opts.programVersion,
    ...(opts.now ? { now: opts.now } : {}),
  });
  try {
    const root = store.get();
    const chosen = selectOneMigration(root, opts.migration);
    if (!chosen) {
      throw new RuntimeError(
        `No migration yet in ${opts.stateDir}: create one with the wizard (mfa-migrate) first.`,
      );
    }
    const previous = root.lastMigrationId;
    const dispatch = (event: MigrationEvent) => store.dispatch(store.stamp(event));
    if (previous !== chosen.id) dispatch({ type: 'select-migration', id: chosen.id });
    try {
      return await fn({
        migration: () => store.get().migrations[chosen.id] ?? chosen,
        dispatch,
      });
    } finally {
      if (previous !== undefined && previous !== chosen.id && store.get().migrations[previous]) {
        dispatch({ type: 'select-migration', id: previous });
      }
    }
  } finally {
    lock.release();
  }
}
