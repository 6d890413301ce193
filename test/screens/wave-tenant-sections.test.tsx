// The wave sections of step 5 and 6 against the real emulator over HTTP (real Graph client, fake
// TokenCredential), through the real tenant services on a temp folder.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyRouter } from '../../screens/key-router.js';
import { TenantServicesContext } from '../../screens/use-tenant-services.js';
import { WaveStep } from '../../screens/wave-step.js';
import type { FaultOptions } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import type { GeneratedTenant } from '../../src/emulator/tenant-types.js';
import type { GraphClient } from '../../src/graph/client.js';
import { createTenantServices } from '../../src/services/tenant-services.js';
import type { MigrationEvent } from '../../state/events.js';
import { emptyRootState } from '../../state/model.js';
import { reduce } from '../../state/reducer.js';
import { type Harness as GraphHarness, startHarness } from '../graph/graph-harness.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { memberIds, previewCsvFor } from '../waves/wave-harness.js';
import { BY, frameFits, Harness, newProbe, see, seededRoot, T0, toSection } from './step-harness.js';

let ui: RenderedUi | undefined;
let h: GraphHarness | undefined;
afterEach(async () => {
  ui?.unmount();
  ui = undefined;
  await h?.close();
  h = undefined;
});

/** Step 5's tenant tab, then one of its views (1 Members, 2 Preview, 3 Verify). */
async function view(r: RenderedUi, key: '1' | '2' | '3'): Promise<void> {
  await toSection(r, 'Entra users');
  r.press(key);
  await see(r, new RegExp(`\\[${key} `));
}

/** the module's `ui` is what afterEach unmounts */
function track(r: RenderedUi): void {
  ui = r;
}

const WAVE: MigrationEvent[] = [
  { type: 'add-wave', id: 'w1', name: 'Pilot' },
  {
    type: 'set-wave-groups',
    waveId: 'w1',
    migrationGroups: [{ name: 'MFA Migration - Wave 1' }],
    rolloutGroups: [{ name: 'MFA Rollout - Wave 1' }],
  },
];

function chinaRoot() {
  let state = emptyRootState('test');
  const events: MigrationEvent[] = [
    { type: 'create-migration', id: 'm1', name: 'Contoso CN', cloud: 'china' },
    { type: 'add-wave', id: 'w1', name: 'Pilot' },
  ];
  for (const e of events) {
    const r = reduce(state, { ...e, at: T0, by: BY });
    if (!r.ok) throw new Error(r.refusal.message);
    state = r.state;
  }
  return state;
}

async function open(
  step: 'migrate-users' | 'validate',
  opts: {
    tenant?: GeneratedTenant;
    offline?: boolean;
    seed?: MigrationEvent[];
    noServices?: boolean;
    china?: boolean;
    faults?: FaultOptions;
    pageSize?: number;
    appOnly?: boolean;
  } = {},
) {
  const tenant = opts.tenant ?? generateTenant({ users: 120, seed: 3, nestedGroups: true });
  if (!opts.offline)
    h = await startHarness({
      tenant,
      ...(opts.faults ? { faults: opts.faults } : {}),
      ...(opts.appOnly ? { client: { signInKind: 'application' as const } } : {}),
    });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tenant-ui-'));
  const graph: GraphClient | undefined = h?.graph;
  const services = createTenantServices({
    graph: () => graph,
    migrationDir: (id) => path.join(dir, id),
    now: () => new Date(),
    actor: 'tester@test',
    ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
  });
  const probe = newProbe(opts.china ? chinaRoot() : seededRoot([...WAVE, ...(opts.seed ?? [])]));
  ui = renderUi(
    <Harness probe={probe}>
      <TenantServicesContext.Provider value={opts.noServices ? undefined : services}>
        <KeyRouter>
          <WaveStep step={step} waveId="w1" onBack={() => {}} />
        </KeyRouter>
      </TenantServicesContext.Provider>
    </Harness>,
    { columns: 80, rows: 24 },
  );
  return { ui, probe, tenant, services, dir };
}

describe('Members (step 5)', () => {
  it('lists the nested migration group, shows totals and records counts and evidence', async () => {
    const { ui, probe, tenant } = await open('migrate-users');
    await view(ui, '1');
    await see(ui, 'Members not listed yet');
    ui.press('l');
    await see(ui, /Listed \d+ users/);
    const frame = await see(ui, /\d+ users, \d+ enabled/);
    const members = tenant
      .transitiveMembers(tenant.wellKnown.migrationGroupId)
      .filter((r) => typeof r === 'number');
    expect(frame).toContain(`${members.length} users,`);
    expect(frame).toMatch(/synced from on-premises, \d+ cloud-only/);
    expect(frameFits(frame, 80, 24)).toBeNull();
    const wave = probe.migration().waves[0];
    expect(wave?.counts.members).toBe(members.length);
    expect(wave?.steps['migrate-users'].evidence.at(-1)?.label).toBe('Members of MFA Migration - Wave 1');
  });

  it('says it is not available without services, and offline without a sign-in', async () => {
    const a = await open('migrate-users', { noServices: true, offline: true });
    await view(a.ui, '1');
    await see(a.ui, 'Not available here: listing');
    a.ui.unmount();
    const b = await open('migrate-users', { offline: true });
    await view(b.ui, '1');
    await see(b.ui, 'offline: sign in (g)');
    b.ui.press('l');
    await see(b.ui, /offline: sign in \(g\) or record the result by hand/);
  });
});

