// The Preparations services on real files: paths relative to the wizard's directory, one-line
// errors, offline Graph checks answer null, and the default Data folder per platform.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { remoteHost } from '../../src/platform/server-host.js';
import { createPrepServices, defaultDataFolderFor } from '../../src/services/prep-services.js';
import { newMigration } from '../../state/new-migration.js';
import { sampleProbe } from '../helpers/sample-probe.js';
import { tempDir } from '../screens/prep-helpers.js';

function services(cwd: string) {
  return createPrepServices({
    graph: () => undefined,
    host: remoteHost,
    now: () => new Date('2026-11-25T12:00:00Z'),
    cwd,
    platform: 'linux',
    machine: 'jump01',
  });
}

describe('prep services', () => {
  it('the Data folder is known on Windows only', () => {
    expect(defaultDataFolderFor('win32', 'D:\\Program Files')).toBe(
      'D:\\Program Files\\Multi-Factor Authentication Server\\Data',
    );
    expect(defaultDataFolderFor('linux')).toBeNull();
    expect(services('/tmp').defaultDataFolder).toBeNull();
    expect(services('/tmp').onServer).toBe(false);
  });

  it('off Windows the probe cannot run here, and says where to run it', async () => {
    const s = services('/tmp');
    expect(s.canProbeHere).toBe(false);
    expect(await s.probeHere()).toEqual({
      ok: false,
      message: 'The probe runs on Windows only: run it on the MFA Server and import its output.',
    });
  });

  it('saves the probe relative to the wizard directory and reads a UTF-16 probe back', async () => {
    const dir = await tempDir();
    const s = services(dir);
    const saved = await s.saveProbeScript('probe.ps1');
    expect(saved).toBe(join(dir, 'probe.ps1'));
    expect(await readFile(saved, 'utf8')).toContain('mfa-migrate');
    // a typed path never replaces an existing file
    await expect(s.saveProbeScript('probe.ps1')).rejects.toThrow(/already exists and was left as it is/);
    expect(s.probeRunLine(saved)).toBe(
      'powershell -NoProfile -ExecutionPolicy Bypass -File .\\probe.ps1 > probe-%COMPUTERNAME%.json',
    );
    // PowerShell's > writes UTF-16LE with a BOM
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(JSON.stringify(sampleProbe), 'utf16le'),
    ]);
    await writeFile(join(dir, 'p.json'), utf16);
    const r = await s.readProbe('p.json');
    expect(r.ok && r.probe.server.name).toBe('MFA1');
  });

  it('a missing file is one line naming the path and the code', async () => {
    const dir = await tempDir();
    await expect(services(dir).readProbe('nope.json')).rejects.toThrow(
      new RegExp(
        `^Cannot read the probe output ${join(dir, 'nope.json').replace(/[/\\.]/g, '\\$&')} \\(ENOENT\\)\\. Check the path and permissions\\.$`,
      ),
    );
    await expect(
      services(dir).writeInventoryCsv('servers', [], join(dir, 'no', 'such', 'x.csv')),
    ).rejects.toThrow(/^Cannot write the CSV file .* \(ENOENT\)/);
  });

  it('offline, the Graph checks answer null instead of failing', async () => {
    const s = services('/tmp');
    const m = newMigration({ id: 'm', name: 'M', cloud: 'global', at: '2026-11-25T10:00:00Z', by: 'a@b' });
    expect(s.checkMethodsPolicy(m.inventory)).toBeNull();
    expect(s.checkUtilityApp({ cloud: 'global' })).toBeNull();
  });

  it('imports a CSV with a BOM and reports bad rows by line', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 's.csv'),
      '\uFEFFid,name,role,membership,replication_port,hosts,notes\nsrv1,MFA1,primary,standalone,,,\nsrv2,,primary,standalone,,,\n',
    );
    const r = await services(dir).readInventoryCsv('servers', 's.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => x.name)).toEqual(['MFA1']);
    expect(r.errors).toEqual([{ line: 3, message: expect.stringMatching(/name/) }]);
  });
});
