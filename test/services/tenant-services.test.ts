// The tenant services offline (no Graph client): Graph work fails with the one offline line, while
// what reads only the migration's own files (coverage, the rollback plan) still works.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTenantServices, OFFLINE_MESSAGE, OfflineError } from '../../src/services/tenant-services.js';
import type { Migration } from '../../state/model.js';
import { seededRoot } from '../screens/step-harness.js';

function offline() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tenant-services-'));
  return createTenantServices({
    graph: () => undefined,
    migrationDir: (id) => path.join(dir, id),
    now: () => new Date('2026-11-25T10:00:00Z'),
    actor: 'tester@test',
  });
}

function migration(): Migration {
  const root = seededRoot([{ type: 'add-wave', id: 'w1', name: 'Pilot' }]);
  const m = root.migrations.m1;
  if (!m) throw new Error('no migration');
  return m;
}

describe('tenant services offline', () => {
  it('refuses Graph work with the offline line, without throwing synchronously for async callers', async () => {
    const s = offline();
    expect(s.online()).toBe(false);
    await expect(Promise.resolve().then(() => s.listFederation())).rejects.toBeInstanceOf(OfflineError);
    await expect(Promise.resolve().then(() => s.resolveGroup({ name: 'x' }))).rejects.toThrow(
      OFFLINE_MESSAGE,
    );
    expect(OFFLINE_MESSAGE).toBe('offline: sign in (g) or record the result by hand');
  });

  it('adds up coverage from the wave files, which do not exist yet', async () => {
    const s = offline();
    const r = await s.overallCoverage(migration());
    expect(r.waves).toEqual([
      {
        waveId: 'w1',
        waveName: 'Pilot',
        members: undefined,
        coverage: expect.objectContaining({ total: 0, migrated: 0 }),
      },
    ]);
    expect(r.total.total).toBe(0);
  });

  it('derives the rollback plan from the (empty) audit log: the warning, nothing to undo in the tenant', async () => {
    const s = offline();
    const plan = await s.rollbackPlan(migration());
    expect(plan.warning).toMatch(/2024-09-30/);
    expect(plan.partial).toEqual([]);
    expect(plan.full.some((i) => i.kind === 'federation-enforce')).toBe(false);
  });

  it('reports a missing preview file as a message, not a crash', async () => {
    const r = await offline().importPreview('/nonexistent/users.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Could not read/);
  });
});
