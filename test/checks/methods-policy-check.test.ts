// The methods-policy check over real HTTP against the emulator, with tenants generated enabled,
// disabled, untargeted and with the policy migration complete.
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkMethodsPolicy,
  MAPPING_TO_METHOD_CONFIGS,
  methodsPolicyEvidence,
  neededMethods,
} from '../../src/checks/methods-policy-check.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import type { GenerateTenantOptions } from '../../src/emulator/tenant-types.js';
import { METHOD_MAPPINGS, PORTAL_MAPPINGS } from '../../state/catalogue/index.js';
import type { Inventory } from '../../state/model.js';
import { newMigration } from '../../state/new-migration.js';
import { type Harness, startHarness } from '../graph/graph-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(extra: Partial<GenerateTenantOptions> = {}): Promise<Harness> {
  h = await startHarness({ tenant: generateTenant({ users: 20, seed: 4, ...extra }) });
  return h;
}

/** A fresh inventory with these mapping rows marked in use. */
function inventoryUsing(...ids: string[]): Inventory {
  const m = newMigration({ id: 'm', name: 'M', cloud: 'global', at: '2026-11-25T10:00:00Z', by: 'a@b' });
  const mark = (r: Inventory['methods'][number]) =>
    ids.includes(r.id) ? { ...r, inUse: 'yes' as const } : r;
  return { ...m.inventory, methods: m.inventory.methods.map(mark), portal: m.inventory.portal.map(mark) };
}

describe('mapping table', () => {
  it('names only ids that exist in the catalogue', () => {
    const known = new Set([...METHOD_MAPPINGS, ...PORTAL_MAPPINGS].map((d) => d.id));
    for (const id of Object.keys(MAPPING_TO_METHOD_CONFIGS)) expect(known.has(id), id).toBe(true);
  });

  it('one-time bypass needs Temporary Access Pass; rows not in use need nothing', () => {
    expect([...neededMethods(inventoryUsing('portal.one-time-bypass')).keys()]).toEqual([
      'TemporaryAccessPass',
    ]);
    expect(neededMethods(inventoryUsing()).size).toBe(0);
  });

  it('a row under its own id counts by the guide feature name', () => {
    const inv = inventoryUsing();
    inv.methods.push({
      id: 'typed-1',
      feature: 'Text message (OTP)',
      area: 'Company Settings > General > User Defaults',
      inUse: 'yes',
      entraAction: '',
      actionNeeded: false,
      notes: '',
    });
    expect([...neededMethods(inv).keys()]).toEqual(['Sms']);
  });
});

describe('checkMethodsPolicy against the emulator', () => {
  it('enabled methods pass; the default tenant has voice and hardware OATH disabled', async () => {
    const { graph } = await harness();
    const r = await checkMethodsPolicy(
      graph,
      inventoryUsing(
        'method.text-otp',
        'method.mobile-app-pin',
        'method.phone-call-pin',
        'portal.one-time-bypass',
      ),
    );
    const byId = Object.fromEntries(r.methods.map((m) => [m.configId, m]));
    expect(byId.Sms).toMatchObject({ enabled: true, targetsUsers: true, targets: 'all users', ok: true });
    expect(byId.TemporaryAccessPass?.ok).toBe(true);
    expect(byId.MicrosoftAuthenticator?.ok).toBe(true);
    expect(byId.MicrosoftAuthenticator?.findings.join(' ')).toMatch(/Number matching is always on/);
    expect(byId.Voice).toMatchObject({ enabled: false, ok: false });
    expect(r.ok).toBe(false);
    expect(r.toEnable).toEqual([
      expect.stringMatching(/^Enable Voice call for the users of Phone Call \(PIN\)/),
    ]);
    // the generated policy is mid-migration: legacy settings still apply
    expect(r.policyMigrationState).toBe('migrationInProgress');
    expect(r.findings.join(' ')).toMatch(/legacy MFA and SSPR settings also apply/);
  });

  it('OATH tokens need both software and hardware OATH', async () => {
    const { graph } = await harness();
    const r = await checkMethodsPolicy(graph, inventoryUsing('portal.select-method.oath-token'));
    expect(r.methods.map((m) => [m.configId, m.ok])).toEqual([
      ['SoftwareOath', true],
      ['HardwareOath', false],
    ]);
  });

  it('all enabled and migration complete: ok with no findings about legacy settings', async () => {
    const { graph } = await harness({
      policyMigrationState: 'migrationComplete',
      methodConfigurations: { Voice: { state: 'enabled', isOfficePhoneAllowed: true } },
    });
    const r = await checkMethodsPolicy(
      graph,
      inventoryUsing('method.phone-call-standard', 'method.text-otp'),
      {
        usersHaveExtensions: true,
      },
    );
    expect(r.ok).toBe(true);
    expect(r.toEnable).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('voice without office phones fails when users have extensions', async () => {
    const { graph } = await harness({ methodConfigurations: { Voice: { state: 'enabled' } } });
    const inv = inventoryUsing('method.phone-call-standard');
    const withExt = await checkMethodsPolicy(graph, inv, { usersHaveExtensions: true });
    expect(withExt.methods[0]?.ok).toBe(false);
    expect(withExt.toEnable[0]).toMatch(/office phones/);
    const unknown = await checkMethodsPolicy(graph, inv);
    expect(unknown.methods[0]?.ok).toBe(true);
    expect(unknown.methods[0]?.findings.join(' ')).toMatch(/if any MFA Server phone has an extension/);
  });

  it('an enabled method that targets nobody is not ready', async () => {
    const { graph } = await harness({ methodConfigurations: { Sms: { includeTargets: [] } } });
    const r = await checkMethodsPolicy(graph, inventoryUsing('method.text-otp'));
    expect(r.methods[0]).toMatchObject({ enabled: true, targetsUsers: false, targets: 'nobody', ok: false });
    expect(r.toEnable).toEqual(['Target SMS (text message) at all users or the migrating groups.']);
  });

  it('evidence carries the read for the report', async () => {
    const { graph } = await harness();
    const r = await checkMethodsPolicy(graph, inventoryUsing('method.text-otp'));
    const ev = methodsPolicyEvidence(r, '2026-11-25T10:00:00.000Z');
    expect(ev).toMatchObject({
      kind: 'graph-read',
      value: '1 method in use, all enabled and targeting users',
    });
    expect((ev.data as { methods: unknown[] }).methods).toHaveLength(1);
  });
});
