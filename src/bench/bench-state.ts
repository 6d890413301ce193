// The benchmark's migration: one migration with one wave whose migration group is the emulator's
// 50,000-member nested group, in a temp state folder, written through the real store.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../state/store.js';
import { type WaveFiles, waveFiles } from '../waves/wave-files.js';

export const MIGRATION_ID = 'bench';
export const WAVE_ID = 'w1';

export interface BenchState {
  dir: string;
  store: Store;
  files: WaveFiles;
}

function must(r: ReturnType<Store['dispatch']>): void {
  if (!r.ok) throw new Error(r.refusal.message);
}

export function createBenchState(groupId: string): BenchState {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mfa-bench-'));
  const store = openStore({ dir, programVersion: 'bench', actor: 'bench@bench' });
  const d = (e: Parameters<Store['stamp']>[0]) => must(store.dispatch(store.stamp(e)));
  d({
    type: 'create-migration',
    id: MIGRATION_ID,
    name: 'Benchmark',
    tenant: 'bench.example',
    cloud: 'global',
  });
  d({ type: 'add-wave', id: WAVE_ID, name: 'Everyone' });
  d({
    type: 'set-wave-groups',
    waveId: WAVE_ID,
    migrationGroups: [{ id: groupId, name: 'Bench - All waves' }],
    rolloutGroups: [{ name: 'Bench - Rollout' }],
  });
  return { dir, store, files: waveFiles(store.migrationDir(MIGRATION_ID), WAVE_ID) };
}

/** Median and p95 of one state save: a checklist tick dispatched (validated and written) `runs` times. */
export function measureStateSave(store: Store, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const event = store.stamp({
      type: 'set-checklist-item',
      ref: { step: 'inventory' },
      itemId: 'inventory.company-settings',
      checked: i % 2 === 0,
    });
    const t0 = performance.now();
    must(store.dispatch(event));
    times.push(performance.now() - t0);
  }
  // leave the list as an admin would
  must(
    store.dispatch(
      store.stamp({
        type: 'set-checklist-item',
        ref: { step: 'inventory' },
        itemId: 'inventory.company-settings',
        checked: false,
      }),
    ),
  );
  return times;
}
