// A migration with one wave in a temp state folder, beside an emulator harness (real HTTP, real
// Graph client), plus the sync-preview CSV the admin would have exported for the wave's members.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GeneratedTenant } from '../../src/emulator/tenant-types.js';
import { type WaveFiles, waveFiles } from '../../src/waves/wave-files.js';
import type { Migration, Wave } from '../../state/model.js';
import { openStore, type Store } from '../../state/store.js';

export interface WaveSetup {
  store: Store;
  migration: () => Migration;
  wave: () => Wave;
  files: WaveFiles;
  migrationDir: string;
}

export function setupWave(
  tenant: GeneratedTenant,
  opts: {
    migrationGroup?: { name?: string; id?: string };
    rolloutGroups?: { name?: string; id?: string }[];
    /** reason for the same-group override, when the rollout group is the migration group */
    sameGroupReason?: string;
  } = {},
): WaveSetup {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'waves-state-'));
  const store = openStore({ dir, programVersion: '0.0.0-test', actor: 'tester@test' });
  const must = (r: ReturnType<Store['dispatch']>) => {
    if (!r.ok) throw new Error(r.refusal.message);
  };
  must(store.dispatch(store.stamp({ type: 'create-migration', id: 'm1', name: 'Test', cloud: 'global' })));
  must(store.dispatch(store.stamp({ type: 'add-wave', id: 'w1', name: 'Wave 1' })));
  must(
    store.dispatch(
      store.stamp({
        type: 'set-wave-groups',
        waveId: 'w1',
        migrationGroups: [opts.migrationGroup ?? { name: 'MFA Migration - Wave 1' }],
        rolloutGroups: opts.rolloutGroups ?? [{ name: 'MFA Rollout - Wave 1' }],
        ...(opts.sameGroupReason
          ? { override: { guard: 'rollout-same-group' as const, reason: opts.sameGroupReason } }
          : {}),
      }),
    ),
  );
  const migration = () => store.get().migrations.m1 as Migration;
  const wave = () => migration().waves[0] as Wave;
  const migrationDir = store.migrationDir('m1');
  void tenant;
  return { store, migration, wave, files: waveFiles(migrationDir, 'w1'), migrationDir };
}

const METHOD_WORDS = {
  phoneCall: 'phone-call',
  textMessage: 'text-message',
  mobileApp: 'mobile-app',
  oathToken: 'oath-token',
} as const;

/** The per-user CSV (README "Sync preview CSV") for these users, from the emulator's MFA Server data. */
export function previewCsvFor(tenant: GeneratedTenant, userIds: readonly string[]): string {
  const rows: string[][] = [];
  for (const id of userIds) {
    const u = tenant.findUser(id);
    const p = u?.mfaServer;
    if (!u || !p) continue;
    rows.push([
      u.userPrincipalName,
      p.phone ?? '',
      p.phoneExtension ?? '',
      p.backupPhone ?? '',
      p.backupPhoneExtension ?? '',
      METHOD_WORDS[p.defaultMethod],
      p.mobileAppDevices.map((d) => `${d.name}|${d.activatedDateTime}`).join(';'),
      p.oathTokens.map((t) => t.serialNumber).join(';'),
      '0',
    ]);
  }
  // plain CSV on purpose: the Excel-safe writer would prefix "+1 ..." numbers with a quote
  const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
  const header = [
    'user',
    'phone',
    'phone_extension',
    'backup_phone',
    'backup_phone_extension',
    'default_method',
    'mobile_app_devices',
    'oath_tokens',
    'existing_entra_devices',
  ];
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n');
}

/** User ids of the transitive members of a group, as the emulator knows them. */
export function memberIds(tenant: GeneratedTenant, groupId: string): string[] {
  return tenant
    .transitiveMembers(groupId)
    .filter((r): r is number => typeof r === 'number')
    .map((i) => tenant.userAt(i)?.id ?? '');
}
