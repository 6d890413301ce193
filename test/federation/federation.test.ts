// Step 10 against the emulator: domains with their federatedIdpMfaBehavior, the Conditional Access
// gate, a change refused without the exact typed domain name, applied and read back with it, and the
// 403 of a missing Directory.AccessAsUser.All consent named as such.
import { afterEach, describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import {
  applyFederationChange,
  describeCoverage,
  FEDERATION_PERMISSION_MESSAGE,
  listFederation,
  planFederation,
} from '../../src/federation/federation.js';
import { ALL_DELEGATED, type Harness, startHarness } from '../graph/graph-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const patches = (harness: Harness) => harness.emu.requestLog.filter((e) => e.method === 'PATCH');

describe('federation settings', () => {
  it('lists federated domains with their configuration and current behaviour', async () => {
    h = await startHarness({ tenant: generateTenant({ users: 50, seed: 1 }) });
    const domains = await listFederation(h.graph);
    expect(domains.map((d) => [d.domain, d.behavior])).toEqual([
      ['contoso.com', null],
      ['fabrikam.com', 'enforceMfaByFederatedIdp'],
    ]);
    expect(domains.every((d) => d.federationId && d.configuration?.issuerUri)).toBe(true);
  });

  it('refuses without the exact typed domain, applies and reads back with it', async () => {
    const tenant = generateTenant({ users: 50, seed: 1 });
    h = await startHarness({ tenant });
    const { plan, conditionalAccess } = await planFederation(h.graph, ['fabrikam.com'], {
      caGateOverridden: false,
      attestations: {},
    });
    expect(conditionalAccess.enabled.map((p) => [p.displayName, p.covers])).toEqual([
      ['Require MFA for all users', 'all users'],
    ]);
    expect(plan.refusals).toEqual([]);
    const change = plan.changes[0];
    expect(change).toMatchObject({
      domain: 'fabrikam.com',
      from: 'enforceMfaByFederatedIdp',
      to: 'rejectMfaByFederatedIdp',
    });
    if (!change) return;
    for (const typed of ['', 'fabrikam', 'FABRIKAM.COM', ' fabrikam.com', 'contoso.com']) {
      const r = await applyFederationChange(h.graph, change, typed);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('"fabrikam.com"');
    }
    expect(patches(h)).toEqual([]);
    const at = new Date('2026-11-25T10:00:00Z');
    const r = await applyFederationChange(h.graph, change, 'fabrikam.com', { now: () => at });
    expect(r).toEqual({
      ok: true,
      change: {
        domain: 'fabrikam.com',
        from: 'enforceMfaByFederatedIdp',
        to: 'rejectMfaByFederatedIdp',
        at: at.toISOString(),
      },
      readBack: 'rejectMfaByFederatedIdp',
    });
    expect(patches(h)).toHaveLength(1);
    expect(tenant.domains.find((d) => d.id === 'fabrikam.com')?.federation?.federatedIdpMfaBehavior).toBe(
      'rejectMfaByFederatedIdp',
    );
    // planned again: nothing to do
    const again = await planFederation(h.graph, ['fabrikam.com'], {
      caGateOverridden: false,
      attestations: {},
    });
    expect(again.plan.changes).toEqual([]);
    expect(again.plan.unchanged).toEqual(['fabrikam.com']);
  });

  it('needs an attestation for a never-set value and warns that it cannot be undone', async () => {
    h = await startHarness({ tenant: generateTenant({ users: 50, seed: 1 }) });
    const none = await planFederation(h.graph, ['contoso.com'], {
      caGateOverridden: false,
      attestations: {},
    });
    expect(none.plan.refusals[0]?.message).toMatch(/SupportsMfa/);
    const attested = await planFederation(h.graph, ['contoso.com'], {
      caGateOverridden: false,
      attestations: { 'contoso.com': 'AD FS claim rules required MFA Server for every relying party' },
    });
    expect(attested.plan.changes.map((c) => c.from)).toEqual([null]);
    expect(attested.plan.warnings.join(' ')).toMatch(/never be undone/);
  });

  it('refuses the change while no Conditional Access policy requires MFA', async () => {
    const tenant = generateTenant({ users: 50, seed: 1 });
    tenant.conditionalAccessPolicies.splice(0, 1);
    h = await startHarness({ tenant });
    const r = await planFederation(h.graph, ['fabrikam.com'], { caGateOverridden: false, attestations: {} });
    expect(r.conditionalAccess.enabled).toEqual([]);
    expect(r.plan.refusals[0]).toMatchObject({ overridable: true });
    expect(r.plan.refusals[0]?.message).toMatch(/Conditional Access/);
  });

  it('names Directory.AccessAsUser.All when Graph refuses the PATCH for it', async () => {
    h = await startHarness({
      tenant: generateTenant({ users: 50, seed: 1 }),
      faults: { federationPatchNeedsAccessAsUser: true },
      scp: ALL_DELEGATED.split(' ')
        .filter((s) => s !== 'Directory.AccessAsUser.All')
        .join(' '),
    });
    const { plan } = await planFederation(h.graph, ['fabrikam.com'], {
      caGateOverridden: false,
      attestations: {},
    });
    const change = plan.changes[0];
    if (!change) throw new Error('no change planned');
    const r = await applyFederationChange(h.graph, change, 'fabrikam.com');
    expect(r).toEqual({ ok: false, message: FEDERATION_PERMISSION_MESSAGE });
    expect(FEDERATION_PERMISSION_MESSAGE).toContain('Directory.AccessAsUser.All');
    expect(FEDERATION_PERMISSION_MESSAGE).toContain('Domain-InternalFederation.ReadWrite.All');
  });
});

describe('whom a Conditional Access policy covers', () => {
  it('says all users, counts groups and roles without expanding them, and admits what it cannot tell', () => {
    const users = (u: Record<string, string[]>) => ({ conditions: { users: u } }) as never;
    expect(describeCoverage(users({ includeUsers: ['All'], excludeGroups: ['g1', 'g2'] }))).toBe(
      'all users, except 2 user(s)/group(s)/role(s)',
    );
    expect(describeCoverage(users({ includeGroups: ['g1'], includeRoles: ['r1'] }))).toBe(
      '1 group(s), members not expanded, 1 directory role(s)',
    );
    expect(describeCoverage(users({}))).toBe('nobody (no users included)');
    expect(describeCoverage({} as never)).toMatch(/could not be determined/);
  });
});
