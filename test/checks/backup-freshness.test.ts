// The three reasons the newest backup may not be the one to restore, and where their facts come from.
import { describe, expect, it } from 'vitest';
import type { BackupRecord } from '../../src/backup/backup.js';
import {
  backupsFromEvidence,
  localBackupEvidence,
  remoteBackupEvidence,
} from '../../src/checks/backup-evidence.js';
import {
  backupFreshness,
  backupFreshnessOf,
  isUpdatedVersion,
  updateInstalledAt,
} from '../../src/checks/backup-freshness.js';
import { probeEvidence } from '../../src/probe/probe-evidence.js';
import { parseProbe } from '../../src/probe/probe-schema.js';
import type { Evidence } from '../../state/model.js';
import { newMigration } from '../../state/new-migration.js';
import { sampleProbe } from '../helpers/sample-probe.js';

const H = 3_600_000;
const T0 = Date.parse('2026-11-25T08:00:00Z');
const at = (hours: number) => new Date(T0 + hours * H);
const HASH = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

const backup = (
  hours: number,
  extra: Partial<{ dataFileSha256: string | null; server: string | null; version: string | null }> = {},
) => ({
  takenAt: at(hours).toISOString(),
  dataFileSha256: HASH,
  server: 'MFA1',
  version: null,
  ...extra,
});

describe('backupFreshness rules', () => {
  it('no backup at all is a warning', () => {
    expect(backupFreshness({ backups: [], now: at(0) }).map((w) => w.id)).toEqual(['no-backup']);
  });

  it('fresh, unchanged, before the update: no warning', () => {
    expect(
      backupFreshness({
        backups: [backup(0)],
        now: at(23),
        observations: [{ sha256: HASH, at: at(5).toISOString(), from: 'probe' }],
      }),
    ).toEqual([]);
  });

  it('older than 24 hours, judged on the newest backup', () => {
    const w = backupFreshness({ backups: [backup(-100), backup(0)], now: at(25) });
    expect(w.map((x) => x.id)).toEqual(['backup-old']);
    expect(w[0]?.message).toMatch(/^The newest backup is 25 hours old/);
    expect(backupFreshness({ backups: [backup(0)], now: at(72) })[0]?.message).toMatch(/3 days old/);
    expect(backupFreshness({ backups: [backup(0)], now: at(72), ignoreAge: true })).toEqual([]);
  });

  it('source changed since: a later hash that differs, from the same server', () => {
    const later = { sha256: OTHER, at: at(2).toISOString(), from: 'the probe of MFA1', server: 'MFA1' };
    const w = backupFreshness({ backups: [backup(0)], now: at(3), observations: [later] });
    expect(w.map((x) => x.id)).toEqual(['source-changed']);
    expect(w[0]?.message).toMatch(/the probe of MFA1 at/);
    // a hash read before the backup, or on another server, says nothing about it
    expect(
      backupFreshness({
        backups: [backup(0)],
        now: at(3),
        observations: [{ ...later, at: at(-1).toISOString() }],
      }),
    ).toEqual([]);
    expect(
      backupFreshness({
        backups: [backup(0)],
        now: at(3),
        observations: [{ ...later, server: 'MFA2.corp.local' }],
      }),
    ).toEqual([]);
    expect(
      backupFreshness({
        backups: [backup(0, { server: 'mfa1.corp.local' })],
        now: at(3),
        observations: [later],
      }),
    ).toHaveLength(1);
  });

  it('taken after the update: cannot restore the old version; points at an earlier backup', () => {
    const w = backupFreshness({
      backups: [backup(-5), backup(0)],
      now: at(1),
      updateInstalledAt: at(-1).toISOString(),
    });
    expect(w.map((x) => x.id)).toEqual(['backup-after-update']);
    expect(w[0]?.message).toMatch(
      /cannot restore the old version\. Keep the earlier backup of 2026-11-25T03:00:00\.000Z/,
    );
    const byVersion = backupFreshness({ backups: [backup(0, { version: '8.1.0.1' })], now: at(1) });
    expect(byVersion[0]?.message).toMatch(/No earlier backup is recorded/);
    expect(
      backupFreshness({ backups: [backup(0)], now: at(1), updateInstalledAt: at(0.5).toISOString() }),
    ).toEqual([]);
  });

  it('isUpdatedVersion: 8.1 and later', () => {
    expect(['8.1.0.1', '8.2', '9.0'].map(isUpdatedVersion)).toEqual([true, true, true]);
    expect(['8.0.3.1', '7.3', '', null].map(isUpdatedVersion)).toEqual([false, false, false, false]);
  });
});

