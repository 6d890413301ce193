// The wave sections of step 5 and 6 against the real emulator over HTTP (real Graph client, fake
// TokenCredential), through the real tenant services on a temp folder.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyRouter } from '../../screens/key-router.js';
import { TenantServicesContext } from '../../screens/use-tenant-services.js';
import { WaveStep } from '../../screens/wave-step.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import type { GeneratedTenant } from '../../src/emulator/tenant-types.js';
import type { GraphClient } from '../../src/graph/client.js';
import { createTenantServices } from '../../src/services/tenant-services.js';
import type { MigrationEvent } from '../../state/events.js';
import { type Harness as GraphHarness, startHarness } from '../graph/graph-harness.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { frameFits, Harness, newProbe, see, seededRoot, toSection } from './step-harness.js';

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
];

async function open(
  step: 'migrate-users' | 'validate',
  opts: { tenant?: GeneratedTenant; offline?: boolean; seed?: MigrationEvent[]; noServices?: boolean } = {},
) {
  const tenant = opts.tenant ?? generateTenant({ users: 120, seed: 3, nestedGroups: true });
  if (!opts.offline) h = await startHarness({ tenant });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tenant-ui-'));
  const graph: GraphClient | undefined = h?.graph;
  const services = createTenantServices({
    graph: () => graph,
    migrationDir: (id) => path.join(dir, id),
    now: () => new Date(),
    actor: 'tester@test',
  });
  const probe = newProbe(seededRoot([...WAVE, ...(opts.seed ?? [])]));
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
    await toSection(ui, 'Members');
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
    await toSection(a.ui, 'Members');
    await see(a.ui, 'Not available here: listing');
    a.ui.unmount();
    const b = await open('migrate-users', { offline: true });
    await toSection(b.ui, 'Members');
    await see(b.ui, 'offline: sign in (g)');
    b.ui.press('l');
    await see(b.ui, /offline: sign in \(g\) or record the result by hand/);
  });
});
