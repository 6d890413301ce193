// Step 8 coverage, step 10 federation and the rollback sections, against the real emulator over HTTP
// (real Graph client, fake TokenCredential) through the real tenant services on temp folders.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StepView } from '../../screens/step-view.js';
import { TenantServicesContext } from '../../screens/use-tenant-services.js';
import type { FaultOptions } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import type { GeneratedTenant } from '../../src/emulator/tenant-types.js';
import type { ServerHost } from '../../src/platform/server-host.js';
import { createTenantServices, type TenantServices } from '../../src/services/tenant-services.js';
import type { MigrationEvent } from '../../state/events.js';
import type { StepRef } from '../../state/model.js';
import { reduce } from '../../state/reducer.js';
import { ALL_DELEGATED, type Harness as GraphHarness, startHarness } from '../graph/graph-harness.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import {
  BY,
  frameFits,
  Harness,
  newProbe,
  type Probe,
  see,
  seededRoot,
  T0,
  toSection,
} from './step-harness.js';

let ui: RenderedUi | undefined;
let h: GraphHarness | undefined;
afterEach(async () => {
  ui?.unmount();
  ui = undefined;
  await h?.close();
  h = undefined;
});

const WAVE: MigrationEvent[] = [
  { type: 'add-wave', id: 'w1', name: 'Pilot' },
  {
    type: 'set-wave-groups',
    waveId: 'w1',
    migrationGroups: [{ name: 'MFA Migration - Wave 1' }],
    rolloutGroups: [{ name: 'MFA Rollout - Wave 1' }],
  },
  { type: 'set-wave-counts', waveId: 'w1', members: 5, migrated: 5 },
];

interface Setup {
  tenant: GeneratedTenant;
  services: TenantServices;
  probe: Probe;
}

// Step 10 started with both of its guards overridden: the tenant section plans only then.
const STEP10_STARTED: MigrationEvent[] = [
  {
    type: 'set-step-status',
    ref: { step: 'federation' },
    status: 'in-progress',
    override: [
      { guard: 'federation-needs-users', reason: 'test tenant: exceptions on file' },
      { guard: 'federation-needs-dependencies', reason: 'test tenant: no dependencies' },
    ],
  },
];

async function setup(
  opts: { faults?: FaultOptions; scp?: string; seed?: MigrationEvent[] } = {},
): Promise<Setup> {
  const tenant = generateTenant({ users: 120, seed: 5 });
  h = await startHarness({
    tenant,
    ...(opts.faults ? { faults: opts.faults } : {}),
    ...(opts.scp ? { scp: opts.scp } : {}),
  });
  const graph = h.graph;
  // the migration's folder is where the harness's client writes its audit log
  const dir = path.dirname(h.auditFile);
  const services = createTenantServices({
    graph: () => graph,
    migrationDir: () => dir,
    now: () => new Date(),
    actor: 'tester@test',
  });
  return { tenant, services, probe: newProbe(seededRoot([...WAVE, ...(opts.seed ?? [])])) };
}

function show(s: Setup, stepRef: StepRef) {
  ui?.unmount();
  ui = renderUi(
    <Harness probe={s.probe}>
      <TenantServicesContext.Provider value={s.services}>
        <StepView stepRef={stepRef} onBack={() => {}} />
      </TenantServicesContext.Provider>
    </Harness>,
    { columns: 80, rows: 24 },
  );
  return ui;
}

const patches = () => h?.emu.requestLog.filter((r) => r.method === 'PATCH') ?? [];

