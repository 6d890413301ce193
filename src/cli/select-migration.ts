// Which migration a subcommand is about: --migration NAME|ID, else the last one opened, else the only one.
import type { Migration, RootState } from '../../state/model.js';
import { UsageError } from './exit-codes.js';

function listNames(root: RootState): string {
  return Object.values(root.migrations)
    .map((m) => `"${m.name}" (${m.id})`)
    .join(', ');
}

/** Match an id exactly, else a name case-insensitively. */
export function findMigration(root: RootState, nameOrId: string): Migration | undefined {
  const byId = root.migrations[nameOrId];
  if (byId) return byId;
  const wanted = nameOrId.trim().toLowerCase();
  return Object.values(root.migrations).find((m) => m.name.trim().toLowerCase() === wanted);
}

/** The migrations a command covers; all of them when no --migration is given. */
export function selectMigrations(root: RootState, nameOrId: string | undefined): Migration[] {
  if (nameOrId === undefined) return Object.values(root.migrations);
  const m = findMigration(root, nameOrId);
  if (!m) throw new UsageError(`No migration named "${nameOrId}". Known: ${listNames(root)}.`);
  return [m];
}

/** Exactly one migration, for commands that need one (report). Undefined when there is none at all. */
export function selectOneMigration(root: RootState, nameOrId: string | undefined): Migration | undefined {
  if (nameOrId !== undefined) return selectMigrations(root, nameOrId)[0];
  const all = Object.values(root.migrations);
  if (all.length <= 1) return all[0];
  const last = root.lastMigrationId === undefined ? undefined : root.migrations[root.lastMigrationId];
  if (last) return last;
  throw new UsageError(
    `There are ${all.length} migrations; choose one with --migration: ${listNames(root)}.`,
  );
}
