import { describe, expect, it } from 'vitest';
import { DEMO_MIGRATION_NAME, demoMigrationEvents } from '../../src/wizard/demo-migration.js';
import type { RootState } from '../../state/model.js';
import { emptyRootState } from '../../state/model.js';
import { newMigration } from '../../state/new-migration.js';
import { reduce } from '../../state/reducer.js';

const meta = { at: '2026-11-25T10:00:00.000Z', by: 'admin@host' };

function apply(root: RootState, events: ReturnType<typeof demoMigrationEvents>): RootState {
  let s = root;
  for (const e of events) {
    const r = reduce(s, { ...e, ...meta });
    if (!r.ok) throw new Error(r.refusal.message);
    s = r.state;
  }
  return s;
}

describe('demo migration', () => {
  it('creates a migration marked demo and opens it', () => {
    const s = apply(
      emptyRootState('t'),
      demoMigrationEvents(emptyRootState('t'), () => 'demo-1'),
    );
    expect(s.lastMigrationId).toBe('demo-1');
    expect(s.migrations['demo-1']?.demo).toBe(true);
    expect(s.migrations['demo-1']?.name).toBe(DEMO_MIGRATION_NAME);
  });

  it('reuses the demo migration that exists, and does nothing when it is already open', () => {
    const root: RootState = {
      ...emptyRootState('t'),
      migrations: {
        real: newMigration({ id: 'real', name: 'Real', cloud: 'global', ...meta }),
        demo: newMigration({ id: 'demo', name: 'Old demo', cloud: 'global', demo: true, ...meta }),
      },
      lastMigrationId: 'real',
    };
    expect(demoMigrationEvents(root)).toEqual([{ type: 'select-migration', id: 'demo' }]);
    expect(demoMigrationEvents({ ...root, lastMigrationId: 'demo' })).toEqual([]);
  });

  it('does not clash with a real migration that has the demo name', () => {
    const root: RootState = {
      ...emptyRootState('t'),
      migrations: { real: newMigration({ id: 'real', name: DEMO_MIGRATION_NAME, cloud: 'global', ...meta }) },
    };
    const s = apply(
      root,
      demoMigrationEvents(root, () => 'demo-2'),
    );
    expect(s.migrations['demo-2']?.name).toBe(`${DEMO_MIGRATION_NAME} 2`);
    expect(s.migrations['demo-2']?.demo).toBe(true);
  });
});
