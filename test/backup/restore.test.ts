import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDataFolder } from '../../src/backup/backup.js';
import { restoreDataFile } from '../../src/backup/restore.js';
import type { ServerHost, ServiceState } from '../../src/platform/server-host.js';

// A test double of the host interface (the real one shells out to sc.exe / reg.exe on Windows).
const host = (state: ServiceState, canInspect = true): ServerHost => ({
  canInspect,
  serviceState: async () => state,
  registryValue: async () => null,
});

async function setup() {
  const data = mkdtempSync(join(tmpdir(), 'mfa-data-'));
  writeFileSync(join(data, 'PhoneFactor.pfdata'), 'version-8.0-data');
  const backup = await backupDataFolder({
    source: data,
    destinationRoot: mkdtempSync(join(tmpdir(), 'mfa-bk-')),
    now: new Date('2026-11-20T10:00:00Z'),
  });
  writeFileSync(join(data, 'PhoneFactor.pfdata'), 'version-8.1-data');
  return { data, backup };
}

describe('restoreDataFile', () => {
  it('restores after verifying the hash and keeps the current file aside', async () => {
    const { data, backup } = await setup();
    const r = await restoreDataFile({
      backup,
      dataFolder: data,
      host: host('stopped'),
      adminConfirmedServiceStopped: false,
      now: new Date('2026-11-25T12:00:00Z'),
    });
    expect(readFileSync(join(data, 'PhoneFactor.pfdata'), 'utf8')).toBe('version-8.0-data');
    expect(r.keptAsideAt).toMatch(/PhoneFactor\.pfdata\.before-restore-2026-11-25T12-00-00Z$/);
    expect(readFileSync(r.keptAsideAt!, 'utf8')).toBe('version-8.1-data');
  });

  it('refuses when the backup no longer matches its recorded hash, touching nothing', async () => {
    const { data, backup } = await setup();
    writeFileSync(join(backup.destination, 'PhoneFactor.pfdata'), 'tampered');
    await expect(
      restoreDataFile({
        backup,
        dataFolder: data,
        host: host('stopped'),
        adminConfirmedServiceStopped: false,
        now: new Date(),
      }),
    ).rejects.toThrow(/does not match the hash recorded/);
    expect(readFileSync(join(data, 'PhoneFactor.pfdata'), 'utf8')).toBe('version-8.1-data');
    expect(readdirSync(data)).toEqual(['PhoneFactor.pfdata']);
  });

  it('refuses while the service runs, and on a jump host until the admin confirms it is stopped', async () => {
    const { data, backup } = await setup();
    await expect(
      restoreDataFile({
        backup,
        dataFolder: data,
        host: host('running'),
        adminConfirmedServiceStopped: true,
        now: new Date(),
      }),
    ).rejects.toThrow(/MultiFactorAuth service is running/);
    await expect(
      restoreDataFile({
        backup,
        dataFolder: data,
        host: host('unknown', false),
        adminConfirmedServiceStopped: false,
        now: new Date(),
      }),
    ).rejects.toThrow(/Confirm that the MultiFactorAuth service is stopped/);
    expect(readFileSync(join(data, 'PhoneFactor.pfdata'), 'utf8')).toBe('version-8.1-data');
  });
});
