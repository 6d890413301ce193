import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/emulator/tenant-generator.js';

describe('generateTenant', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateTenant({ users: 1000, seed: 7 });
    const b = generateTenant({ users: 1000, seed: 7 });
    const c = generateTenant({ users: 1000, seed: 8 });
    expect(a.userAt(123)).toEqual(b.userAt(123));
    expect(a.tenantId).toBe(b.tenantId);
    expect(a.userAt(123)?.id).not.toBe(c.userAt(123)?.id);
  });

  it('makes 500,000 users lazily and finds any of them by id or UPN', () => {
    const t = generateTenant({ users: 500_000, seed: 3 });
    expect(t.userCount).toBe(500_000);
    const u = t.userAt(499_999)!;
    expect(t.findUser(u.id)?.index).toBe(499_999);
    expect(t.findUser(u.userPrincipalName.toUpperCase())?.index).toBe(499_999);
    expect(t.userAt(500_000)).toBeUndefined();
    expect(t.findUser('00000000-0000-4000-8000-000000000001')).toBeUndefined();
  });

  it('has a realistic mix: mostly synced, some disabled, some never enrolled in MFA Server', () => {
    const t = generateTenant({ users: 5000, seed: 1 });
    let synced = 0;
    let disabled = 0;
    let noProfile = 0;
    let extensions = 0;
    for (let i = 1; i < 5000; i++) {
      const u = t.userAt(i)!;
      if (u.onPremisesSyncEnabled) synced++;
      if (!u.accountEnabled) disabled++;
      if (!u.mfaServer) noProfile++;
      if (u.mfaServer?.phoneExtension) extensions++;
    }
    expect(synced / 5000).toBeGreaterThan(0.8);
    expect(synced / 5000).toBeLessThan(0.9);
    expect(disabled).toBeGreaterThan(50);
    expect(noProfile).toBeGreaterThan(200);
    expect(extensions).toBeGreaterThan(100);
  });

  it('deduplicates transitive members of the nested migration group', () => {
    const t = generateTenant({ users: 300, seed: 1 });
    const direct = t.directMembers(t.wellKnown.migrationGroupId);
    const transitive = t.transitiveMembers(t.wellKnown.migrationGroupId);
    expect(direct.some((r) => typeof r === 'string')).toBe(true);
    expect(new Set(transitive).size).toBe(transitive.length);
    const users = transitive.filter((r) => typeof r === 'number');
    expect(users.length).toBe(30); // 10% of 300, the overlap counted once
    expect(t.wellKnown.nestedSubgroupIds.every((g) => transitive.includes(g))).toBe(true);
  });

  it('migrateUsers adds Entra methods per the utility rules and an Azure MFA Management audit entry', () => {
    const t = generateTenant({ users: 500, seed: 2 });
    let index = 1;
    while (!t.userAt(index)?.mfaServer?.phone) index++;
    const before = t.userAt(index)!;
    expect(before.migrated).toBe(false);
    expect(t.migrateUsers([before.id])).toBe(1);
    const after = t.userAt(index)!;
    expect(after.migrated).toBe(true);
    expect(after.methods.some((m) => m['@odata.type'] === '#microsoft.graph.phoneAuthenticationMethod')).toBe(
      true,
    );
    expect(after.preferredMethod).not.toBeNull();
    const audit = t.directoryAudits.at(-1) as {
      initiatedBy: { app: { displayName: string } };
      targetResources: { id: string }[];
    };
    expect(audit.initiatedBy.app.displayName).toBe('Azure MFA Management');
    expect(audit.targetResources[0]?.id).toBe(before.id);
    t.resetUser(index);
    expect(t.userAt(index)?.migrated).toBe(false);
  });

  it('keeps the five-device limit and one device per name when migrating', () => {
    const t = generateTenant({ users: 20_000, seed: 5 });
    let index = 1;
    while ((t.userAt(index)?.mfaServer?.mobileAppDevices.length ?? 0) < 6) index++;
    const isApp = (m: { '@odata.type': string }) =>
      m['@odata.type'] === '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod';
    const before = new Set(
      t
        .userAt(index)!
        .methods.filter(isApp)
        .map((m) => m.id),
    );
    t.migrateUsers([index]);
    const u = t.userAt(index)!;
    const added = u.methods.filter((m) => isApp(m) && !before.has(m.id));
    const distinctNames = new Set(u.mfaServer!.mobileAppDevices.map((d) => d.name)).size;
    const limit = u.mfaServer!.oathTokens.length > 0 ? 4 : 5;
    expect(added.length).toBe(Math.min(limit, distinctNames));
    expect(new Set(added.map((m) => m.displayName)).size).toBe(added.length);
  });

  it('models the utility app with full, partial or no consent, or no app at all', () => {
    const consented = (c: 'granted' | 'partial' | 'none') => {
      const t = generateTenant({ users: 10, seed: 1, utilityConsent: c });
      return t.appRoleAssignments.get(t.wellKnown.utilityServicePrincipalId!)?.length;
    };
    expect(consented('granted')).toBe(3);
    expect(consented('partial')).toBe(1);
    expect(consented('none')).toBe(0);
    const absent = generateTenant({ users: 10, seed: 1, utilityConsent: 'absent' });
    expect(absent.applications).toEqual([]);
    expect(absent.wellKnown.utilityAppId).toBeUndefined();
  });

  it('has one federated domain with federatedIdpMfaBehavior null and one enforcing MFA at the IdP', () => {
    const t = generateTenant({ users: 10, seed: 1 });
    const behaviours = t.domains
      .filter((d) => d.federation)
      .map((d) => d.federation!.federatedIdpMfaBehavior);
    expect(behaviours.sort()).toEqual(['enforceMfaByFederatedIdp', null].sort());
    expect(t.domains.some((d) => d.authenticationType === 'Managed')).toBe(true);
  });

  it('builds flat groups when nestedGroups is false', () => {
    const t = generateTenant({ users: 100, seed: 1, nestedGroups: false });
    expect(t.directMembers(t.wellKnown.migrationGroupId).every((r) => typeof r === 'number')).toBe(true);
    expect(t.wellKnown.nestedSubgroupIds).toEqual([]);
  });
});
