// The Graph checks of step 1 (methods policy) and step 4 (Migration Utility app) through the real
// client against the emulator; offline they say how to go on. Step 3's typed versions.
import { afterEach, describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { PHONEFACTOR_KEY, type ServerHost } from '../../src/platform/server-host.js';
import { probeEvidence } from '../../src/probe/probe-evidence.js';
import { parseProbe } from '../../src/probe/probe-schema.js';
import type { MigrationEvent } from '../../state/events.js';
import { newMigration } from '../../state/new-migration.js';
import { type Harness, startHarness } from '../graph/graph-harness.js';
import { KEYS, type RenderedUi } from '../helpers/render.js';
import { sampleProbe } from '../helpers/sample-probe.js';
import { openPrep, tempDir } from './prep-helpers.js';
import { frameFits, see, toSection } from './step-harness.js';

let ui: RenderedUi | undefined;
let h: Harness | undefined;
afterEach(async () => {
  ui?.unmount();
  ui = undefined;
  await h?.close();
  h = undefined;
});

const flat = (f: string) => f.replace(/\s+/g, ' ');
const seeText = (u: RenderedUi, text: string) => see(u, (f) => flat(f).includes(text));

function usingVoice(): MigrationEvent[] {
  const m = newMigration({ id: 'x', name: 'X', cloud: 'global', at: '2026-11-25T10:00:00Z', by: 'a@b' });
  const row = m.inventory.methods.find((r) => r.id === 'method.phone-call-standard');
  if (!row) throw new Error('catalogue row missing');
  return [{ type: 'upsert-inventory-row', table: 'methods', row: { ...row, inUse: 'yes' } }];
}

function probeSeed(registry: Partial<(typeof sampleProbe)['registry']> = {}): MigrationEvent[] {
  const parsed = parseProbe(
    JSON.stringify({ ...sampleProbe, registry: { ...sampleProbe.registry, ...registry } }),
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return probeEvidence(parsed.probe, { cloud: 'global' }).map((i) => ({
    type: 'add-evidence',
    ref: { step: i.step },
    evidence: i.evidence,
  }));
}

describe('Graph check (step 1)', () => {
  it('lists what to enable and records the read', async () => {
    h = await startHarness({ tenant: generateTenant({ users: 20, seed: 4 }) });
    const opened = openPrep(
      { step: 'inventory' },
      { cwd: await tempDir(), seed: usingVoice(), graph: h.graph },
    );
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Graph check');
    ui.press('c');
    const frame = await seeText(ui, 'Recorded the read of');
    expect(flat(frame)).toContain('FIX Voice call: disabled');
    expect(frame).toContain('To enable:');
    expect(frameFits(frame, 80, 24)).toBeNull();
    const ev = opened.probe.migration().steps.inventory?.evidence ?? [];
    expect(ev.map((e) => e.kind)).toEqual(['graph-read']);
    expect(ev[0]?.label).toBe('Authentication methods policy read');
  });

  it('with extensions marked yes, voice without office phones needs action', async () => {
    h = await startHarness({
      tenant: generateTenant({ users: 20, seed: 4, methodConfigurations: { Voice: { state: 'enabled' } } }),
    });
    const opened = openPrep(
      { step: 'inventory' },
      { cwd: await tempDir(), seed: usingVoice(), graph: h.graph },
    );
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Graph check');
    ui.press('c');
    let frame = await seeText(ui, 'Every method in use is enabled and targets users.');
    ui.press('x');
    await see(ui, 'Users with phone extensions: yes');
    ui.press('c');
    frame = await seeText(ui, 'method(s) need action in Entra.');
    expect(flat(frame)).toMatch(/To enable: - .*office phones/);
  });

  it('offline: says to sign in or record by hand, and records nothing', async () => {
    const opened = openPrep({ step: 'inventory' }, { cwd: await tempDir(), seed: usingVoice() });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Graph check');
    ui.press('c');
    await seeText(ui, 'offline: sign in (g) or record the result by hand');
    expect(opened.probe.migration().steps.inventory?.evidence ?? []).toHaveLength(0);
  });
});

describe('Utility check (step 4)', () => {
  it('shows the endpoints and script, compares the probe, and names missing consent with the URL', async () => {
    const tenant = generateTenant({
      users: 20,
      seed: 5,
      utilityConsent: 'partial',
      certificateExpiresInDays: 10,
    });
    h = await startHarness({ tenant });
    const opened = openPrep(
      { step: 'utility' },
      { cwd: await tempDir(), seed: probeSeed({ GraphUrl: 'https://graph.microsoft.us' }), graph: h.graph },
    );
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Utility check');
    let frame = await seeText(ui, 'Configure-MultiFactorAuthMigrationUtility.ps1');
    expect(flat(frame)).toContain(
      'Cloud global: StsUrl https://login.microsoftonline.com, GraphUrl https://graph.microsoft.com',
    );
    expect(flat(frame)).toContain('MFA1: registry values differ');
    ui.press('c');
    frame = await seeText(ui, 'Recorded the read of');
    expect(flat(frame)).toContain('The Migration Utility app needs action');
    expect(frameFits(frame, 80, 24)).toBeNull();
    const ev = opened.probe.migration().steps.utility?.evidence.find((e) => e.kind === 'graph-read');
    expect(ev?.label).toBe('MFA Server Migration Utility app registration and consent');
    const data = ev?.data as { consentMissing: string[]; consentUrl: string; findings: string[] };
    expect(data.consentMissing.length).toBeGreaterThan(0);
    expect(data.findings.some((f) => /expires in \d+ days/.test(f))).toBe(true);
    // the findings are in the panel: scroll down to the consent URL
    for (let i = 0; i < 20 && !flat(ui.lastFrame()).includes('adminconsent?client_id='); i++) {
      const before = ui.lastFrame();
      ui.press(KEYS.down);
      await see(ui, (f) => f !== before);
    }
    expect(flat(ui.lastFrame())).toContain('adminconsent?client_id=');
    expect(flat(ui.frames.join('\n'))).toContain('! consent missing:');
  });

  it('offline: the endpoints still show; the app check says to sign in', async () => {
    const opened = openPrep({ step: 'utility' }, { cwd: await tempDir(), seed: probeSeed() });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Utility check');
    await seeText(ui, 'MFA1: registry values match the cloud');
    ui.press('c');
    await seeText(ui, 'offline: sign in (g)');
  });
});

describe('Utility registry read here (on the MFA Server)', () => {
  it('reads StsUrl / GraphUrl through the server host and compares them with the cloud', async () => {
    const reads: string[] = [];
    const host: ServerHost = {
      canInspect: true,
      serviceState: async () => 'running',
      registryValue: async (key, name) => {
        reads.push(`${key}\\${name}`);
        return name === 'StsUrl' ? 'https://login.microsoftonline.com' : null;
      },
    };
    const opened = openPrep({ step: 'utility' }, { cwd: await tempDir(), host });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Utility check');
    await see(ui, 'l read the registry here');
    ui.press('l');
    const frame = await seeText(ui, 'Read the registry of jump01');
    expect(flat(frame)).toContain('jump01: registry values differ');
    expect(flat(frame)).toContain('GraphUrl is not set');
    expect(reads).toEqual([`${PHONEFACTOR_KEY}\\StsUrl`, `${PHONEFACTOR_KEY}\\GraphUrl`]);
    const ev = opened.probe.migration().steps.utility?.evidence ?? [];
    expect(ev.map((e) => e.label)).toEqual(['Migration Utility registry values on jump01 (read here)']);
  });
});

describe('Versions (step 3)', () => {
  it('shows the probe version as after, and records a typed version before', async () => {
    const opened = openPrep({ step: 'update' }, { cwd: await tempDir(), seed: probeSeed() });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Versions');
    await seeText(ui, 'MFA1: before not recorded after 8.1.0.1 (probe)');
    ui.press('o');
    await see(ui, 'Server (version before): MFA1');
    ui.press(KEYS.enter);
    await see(ui, 'Version before the update on MFA1:');
    await ui.type('8');
    ui.press(KEYS.enter);
    await seeText(ui, 'A version looks like');
    await ui.type('.0.3.2');
    ui.press(KEYS.enter);
    await seeText(ui, 'MFA1: before 8.0.3.2 (typed) after 8.1.0.1 (probe)');
    const ev = opened.probe.migration().steps.update?.evidence.filter((e) => e.kind === 'version') ?? [];
    expect(ev.map((e) => e.value).sort()).toEqual(['8.0.3.2', '8.1.0.1']);
  });
});
