// Step 2's backup (local copy with progress, recorded; a copy made on the server confirmed with the
// probe's hash) and the rollback restore (hash mismatch refused; the current file kept aside).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsFromEvidence } from '../../src/checks/backup-evidence.js';
import type { ServerHost } from '../../src/platform/server-host.js';
import { probeEvidence } from '../../src/probe/probe-evidence.js';
import { parseProbe } from '../../src/probe/probe-schema.js';
import type { MigrationEvent } from '../../state/events.js';
import { KEYS, type RenderedUi } from '../helpers/render.js';
import { sampleProbe } from '../helpers/sample-probe.js';
import { openPrep, tempDir } from './prep-helpers.js';
import { frameFits, see, toSection } from './step-harness.js';

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

const flat = (f: string) => f.replace(/\s+/g, ' ');
const seeText = (u: RenderedUi, text: string) => see(u, (f) => flat(f).includes(text));

async function dataFolder(dir: string, content = 'pfdata-v1'): Promise<string> {
  const data = join(dir, 'Data');
  await mkdir(data, { recursive: true });
  await writeFile(join(data, 'PhoneFactor.pfdata'), content.repeat(50_000));
  await writeFile(join(data, 'Settings'), 'settings');
  return data;
}

function probeSeed(): MigrationEvent[] {
  const parsed = parseProbe(JSON.stringify(sampleProbe));
  if (!parsed.ok) throw new Error(parsed.message);
  return probeEvidence(parsed.probe, { cloud: 'global' }).map((i) => ({
    type: 'add-evidence',
    ref: { step: i.step },
    evidence: i.evidence,
  }));
}

describe('Run backup section', () => {
  it('backs up the Data folder here, shows the result and records paths, sizes and hashes', async () => {
    const dir = await tempDir();
    await dataFolder(dir);
    const opened = openPrep({ step: 'backup' }, { cwd: dir });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Run backup');
    await seeText(ui, 'No backup is recorded');
    ui.press('n');
    await see(ui, 'Data folder to back up:');
    await ui.type('Data');
    ui.press(KEYS.enter);
    await see(ui, 'Back up into folder:');
    await ui.type('backups');
    ui.press(KEYS.enter);
    await see(ui, 'Installer of the current version');
    await ui.type('D:\\setup\\MultiFactorAuthenticationServerSetup.exe');
    ui.press(KEYS.enter);
    const frame = await seeText(ui, 'Backed up and verified 2 file(s)');
    expect(frame).toContain('Recorded backups (1)');
    expect(frameFits(frame, 80, 24)).toBeNull();
    const backups = backupsFromEvidence(opened.probe.migration().steps.backup?.evidence ?? []);
    expect(backups).toHaveLength(1);
    const b = backups[0]!;
    expect(b).toMatchObject({
      origin: 'local',
      server: 'jump01',
      installer: 'D:\\setup\\MultiFactorAuthenticationServerSetup.exe',
    });
    expect(b.files.map((f) => f.name).sort()).toEqual(['PhoneFactor.pfdata', 'Settings']);
    const copied = await readFile(join(b.destination, 'PhoneFactor.pfdata'), 'utf8');
    expect(copied).toBe('pfdata-v1'.repeat(50_000));

    // the source is compared with the newest backup: unchanged, then changed (with the reason)
    ui.press('c');
    await see(ui, 'Compare the data file in folder:');
    ui.press(KEYS.enter);
    await seeText(ui, 'is unchanged since the newest backup.');
    await writeFile(join(dir, 'Data', 'PhoneFactor.pfdata'), 'changed');
    ui.press('c');
    await see(ui, 'Compare the data file in folder:');
    ui.press(KEYS.enter);
    const changed = await seeText(ui, 'PhoneFactor.pfdata changed since the newest backup (the hash of');
    expect(flat(changed)).toMatch(/Data changed since the newest backup\./);
  });

  it('says why a Data folder cannot be backed up, in one line, and records nothing', async () => {
    const dir = await tempDir();
    const opened = openPrep({ step: 'backup' }, { cwd: dir });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Run backup');
    ui.press('n');
    await see(ui, 'Data folder to back up:');
    await ui.type('nowhere');
    ui.press(KEYS.enter);
    await see(ui, 'Back up into folder:');
    await ui.type('backups');
    ui.press(KEYS.enter);
    await see(ui, 'Installer of the current version');
    ui.press(KEYS.enter);
    await seeText(ui, 'Cannot read the Data folder');
    expect(opened.probe.migration().steps.backup?.evidence ?? []).toHaveLength(0);
  });

  it('from a jump host records where the copy went with the probe hash after y', async () => {
    const dir = await tempDir();
    const opened = openPrep({ step: 'backup' }, { cwd: dir, seed: probeSeed() });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Run backup');
    ui.press('m');
    await see(ui, 'Server the copy was made on: MFA1');
    ui.press(KEYS.enter);
    await see(ui, 'Where did the copy go?');
    await ui.type('\\\\backup01\\mfa');
    ui.press(KEYS.enter);
    await seeText(ui, `its data file has the probe's SHA-256 ${'a'.repeat(64)}`);
    await see(ui, 'Record this copy as the backup?');
    ui.press('y');
    await seeText(ui, 'Recorded the copy on MFA1');
    const b = backupsFromEvidence(opened.probe.migration().steps.backup?.evidence ?? [])[0];
    expect(b).toMatchObject({
      origin: 'remote',
      server: 'MFA1',
      destination: '\\\\backup01\\mfa',
      dataFileSha256: 'a'.repeat(64),
    });
  });
});