describe('Federation (step 10)', () => {
  it('plans nothing until step 10 is started, where its guards stand', async () => {
    const s = await setup();
    const ui = show(s, { step: 'federation' });
    await toSection(ui, 'Tenant');
    ui.press('l');
    await see(ui, 'fabrikam.com: enforceMfaByFederatedIdp');
    ui.press(KEYS.down);
    await see(ui, /[›>] [☑☐[\] x]+ fabrikam\.com/);
    ui.press(' ');
    ui.press('p');
    await see(ui, 'Start step 10 first');
    expect(patches()).toEqual([]);
  });

  it('lists domains, plans, refuses a wrong typed name, applies with the right one, reads back and records', async () => {
    const s = await setup({ seed: STEP10_STARTED });
    const ui = show(s, { step: 'federation' });
    await toSection(ui, 'Tenant');
    ui.press('l');
    let frame = await see(ui, 'fabrikam.com: enforceMfaByFederatedIdp');
    expect(frame).toContain('contoso.com: not set: SupportsMfa governs');
    expect(frame).toMatch(/Conditional Access requiring MFA: 1 enabled/);
    expect(frameFits(frame, 80, 24)).toBeNull();
    ui.press(KEYS.down);
    await see(ui, /[›>] [☑☐[\] x]+ fabrikam\.com/);
    ui.press(' ');
    ui.press('p');
    frame = await see(ui, 'Will set fabrikam.com: enforceMfaByFederatedIdp -> rejectMfaByFederatedIdp');
    expect(frame).toMatch(/24 hours/);
    ui.press('a');
    await see(ui, 'Type fabrikam.com to confirm');
    await ui.type('fabrikam');
    ui.press(KEYS.enter);
    await see(ui, 'That is not "fabrikam.com"');
    ui.press(KEYS.escape);
    await see(ui, (f) => !f.includes('Type fabrikam.com'));
    expect(patches()).toEqual([]);
    ui.press('a');
    await see(ui, 'Type fabrikam.com to confirm');
    await ui.type('fabrikam.com');
    ui.press(KEYS.enter);
    frame = await see(ui, 'fabrikam.com is now rejectMfaByFederatedIdp (read back)');
    expect(frame).toMatch(/reaches every\s+sign-in by\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(patches()).toHaveLength(1);
    const m = s.probe.migration();
    expect(m.federationChanges.map((c) => [c.domain, c.from, c.to])).toEqual([
      ['fabrikam.com', 'enforceMfaByFederatedIdp', 'rejectMfaByFederatedIdp'],
    ]);
    expect(m.steps.federation?.evidence.at(-1)?.label).toBe(
      'federatedIdpMfaBehavior of fabrikam.com (read back)',
    );
  });

  it('needs an attestation where the value was never set, then warns the first write cannot be undone', async () => {
    const s = await setup({
      seed: [
        ...STEP10_STARTED,
        {
          type: 'upsert-inventory-row',
          table: 'services',
          row: {
            id: 'vpn',
            kind: 'radius',
            name: 'VPN concentrator',
            host: 'vpn01',
            disposition: 'nps-extension',
            status: 'in-progress',
            notes: '',
          },
        },
      ],
    });
    const ui = show(s, { step: 'federation' });
    await toSection(ui, 'Tenant');
    ui.press('l');
    await see(ui, 'contoso.com: not set');
    expect(ui.lastFrame()).toMatch(/1 RADIUS client\(s\) not done in step 9/);
    ui.press(' ');
    ui.press('p');
    await see(ui, /Record how MFA was\s+enforced first|Record how MFA was enforced/);
    ui.press('t');
    await see(ui, 'How was MFA enforced for contoso.com?');
    await ui.type('AD FS claim rule with the MFA Server adapter');
    ui.press(KEYS.enter);
    await see(ui, 'contoso.com: not set (attested)');
    ui.press('p');
    const frame = await see(ui, 'Will set contoso.com: not set -> rejectMfaByFederatedIdp');
    expect(frame).toMatch(/can never be undone/);
    expect(s.probe.migration().steps.federation?.evidence.at(-1)?.value).toBe(
      'AD FS claim rule with the MFA Server adapter',
    );
  });

  it('names the missing Directory.AccessAsUser.All consent when Graph refuses the change', async () => {
    const s = await setup({
      seed: STEP10_STARTED,
      faults: { federationPatchNeedsAccessAsUser: true },
      scp: ALL_DELEGATED.split(' ')
        .filter((x) => x !== 'Directory.AccessAsUser.All')
        .join(' '),
    });
    const ui = show(s, { step: 'federation' });
    await toSection(ui, 'Tenant');
    ui.press('l');
    await see(ui, 'fabrikam.com: enforce');
    ui.press(KEYS.down);
    await see(ui, /[›>] \S+ fabrikam/);
    ui.press(' ');
    ui.press('p');
    await see(ui, 'Will set fabrikam.com');
    ui.press('a');
    await see(ui, 'Type fabrikam.com to confirm');
    await ui.type('fabrikam.com');
    ui.press(KEYS.enter);
    const frame = await see(ui, 'Directory.AccessAsUser.All');
    expect(frame).toContain('(403)');
    expect(frameFits(frame, 80, 24)).toBeNull();
    expect(s.probe.migration().federationChanges).toEqual([]);
  });
});

describe('Coverage (step 8)', () => {
  it('adds up the verification results of every wave from the wave files', async () => {
    const s = await setup();
    const m = s.probe.migration();
    const wave = m.waves[0];
    if (!wave) throw new Error('no wave');
    const r = await s.services.resolveGroup(wave.migrationGroups[0] ?? {});
    if (r.kind !== 'found') throw new Error('group not found');
    const listed = await s.services.enumerateMembers(m.id, 'w1', r.group, {});
    const ids = s.tenant
      .transitiveMembers(s.tenant.wellKnown.migrationGroupId)
      .filter((x): x is number => typeof x === 'number')
      .map((i) => s.tenant.userAt(i)?.id ?? '');
    s.tenant.migrateUsers(ids.slice(0, 3));
    const v = await s.services.verify(m.id, 'w1', {});
    const ui = show(s, { step: 'complete' });
    await toSection(ui, 'Coverage');
    const frame = await see(ui, 'All waves:');
    expect(frame).toContain(`${v.coverage.migrated} of ${listed.totals.users} migrated`);
    expect(frame).toMatch(/Pilot\s+\d+\s+\d+/);
    expect(frame).toMatch(/user\(s\) not migrated; 0 exception\(s\) recorded/);
    const left = listed.totals.users - v.coverage.migrated;
    expect(frame).toContain(`Not migrated, no exception (${left})`);
    expect(frameFits(frame, 80, 24)).toBeNull();
    // an exception with a reason takes a user off the list
    ui.press('x');
    await see(ui, /Exception for \S+: why\?/);
    await ui.type('left the company, account disabled');
    ui.press(KEYS.enter);
    await see(ui, `Not migrated, no exception (${left - 1})`);
    expect(s.probe.migration().exceptions).toHaveLength(1);
    ui.press('e');
    await see(ui, 'Coverage recorded as evidence');
    expect(s.probe.migration().steps.complete?.evidence.at(-1)?.label).toBe('Coverage over all waves');
  });
});

describe('Rollback', () => {
  it('shows the warning first, removes only the group the wizard added, and sets back only the changed domain', async () => {
    const s = await setup();
    const m = s.probe.migration();
    const wave = m.waves[0];
    if (!wave) throw new Error('no wave');
    // what the wizard did earlier: the wave's group into staged rollout, fabrikam.com's federation
    const planned = await s.services.planRollout(m, wave);
    expect((await s.services.applyRollout(planned)).allConfirmed).toBe(true);
    const fed = await s.services.planFederation(['fabrikam.com'], {
      caGateOverridden: false,
      attestations: {},
    });
    const change = fed.plan.changes[0];
    if (!change) throw new Error('no change');
    const applied = await s.services.applyFederation(change, 'fabrikam.com');
    if (!applied.ok) throw new Error(applied.message);
    const rec = reduce(s.probe.state, {
      type: 'record-federation-change',
      domain: 'fabrikam.com',
      from: applied.change.from,
      to: applied.change.to,
      at: T0,
      by: BY,
    });
    if (!rec.ok) throw new Error(rec.refusal.message);
    s.probe.state = rec.state;
    // what someone else did in the portal: another group in the policy
    const policy = s.tenant.rolloutPolicies.find((p) => p.feature === 'multiFactorAuthentication');
    policy?.appliesTo.push(s.tenant.wellKnown.pilotGroupId);

    let ui = show(s, { step: 'rb-staged-rollout' });
    await toSection(ui, 'Tenant');
    let frame = await see(ui, /\[safe\] Remove MFA Rollout - Wave 1 from staged rollout/);
    const lines = frame.split('\n');
    const warnAt = lines.findIndex((l) => l.includes('2024-09-30'));
    const itemAt = lines.findIndex((l) => l.includes('[safe]'));
    expect(warnAt).toBeGreaterThan(-1);
    expect(warnAt).toBeLessThan(itemAt);
    expect(frame).toContain('[safe] Turn off the staged rollout policy');
    expect(frameFits(frame, 80, 24)).toBeNull();
    ui.press(KEYS.enter);
    await see(ui, /Remove MFA Rollout - Wave 1 from staged rollout\?/);
    ui.press('y');
    frame = await see(ui, 'Applied and read back; recorded.');
    expect(policy?.appliesTo).toEqual([s.tenant.wellKnown.pilotGroupId]);

    ui = show(s, { step: 'rb-federation' });
    await toSection(ui, 'Tenant');
    await see(ui, /\[full\] Set enforceMfaByFederatedIdp on fabrikam\.com/);
    ui.press(KEYS.enter);
    await see(ui, 'Read the domains to set back');
    ui.press('y');
    await see(ui, 'Type fabrikam.com to confirm');
    await ui.type('fabrikam.com');
    ui.press(KEYS.enter);
    await see(ui, 'fabrikam.com is enforceMfaByFederatedIdp again (read back)');
    expect(s.tenant.domains.find((d) => d.id === 'fabrikam.com')?.federation?.federatedIdpMfaBehavior).toBe(
      'enforceMfaByFederatedIdp',
    );
    expect(
      s.tenant.domains.find((d) => d.id === 'contoso.com')?.federation?.federatedIdpMfaBehavior,
    ).toBeNull();
    expect(s.probe.migration().federationChanges.at(-1)?.to).toBe('enforceMfaByFederatedIdp');
  });
});

describe('Rollback: restore the data file', () => {
  it('asks whether the service is stopped, restores the hashed backup and keeps the current file aside', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'restore-ui-'));
    const dataFolder = path.join(root, 'Data');
    const backupFolder = path.join(root, 'backup');
    mkdirSync(dataFolder);
    mkdirSync(backupFolder);
    writeFileSync(path.join(dataFolder, 'PhoneFactor.pfdata'), 'after the update');
    writeFileSync(path.join(backupFolder, 'PhoneFactor.pfdata'), 'before the update');
    const sha = createHash('sha256').update('before the update').digest('hex');
    const takenAt = '2026-11-19T09:00:00.000Z';
    const evidence: MigrationEvent = {
      type: 'add-evidence',
      ref: { step: 'backup' },
      evidence: {
        id: 'backup-1',
        kind: 'file-hash',
        label: 'Backup',
        value: sha,
        data: {
          type: 'mfa-backup',
          origin: 'local',
          takenAt,
          server: 'mfa01',
          source: dataFolder,
          destination: backupFolder,
          dataFileSha256: sha,
          files: [{ name: 'PhoneFactor.pfdata', size: 17, modifiedAt: takenAt, sha256: sha }],
          totalBytes: 17,
          installer: null,
          version: '8.0.1.1',
        },
      },
    };
    const host: ServerHost = {
      canInspect: true,
      serviceState: async () => 'stopped',
      registryValue: async () => null,
    };
    const services = createTenantServices({
      graph: () => undefined,
      migrationDir: () => root,
      host,
      now: () => new Date(),
      actor: 'tester@test',
    });
    const probe = newProbe(seededRoot([evidence]));
    const ui = show(
      { services, probe, tenant: generateTenant({ users: 10, seed: 1 }) },
      { step: 'rb-assess' },
    );
    await toSection(ui, 'Rollback plan');
    await see(ui, /\[full\] Restore PhoneFactor\.pfdata from the backup of 2026-11-19/);
    ui.press(KEYS.enter);
    await see(ui, /Restore PhoneFactor\.pfdata .*\?/);
    ui.press('y');
    await see(ui, 'Is the MultiFactorAuth service stopped');
    ui.press('y');
    await see(ui, /Restored .*PhoneFactor\.pfdata \(hash checked\)/);
    expect(readFileSync(path.join(dataFolder, 'PhoneFactor.pfdata'), 'utf8')).toBe('before the update');
    const aside = readdirSync(dataFolder).filter((f) => f !== 'PhoneFactor.pfdata');
    expect(aside.length).toBeGreaterThan(0);
    expect(probe.migration().steps['rb-assess']?.evidence.at(-1)?.label).toBe(
      'Rollback: PhoneFactor.pfdata restored',
    );
  });
});
