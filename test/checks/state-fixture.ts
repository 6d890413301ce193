// A state folder with fresh migrations, for the CLI tests of the Preparations commands.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Migration, type RootState, rootStateSchema } from '../../state/model.js';
import { newMigration } from '../../state/new-migration.js';
import { tempDir, writeState } from '../cli/run-cli.js';

export function freshMigration(id: string, name: string, cloud: Migration['cloud'] = 'global'): Migration {
  return newMigration({ id, name, cloud, at: '2026-11-20T09:00:00.000Z', by: 'alice@mfa01' });
}

/** A state folder holding these migrations; the first is the one the wizard opens next. */
export function stateDirWith(...migrations: Migration[]): string {
  const dir = tempDir('mfa-prep-');
  const root: RootState = rootStateSchema.parse({
    schemaVersion: 1,
    writtenBy: '0.1.0',
    migrations: Object.fromEntries(migrations.map((m) => [m.id, m])),
    ...(migrations[0] ? { lastMigrationId: migrations[0].id } : {}),
  });
  writeState(dir, root);
  return dir;
}

export function readState(dir: string): RootState {
  return rootStateSchema.parse(JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')));
}