describe('from a migration', () => {
  const record: BackupRecord = {
    source: '/data',
    destination: '/backups/mfa-server-data-2026-11-25T08-00-00Z',
    takenAt: at(0).toISOString(),
    files: [{ name: 'PhoneFactor.pfdata', size: 10, modifiedAt: at(-1).toISOString(), sha256: HASH }],
    totalBytes: 10,
  };
  const stamp = (e: Omit<Evidence, 'at' | 'by'>): Evidence => ({ ...e, at: at(0).toISOString(), by: 'a@b' });

  function migration() {
    return newMigration({ id: 'm', name: 'M', cloud: 'global', at: at(-48).toISOString(), by: 'a@b' });
  }

  it('a local backup and a later probe that read another hash', () => {
    const m = migration();
    m.steps.backup.evidence.push(stamp(localBackupEvidence(record, { server: 'MFA1' })));
    const p = parseProbe(
      JSON.stringify({
        ...sampleProbe,
        version: '8.0.3.1',
        collectedAt: at(4).toISOString(),
        dataFile: { ...sampleProbe.dataFile, sha256: OTHER },
      }),
    );
    if (!p.ok) throw new Error(p.message);
    for (const i of probeEvidence(p.probe)) m.steps[i.step].evidence.push(stamp(i.evidence));
    expect(backupsFromEvidence(m.steps.backup.evidence)).toHaveLength(1);
    expect(updateInstalledAt(m)).toBeNull();
    expect(backupFreshnessOf(m, at(5)).map((w) => w.id)).toEqual(['source-changed']);
    expect(backupFreshnessOf(m, at(30)).map((w) => w.id)).toEqual(['backup-old', 'source-changed']);
  });

  it('the age stops mattering once the update is under way; a probe that saw 8.1 dates the update', () => {
    const m = migration();
    m.steps.backup.evidence.push(stamp(localBackupEvidence(record, { server: 'MFA1' })));
    m.steps.update.status = 'in-progress';
    expect(backupFreshnessOf(m, at(100))).toEqual([]);
    const p = parseProbe(JSON.stringify({ ...sampleProbe, collectedAt: at(-2).toISOString() }));
    if (!p.ok) throw new Error(p.message);
    m.steps.update.evidence.push(stamp(probeEvidence(p.probe)[2]!.evidence));
    expect(updateInstalledAt(m)).toBe(at(-2).toISOString());
    expect(backupFreshnessOf(m, at(1)).map((w) => w.id)).toEqual(['backup-after-update']);
  });

  it('a remote backup the admin confirmed counts like a local one', () => {
    const m = migration();
    m.steps.backup.evidence.push(
      stamp(
        remoteBackupEvidence({
          server: 'MFA1',
          destination: '\\\\filer\\mfa\\2026-11-25',
          takenAt: at(0).toISOString(),
          dataFileSha256: HASH,
        }),
      ),
    );
    expect(backupsFromEvidence(m.steps.backup.evidence)[0]).toMatchObject({
      origin: 'remote',
      dataFileSha256: HASH,
    });
    expect(backupFreshnessOf(m, at(2))).toEqual([]);
    expect(
      backupFreshnessOf(m, at(2), { sha256: OTHER, at: at(1).toISOString(), from: 'a local hash' })[0]?.id,
    ).toBe('source-changed');
  });
});
