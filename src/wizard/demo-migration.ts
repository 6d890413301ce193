// `--demo` opens a migration marked DEMO, so nobody mistakes it for a real tenant: reuse the one that
// exists, or create it. (The demo tenant's Graph emulator is wired in elsewhere; this is the marker.)
import type { MigrationEvent } from '../../state/events.js';
import type { RootState } from '../../state/model.js';
import { validateMigrationName } from '../../state/validation.js';
import { makeMigrationId } from './migration-id.js';

export const DEMO_MIGRATION_NAME = 'Demo tenant (Contoso)';
// the emulator's initial domain, so the first sign-in's tenant check agrees with what was typed
export const DEMO_TENANT = 'contosodemo.onmicrosoft.com';

/** The events that make a demo migration the open one; empty when it already is. */
export function demoMigrationEvents(root: RootState, newId = makeMigrationId): MigrationEvent[] {
  const existing = Object.values(root.migrations)
    .filter((m) => m.demo)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (existing) {
    return root.lastMigrationId === existing.id ? [] : [{ type: 'select-migration', id: existing.id }];
  }
  // An admin may already have a real migration with this name: number the demo instead of clashing.
  let name = DEMO_MIGRATION_NAME;
  for (let n = 2; validateMigrationName(name, root) !== null; n++) name = `${DEMO_MIGRATION_NAME} ${n}`;
  return [
    { type: 'create-migration', id: newId(name), name, tenant: DEMO_TENANT, cloud: 'global', demo: true },
  ];
}
