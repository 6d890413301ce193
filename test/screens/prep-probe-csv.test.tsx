// Step 1's Probe and CSV sections with real files: save the script, import a probe (valid, invalid,
// again), CSV with bad rows applied only after y, export.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { remoteHost } from '../../src/platform/server-host.js';
import { probeScript } from '../../src/probe/probe-script.js';
import { createPrepServices } from '../../src/services/prep-services.js';
import { KEYS, type RenderedUi } from '../helpers/render.js';
import { sampleProbe } from '../helpers/sample-probe.js';
import { openPrep, tempDir } from './prep-helpers.js';
import { frameFits, see, toSection } from './step-harness.js';

/** The frame with wrapped lines joined, for sentences the panel may wrap. */
const flat = (f: string) => f.replace(/\s+/g, ' ');
const seeText = (u: RenderedUi, text: string) => see(u, (f) => flat(f).includes(text));

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

describe('Probe section', () => {
  it('saves the script, imports a probe onto four steps, refuses a bad file, and lists the server', async () => {
    const dir = await tempDir();
    const opened = openPrep({ step: 'inventory' }, { cwd: dir });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Probe');
    await see(ui, 'none yet');
    ui.press('w');
    await see(ui, 'Save the probe script to:');
    ui.press(KEYS.enter);
    await see(ui, 'Saved the probe to');
    expect(await readFile(join(dir, 'mfa-migrate-probe.ps1'), 'utf8')).toBe(probeScript());
    await see(ui, 'powershell -NoProfile');

    await writeFile(join(dir, 'bad.json'), '{"probe":"mfa-migrate","probeVersion":0}');
    ui.press('p');
    await see(ui, 'Probe output (JSON file):');
    await ui.type('bad.json');
    ui.press(KEYS.enter);
    await see(ui, /bad\.json: This probe output is version 0/);
    expect(opened.probe.migration().steps.inventory?.evidence ?? []).toHaveLength(0);

    await writeFile(join(dir, 'probe-MFA1.json'), `\uFEFF${JSON.stringify(sampleProbe)}`);
    ui.press('p');
    await see(ui, 'Probe output (JSON file):');
    await ui.type('probe-MFA1.json');
    ui.press(KEYS.enter);
    const frame = await seeText(ui, 'Probe of MFA1 recorded on inventory, backup, update, utility.');
    expect(frame).toContain('  MFA1: version 8.1.0.1, port 4443, data aaaaaaaaaaaa… (2026-11-25T10:00)');
    // one server only: the HA warning comes from the probe facts
    expect(frame).toContain('High availability');
    expect(frameFits(frame, 80, 24)).toBeNull();
    const m = opened.probe.migration();
    for (const step of ['inventory', 'backup', 'update', 'utility'] as const) {
      expect(m.steps[step]?.evidence.length, step).toBe(1);
    }

    ui.press('p');
    await see(ui, 'Probe output (JSON file):');
    await ui.type('probe-MFA1.json');
    ui.press(KEYS.enter);
    await seeText(ui, 'already imported');
    expect(opened.probe.migration().steps.inventory?.evidence).toHaveLength(1);
    expect(opened.probe.refusals).toHaveLength(0);
  });

  it('says what is missing when the wizard gave no services', async () => {
    const dir = await tempDir();
    ui = openPrep({ step: 'inventory' }, { cwd: dir, services: null }).ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Probe');
    await see(ui, 'Not available here: the MFA Server probe (run from the wizard)');
  });
});

describe('CSV section', () => {
  it('shows bad rows with line numbers, applies nothing until y, then exports Excel-safe', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'servers.csv'),
      [
        'id,name,role,membership,replication_port,hosts,notes',
        'srv1,MFA1,primary,domain-joined,4443,,',
        'srv2,MFA2,subordinate,domain-joined,notaport,,',
        'srv3,MFA3,subordinate,domain-joined,4443,,=cmd()',
      ].join('\r\n'),
    );
    const opened = openPrep({ step: 'inventory' }, { cwd: dir });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'CSV');
    await see(ui, '[MFA methods]');
    for (let i = 0; i < 3; i++) {
      const before = ui.lastFrame();
      ui.press(KEYS.right);
      await see(ui, (f) => f !== before);
    }
    await see(ui, '[MFA Servers]');
    ui.press('l');
    await see(ui, 'Import MFA Servers from:');
    await ui.type('servers.csv');
    ui.press(KEYS.enter);
    const frame = await see(ui, 'line 3:');
    expect(flat(frame)).toContain('1 bad row, 2 good. Nothing imported yet.');
    expect(frame).toContain('Skip the 1 bad row(s) and import the 2 good one(s)?');
    expect(opened.probe.migration().inventory.servers).toHaveLength(0);
    ui.press('n');
    await seeText(ui, 'Nothing was imported.');
    expect(opened.probe.migration().inventory.servers).toHaveLength(0);

    ui.press('l');
    await see(ui, 'Import MFA Servers from:');
    await ui.type('servers.csv');
    ui.press(KEYS.enter);
    await see(ui, 'Skip the 1 bad row(s)');
    ui.press('y');
    await seeText(
      ui,
      'Imported 2 MFA Servers rows from servers.csv (2 new, 0 replaced by id); skipped 1 bad row(s).',
    );
    expect(opened.probe.migration().inventory.servers.map((s) => s.name)).toEqual(['MFA1', 'MFA3']);

    ui.press('e');
    await see(ui, 'Export MFA Servers to:');
    ui.press(KEYS.enter);
    await see(ui, /Exported 2 MFA Servers rows to .*inventory-servers\.csv/);
    const out = await readFile(join(dir, 'inventory-servers.csv'), 'utf8');
    expect(out).toContain('MFA3');
    expect(out).toContain("'=cmd()");
    expect(frameFits(ui.lastFrame(), 80, 24)).toBeNull();
  });
});

describe('Probe this machine (Windows)', () => {
  it('runs the probe script through PowerShell here and records what it printed', async () => {
    const dir = await tempDir();
    const scripts: string[] = [];
    const services = createPrepServices({
      graph: () => undefined,
      host: remoteHost,
      now: () => new Date('2026-11-25T12:00:00Z'),
      cwd: dir,
      platform: 'win32',
      machine: 'MFA1',
      runPowerShell: async (script) => {
        scripts.push(script);
        return JSON.stringify(sampleProbe);
      },
    });
    const opened = openPrep({ step: 'inventory' }, { cwd: dir, services });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Probe');
    await see(ui, 'h probe this machine');
    ui.press('h');
    await seeText(ui, 'Probe of MFA1 recorded on inventory, backup, update, utility.');
    expect(scripts).toEqual([probeScript()]);
  });
});
