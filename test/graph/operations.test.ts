import { afterEach, describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { createGraphClient } from '../../src/graph/client.js';
import { GraphError } from '../../src/graph/errors.js';
import {
  checkAppConsent,
  findApplicationsByName,
  MIGRATION_UTILITY_APP_NAME,
} from '../../src/graph/operations/applications.js';
import { listMethodsOfType, methodKind } from '../../src/graph/operations/auth-methods.js';
import { getFederationConfiguration, listDomains } from '../../src/graph/operations/domains.js';
import { getGroup, isDynamicGroup } from '../../src/graph/operations/groups.js';
import { summariseDirectMembers } from '../../src/graph/operations/members.js';
import {
  enabledMethodIds,
  getAuthenticationMethodsPolicy,
  listConditionalAccessPolicies,
  policiesRequiringMfa,
} from '../../src/graph/operations/policies.js';
import {
  migrationUtilityAudits,
  registrationDetails,
  targetUserIds,
} from '../../src/graph/operations/reports.js';
import {
  addRolloutGroup,
  createMfaRolloutPolicy,
  findMfaRolloutPolicies,
  getRolloutPolicy,
  listRolloutPolicies,
  removeRolloutGroup,
  rolloutAddProblem,
} from '../../src/graph/operations/rollout.js';
import { FakeCredential, type Harness, startHarness } from './graph-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('staged rollout operations', () => {
  it('finds the MFA policy only because it sends Prefer: include-unknown-enum-members', async () => {
    h = await startHarness();
    const created = await createMfaRolloutPolicy(h.graph, { displayName: 'MFA rollout', isEnabled: true });
    const raw = (await h.graph.api('/policies/featureRolloutPolicies').get()) as {
      value: { id: string; feature: string }[];
    };
    expect(raw.value.find((p) => p.id === created.id)?.feature).toBe('unknownFutureValue');
    const mfa = await findMfaRolloutPolicies(h.graph);
    expect(mfa.map((p) => p.id)).toContain(created.id);
  });

  it('adds a group by $ref on the same host and removes it, surviving a dropped DELETE', async () => {
    let drops = 0;
    h = await startHarness({
      faults: { dropConnectionOn: (r) => (r.method === 'DELETE' && drops++ === 0 ? 'after' : false) },
    });
    const policy = await createMfaRolloutPolicy(h.graph, { displayName: 'MFA rollout', isEnabled: true });
    const groupId = h.emu.tenant.wellKnown.rolloutGroupId;
    await addRolloutGroup(h.graph, policy.id ?? '', groupId);
    expect((await getRolloutPolicy(h.graph, policy.id ?? '')).appliesTo?.map((o) => o.id)).toEqual([groupId]);
    await removeRolloutGroup(h.graph, policy.id ?? '', groupId);
    expect((await getRolloutPolicy(h.graph, policy.id ?? '')).appliesTo ?? []).toEqual([]);
    expect(h.emu.requestLog.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([204, 404]);
  });

  it('pre-checks contacts, nested groups, dynamic groups and the 10-group limit', async () => {
    h = await startHarness();
    const wk = h.emu.tenant.wellKnown;
    const contacts = await summariseDirectMembers(h.graph, wk.contactGroupId);
    expect(contacts.contacts.length).toBeGreaterThan(0);
    const nested = await summariseDirectMembers(h.graph, wk.migrationGroupId);
    expect(nested.nestedGroups.length).toBeGreaterThan(0);
    const dynamic = await getGroup(h.graph, wk.dynamicGroupId);
    expect(isDynamicGroup(dynamic)).toBe(true);
    expect(rolloutAddProblem({ appliesTo: [] }, { id: 'g', contacts: contacts.contacts.length }, 5)).toMatch(
      /contacts/,
    );
    expect(rolloutAddProblem({ appliesTo: [] }, { id: 'g', nestedGroups: 2 }, 5)).toMatch(/nested/);
    expect(rolloutAddProblem({ appliesTo: [] }, { id: 'g', dynamic: true }, 5)).toMatch(/dynamic/);
    expect(
      rolloutAddProblem(
        { appliesTo: Array.from({ length: 10 }, (_, i) => ({ id: `x${i}` })) },
        { id: 'g' },
        5,
      ),
    ).toMatch(/10 groups/);
    expect(rolloutAddProblem({ appliesTo: [] }, { id: 'g' }, 50_001)).toMatch(/50000/);
    expect(rolloutAddProblem({ appliesTo: [] }, { id: 'g' }, 50_000)).toBeNull();
  });

  it('is refused in the China cloud without calling Graph', async () => {
    h = await startHarness();
    const china = createGraphClient({
      credential: new FakeCredential(h.credential.token),
      cloud: 'china',
      baseUrl: h.emu.url,
      scopes: ['x'],
    });
    const err = await listRolloutPolicies(china).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).message).toMatch(/China/);
    expect(h.emu.requestLog).toHaveLength(0);
  });
});

describe('read operations', () => {
  it('reads federation per domain; a managed domain has none', async () => {
    h = await startHarness();
    const domains = await listDomains(h.graph);
    const managed = domains.find((d) => d.authenticationType === 'Managed');
    const federated = domains.find((d) => d.authenticationType === 'Federated');
    expect(await getFederationConfiguration(h.graph, managed?.id ?? '')).toBeNull();
    const fed = await getFederationConfiguration(h.graph, federated?.id ?? '');
    expect(fed?.id).toBeTruthy();
  });

  it('lists hardware OATH tokens through /beta', async () => {
    h = await startHarness();
    const withToken = Array.from({ length: 200 }, (_, i) => h?.emu.tenant.userAt(i)).find(
      (u) => (u?.mfaServer?.oathTokens.length ?? 0) > 0,
    );
    expect(withToken).toBeDefined();
    // the Migration Utility brings the token over
    h.emu.tenant.migrateUsers([withToken?.index ?? 0]);
    const user = h.emu.tenant.userAt(withToken?.index ?? 0);
    const tokens = await listMethodsOfType(h.graph, user?.id ?? '', 'hardwareOath');
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => methodKind(t) === 'hardwareOath')).toBe(true);
    expect(h.emu.requestLog.some((r) => r.path.startsWith('/beta/users/'))).toBe(true);
  });

  it('checks policies, the utility app consent, audits and the registration report', async () => {
    h = await startHarness({ tenant: generateTenant({ users: 120, seed: 5 }) });
    const policy = await getAuthenticationMethodsPolicy(h.graph);
    expect(enabledMethodIds(policy).length).toBeGreaterThan(0);
    const ca = policiesRequiringMfa(await listConditionalAccessPolicies(h.graph));
    expect(ca.enabled.length + ca.reportOnly.length).toBeGreaterThanOrEqual(0);

    const [app] = await findApplicationsByName(h.graph, MIGRATION_UTILITY_APP_NAME);
    expect(app?.appId).toBeTruthy();
    const consent = await checkAppConsent(h.graph, app ?? {});
    expect(consent.servicePrincipal?.appId).toBe(app?.appId);
    expect(Array.isArray(consent.missing)).toBe(true);

    h.emu.tenant.migrateUsers(Array.from({ length: 40 }, (_, i) => i + 1));
    let changed = 0;
    for await (const page of migrationUtilityAudits(h.graph)) changed += targetUserIds(page).length;
    expect(changed).toBeGreaterThan(0);

    let rows = 0;
    for await (const page of registrationDetails(h.graph, { pageSize: 50 })) rows += page.length;
    expect(rows).toBeGreaterThan(0);
  });
});