describe('Restore section (rollback)', () => {
  async function backedUp(host?: ServerHost) {
    const dir = await tempDir();
    const data = await dataFolder(dir, 'before-update');
    const first = openPrep({ step: 'backup' }, { cwd: dir });
    let u = first.ui;
    await see(u, '[What & why]');
    await toSection(u, 'Run backup');
    u.press('n');
    await see(u, 'Data folder to back up:');
    await u.type('Data');
    u.press(KEYS.enter);
    await see(u, 'Back up into folder:');
    await u.type('backups');
    u.press(KEYS.enter);
    await see(u, 'Installer of the current version');
    u.press(KEYS.enter);
    await seeText(u, 'Backed up and verified');
    u.unmount();
    const evidence = first.probe.migration().steps.backup?.evidence ?? [];
    const seed: MigrationEvent[] = evidence.map((e) => ({
      type: 'add-evidence',
      ref: { step: 'backup' },
      evidence: { id: e.id, kind: e.kind, label: e.label, value: e.value, data: e.data },
    }));
    const backup = backupsFromEvidence(evidence)[0]!;
    // the live file changes after the backup (the update ran)
    await writeFile(join(data, 'PhoneFactor.pfdata'), 'after-update');
    const opened = openPrep({ step: 'rb-restore' }, { cwd: dir, seed, ...(host ? { host } : {}) });
    u = opened.ui;
    await see(u, '[What & why]');
    await toSection(u, 'Restore');
    await seeText(u, 'Backup 1 of 1');
    return { dir, data, backup, opened, u };
  }

  it('refuses a backup whose hash no longer matches and changes nothing', async () => {
    const { data, backup, opened, u } = await backedUp();
    ui = u;
    await writeFile(join(backup.destination, 'PhoneFactor.pfdata'), 'tampered');
    u.press('t');
    await see(u, 'Restore into the Data folder:');
    u.press(KEYS.enter);
    await seeText(u, 'Is MultiFactorAuth stopped on jump01?');
    u.press('y');
    await seeText(u, 'Refused:');
    expect(await readFile(join(data, 'PhoneFactor.pfdata'), 'utf8')).toBe('after-update');
    expect(opened.probe.migration().steps['rb-restore']?.evidence ?? []).toHaveLength(0);
  });

  it('on the MFA Server, refuses while the MultiFactorAuth service runs', async () => {
    const host: ServerHost = {
      canInspect: true,
      serviceState: async () => 'running',
      registryValue: async () => null,
    };
    const { data, opened, u } = await backedUp(host);
    ui = u;
    u.press('t');
    await see(u, 'Restore into the Data folder:');
    u.press(KEYS.enter);
    await see(u, 'Restore now?');
    u.press('y');
    await seeText(
      u,
      'The MultiFactorAuth service is running. Stop it first (net stop MultiFactorAuth), then restore.',
    );
    expect(await readFile(join(data, 'PhoneFactor.pfdata'), 'utf8')).toBe('after-update');
    expect(opened.probe.migration().steps['rb-restore']?.evidence ?? []).toHaveLength(0);
  });

  it('restores after y, keeps the current file aside and records it', async () => {
    const { data, opened, u } = await backedUp();
    ui = u;
    u.press('t');
    await see(u, 'Restore into the Data folder:');
    u.press(KEYS.enter);
    await seeText(u, 'Is MultiFactorAuth stopped');
    u.press('y');
    const frame = await seeText(u, 'Restored and verified');
    expect(frameFits(frame, 80, 24)).toBeNull();
    expect(await readFile(join(data, 'PhoneFactor.pfdata'), 'utf8')).toBe('before-update'.repeat(50_000));
    const aside = (await readdir(data)).filter((n) => n.startsWith('PhoneFactor.pfdata.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(data, aside[0]!), 'utf8')).toBe('after-update');
    const ev = opened.probe.migration().steps['rb-restore']?.evidence ?? [];
    expect(ev).toHaveLength(1);
    expect(ev[0]?.kind).toBe('file-hash');
  });
});