describe('Members: Esc stops the listing, l resumes it', () => {
  it('shows progress, stops on Esc keeping what was listed, and resumes from the checkpoint', async () => {
    const tenant = generateTenant({ users: 600, seed: 3, nestedGroups: true });
    const { ui, probe } = await open('migrate-users', { tenant, faults: { latencyMs: 40 }, pageSize: 3 });
    await view(ui, '1');
    ui.press('l');
    let frame = await see(ui, /Listing members of MFA Migration - Wave 1 \(Esc stops\).* [1-9]\d* of \d+ \(/);
    expect(frame).toContain('Esc stop');
    expect(frameFits(frame, 80, 24)).toBeNull();
    ui.press(KEYS.escape);
    frame = await see(ui, 'Stopped. What was done so far is kept');
    frame = await see(ui, /interrupted after \d+ users \(l resumes\)/);
    expect(probe.migration().waves[0]?.counts.members).toBeUndefined();
    const pagesBefore = h?.emu.requestLog.filter((r) => r.path.includes('transitiveMembers')).length ?? 0;
    ui.press('l');
    frame = await see(ui, /Resumed and listed \d+ users/);
    const members = memberIds(tenant, tenant.wellKnown.migrationGroupId);
    expect(probe.migration().waves[0]?.counts.members).toBe(members.length);
    // the resumed run did not start over from the first page
    const pagesAfter = h?.emu.requestLog.filter((r) => r.path.includes('transitiveMembers')).length ?? 0;
    expect(pagesAfter - pagesBefore).toBeLessThan(Math.ceil(members.length / 3) + 2);
  });
});

describe('Verify: Esc stops a pass, v continues it', () => {
  it('keeps the users checked before Esc and does not check them again', async () => {
    const tenant = generateTenant({ users: 3000, seed: 4 });
    const { ui } = await open('migrate-users', { tenant, faults: { latencyMs: 150 } });
    await view(ui, '1');
    ui.press('l');
    await see(ui, /Listed \d+ users/);
    await view(ui, '3');
    ui.press('v');
    await see(ui, /Verifying \(Esc stops\).* [1-9]\d* of \d+ \(/);
    ui.press(KEYS.escape);
    await see(ui, 'Stopped. What was done so far is kept');
    const batchesBefore = h?.emu.requestLog.filter((r) => r.path.endsWith('$batch')).length ?? 0;
    ui.press('v');
    const frame = await see(ui, /Pass 1 \(resumed\): coverage incomplete/);
    const members = memberIds(tenant, tenant.wellKnown.migrationGroupId).length;
    expect(frame).toMatch(/unchecked\s+0/);
    // the resumed run asked only for the users the stopped one had not finished
    const batchesAfter = h?.emu.requestLog.filter((r) => r.path.endsWith('$batch')).length ?? 0;
    expect(batchesAfter - batchesBefore).toBeLessThan(Math.ceil(members / 20));
  });
});

describe('a wave through the UI: members, preview, verify, staged rollout', () => {
  it('imports the preview, verifies before and after the utility, then plans and applies the rollout', async () => {
    const tenant = generateTenant({ users: 120, seed: 3, nestedGroups: true });
    const { ui, probe, dir } = await open('migrate-users', {
      tenant,
      seed: [{ type: 'set-step-status', ref: { step: 'utility' }, status: 'done' }],
    });
    await view(ui, '1');
    ui.press('l');
    await see(ui, /Listed \d+ users/);
    const ids = memberIds(tenant, tenant.wellKnown.migrationGroupId);

    // preview: a CSV with one bad row, accepted without it
    await view(ui, '2');
    await see(ui, 'No preview yet');
    const csv = `${previewCsvFor(tenant, ids)}\n"broken@x","","","","","carrier-pigeon","","","0"`;
    const file = path.join(dir, 'users.csv');
    writeFileSync(file, csv);
    ui.press('c');
    await see(ui, 'CSV to import:');
    await ui.type(file);
    ui.press(KEYS.enter);
    let frame = await see(ui, /row\(s\) cannot be read/);
    expect(frame).toMatch(/line \d+:/);
    ui.press('a');
    frame = await see(ui, /Preview kept for \d+ users, 1 bad row/);
    frame = await see(ui, /All users \(\d+\)/);
    expect(frameFits(frame, 80, 24)).toBeNull();
    ui.press('f');
    frame = await see(ui, /Users with skips \(\d+\)/);
    const withSkips = Number(/Users with skips \((\d+)\)/.exec(frame)?.[1]);
    const all = Number(/(\d+) users, \d+ values land/.exec(frame)?.[1]);
    expect(withSkips).toBeLessThan(all);
    ui.press('f');
    await see(ui, /All users \(\d+\)/);
    ui.press('e');
    await see(ui, 'Export preview to:');
    const out = path.join(dir, 'preview-out.csv');
    await ui.type(out);
    ui.press(KEYS.enter);
    await see(ui, /Wrote \d+ row\(s\)/);
    expect(readFileSync(out, 'utf8').length).toBeGreaterThan(0);

    // verify before the utility ran: incomplete; after: every member migrated
    await view(ui, '3');
    ui.press('v');
    frame = await see(ui, /Pass 1: coverage incomplete/);
    expect(probe.migration().waves[0]?.counts.members).toBe(ids.length);
    tenant.migrateUsers(ids);
    ui.press('v');
    frame = await see(ui, /Pass 2: /);
    // members without any MFA Server data have nothing to migrate: they stay listed as not migrated
    const withData = ids.filter((id) => tenant.findUser(id)?.mfaServer).length;
    expect(frame).toContain(`${withData} of ${ids.length} migrated`);
    expect(frameFits(frame, 80, 24)).toBeNull();
    const w = probe.migration().waves[0];
    expect(w?.counts.migrated).toBe(withData);
    expect(w?.steps['migrate-users'].evidence.some((e) => e.label.startsWith('Verification pass 2'))).toBe(
      true,
    );
    ui.unmount();

    // step 6: the rollout group's members are verified; the plan shows what will change, y applies
    // the admin records the one member without MFA Server data as an exception and closes step 5
    const closed = reduce(probe.state, {
      type: 'set-step-status',
      ref: { step: 'migrate-users', wave: 'w1' },
      status: 'done',
      at: T0,
      by: BY,
    });
    if (!closed.ok) throw new Error(closed.refusal.message);
    const probe6 = newProbe(closed.state);
    const services = createTenantServices({
      graph: () => h?.graph,
      migrationDir: (id) => path.join(dir, id),
      now: () => new Date(),
      actor: 'tester@test',
    });
    const ui6 = renderUi(
      <Harness probe={probe6}>
        <TenantServicesContext.Provider value={services}>
          <KeyRouter>
            <WaveStep step="validate" waveId="w1" onBack={() => {}} />
          </KeyRouter>
        </TenantServicesContext.Provider>
      </Harness>,
      { columns: 80, rows: 24 },
    );
    track(ui6);
    await toSection(ui6, 'SR');
    ui6.press('p');
    frame = await see(ui6, 'Will change');
    expect(frame).toContain('Create the staged rollout policy for MFA');
    expect(frame).toMatch(/Add group MFA Rollout - Wave 1/);
    // planning wrote nothing to staged rollout
    expect(
      h?.emu.requestLog.filter((r) => r.path.includes('featureRolloutPolicies') && r.method !== 'GET'),
    ).toEqual([]);
    ui6.press('a');
    await see(ui6, /Apply \d change\(s\)/);
    ui6.press('y');
    frame = await see(ui6, 'Applied and read back. Membership changes take up to 24 hours');
    const ev = probe6.migration().waves[0]?.steps.validate.evidence.at(-1);
    expect(ev?.label).toBe('Staged rollout for MFA (read back)');
    expect(ev?.value).toMatch(/^confirmed/);
    // planning again: nothing left to do
    ui6.press('p');
    await see(ui6, /Nothing to change: MFA Rollout - Wave 1 already in staged rollout/);
  });
});

describe('Staged rollout refusals (step 6)', () => {
  it('refuses unverified members and takes an override with a written reason, recorded', async () => {
    const { ui, probe } = await open('validate', {
      seed: [{ type: 'set-step-status', ref: { step: 'utility' }, status: 'done' }],
    });
    await toSection(ui, 'SR');
    ui.press('p');
    let frame = await see(ui, /not verified as migrated/);
    expect(frame).toContain('o: override');
    expect(frame).not.toContain('Will change');
    ui.press('o');
    await see(ui, 'Why go ahead anyway');
    await ui.type('pilot users checked by hand');
    ui.press(KEYS.enter);
    frame = await see(ui, 'Will change');
    const m = probe.migration();
    const recorded =
      m.overrides.some((o) => o.guard === 'rollout-needs-migrated' && o.wave === 'w1') ||
      (m.waves[0]?.steps.validate.evidence.some((e) => e.label === 'Override rollout-needs-migrated') ??
        false);
    expect(recorded).toBe(true);
  });

  it('says why an app-only sign-in cannot change staged rollout, and writes nothing', async () => {
    const { ui } = await open('validate', { appOnly: true });
    await toSection(ui, 'SR');
    ui.press('p');
    await see(ui, /accepts only a signed-in admin/);
    expect(h?.emu.requestLog.filter((r) => r.path.includes('featureRolloutPolicies'))).toEqual([]);
  });

  it('says why staged rollout is not offered in the China cloud', async () => {
    const { ui } = await open('validate', { china: true });
    await toSection(ui, 'SR');
    await see(ui, 'Not offered: the China (21Vianet) cloud has no staged rollout');
    ui.press('p');
    await see(ui, /Staged rollout does not exist in the China/);
    expect(h?.emu.requestLog.filter((r) => r.path.includes('featureRolloutPolicies'))).toEqual([]);
  });
});
