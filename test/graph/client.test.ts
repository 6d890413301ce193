import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../src/audit/audit-log.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { createGraphClient } from '../../src/graph/client.js';
import { GraphError } from '../../src/graph/errors.js';
import { methodsForUsers } from '../../src/graph/operations/auth-methods.js';
import { batch } from '../../src/graph/operations/batch.js';
import {
  getFederationConfiguration,
  listFederatedDomains,
  setFederatedIdpMfaBehavior,
} from '../../src/graph/operations/domains.js';
import { findGroupsByName, resolveGroup } from '../../src/graph/operations/groups.js';
import { transitiveUserMembers } from '../../src/graph/operations/members.js';
import { getOrganization } from '../../src/graph/operations/organization.js';
import {
  addRolloutGroup,
  createMfaRolloutPolicy,
  findMfaRolloutPolicies,
  getRolloutPolicy,
} from '../../src/graph/operations/rollout.js';
import { FakeCredential, type Harness, startHarness } from './graph-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Graph client against the emulator', () => {
  it('pages through 50,000 members one page at a time', async () => {
    const tenant = generateTenant({ users: 50_001, seed: 7 });
    h = await startHarness({ tenant });
    const groupId = tenant.wellKnown.allStaffGroupId;
    const expected = tenant.transitiveMembers(groupId).filter((r) => typeof r === 'number').length;
    expect(expected).toBe(50_000);
    let total = 0;
    let pagesSeen = 0;
    const ids = new Set<string>();
    for await (const page of transitiveUserMembers(h.graph, groupId, { pageSize: 999 })) {
      expect(page.length).toBeLessThanOrEqual(999);
      pagesSeen++;
      total += page.length;
      for (const u of page) ids.add(u.id ?? '');
    }
    expect(total).toBe(expected);
    expect(ids.size).toBe(expected);
    expect(pagesSeen).toBe(Math.ceil(expected / 999));
    const gets = h.emu.requestLog.filter((r) => r.path.includes('/transitiveMembers'));
    expect(gets).toHaveLength(pagesSeen);
  });

  it("finds a group whose name has a quote (O'Brien)", async () => {
    h = await startHarness();
    const found = await findGroupsByName(h.graph, "O'Brien's Project");
    expect(found.map((g) => g.displayName)).toEqual(["O'Brien's Project"]);
    expect(await findGroupsByName(h.graph, "O'Brien")).toEqual([]);
    // a GUID is looked up as an id
    const id = h.emu.tenant.wellKnown.pilotGroupId;
    expect((await resolveGroup(h.graph, id)).map((g) => g.displayName)).toEqual(['MFA Pilot']);
  });

  it('honours Retry-After on a throttled request', async () => {
    h = await startHarness({ faults: { throttleEvery: 2, retryAfterSeconds: 7 } });
    await getOrganization(h.graph);
    await getOrganization(h.graph);
    expect(h.emu.requestLog.map((r) => r.status)).toEqual([200, 429, 200]);
    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(7000);
    expect(h.sleeps[0]).toBeLessThanOrEqual(8000);
  });

  it('rides out a burst of 503s', async () => {
    h = await startHarness({ faults: { fail503Burst: 3 } });
    const org = await getOrganization(h.graph);
    expect(org.id).toBe(h.emu.tenant.tenantId);
    expect(h.emu.requestLog.map((r) => r.status)).toEqual([503, 503, 503, 200]);
  });

  it('gives a throttling message when retries run out', async () => {
    h = await startHarness({ faults: { fail503Burst: 0, throttleEvery: 1 }, client: {} });
    const err = await getOrganization(h.graph).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).kind).toBe('throttled');
  });

  it('retries only the throttled requests inside a $batch, after their Retry-After', async () => {
    h = await startHarness({ faults: { throttleEvery: 4, retryAfterSeconds: 3 } });
    const users = Array.from({ length: 45 }, (_, i) => h?.emu.tenant.userAt(i + 1)?.id ?? '');
    const innerSleeps: number[] = [];
    const results = await methodsForUsers(h.graph, users, {
      sleep: async (ms) => {
        innerSleeps.push(ms);
      },
    });
    expect(results.size).toBe(45);
    for (const id of users) {
      const r = results.get(id);
      expect(r && 'methods' in r).toBe(true);
      const user = h.emu.tenant.findUser(id);
      if (r && 'methods' in r) expect(r.methods.length).toBe(user?.methods.length);
    }
    const inner429 = h.emu.requestLog.filter((r) => r.inner && r.status === 429);
    expect(inner429.length).toBeGreaterThan(0);
    expect(innerSleeps.length).toBeGreaterThan(0);
    for (const ms of innerSleeps) expect(ms).toBeGreaterThanOrEqual(3000);
    // never more than 20 requests per batch
    const outer = h.emu.requestLog.filter((r) => !r.inner && r.path.includes('$batch'));
    expect(outer.length).toBeGreaterThanOrEqual(3);
  });

  it('does not audit a $batch of reads, but does audit a $batch carrying a write', async () => {
    h = await startHarness();
    const u1 = h.emu.tenant.userAt(1)?.id ?? '';
    await batch(h.graph, [{ id: 'a', method: 'GET', url: `/users/${u1}?$select=id` }]);
    expect((await readAuditLog(h.auditFile)).entries).toEqual([]);
    await batch(h.graph, [
      { id: 'a', method: 'GET', url: `/users/${u1}?$select=id` },
      { id: 'b', method: 'DELETE', url: '/policies/featureRolloutPolicies/nope' },
    ]).catch(() => undefined);
    const { entries } = await readAuditLog(h.auditFile);
    expect(entries.map((e) => [e.method, e.path])).toEqual([['POST', '/v1.0/$batch']]);
  });

  it('matches batch responses by id whatever their order', async () => {
    h = await startHarness();
    const u1 = h.emu.tenant.userAt(1)?.id ?? '';
    const u2 = h.emu.tenant.userAt(2)?.id ?? '';
    const res = await batch(h.graph, [
      { id: 'b', method: 'GET', url: `/users/${u2}?$select=id` },
      { id: 'a', method: 'GET', url: `/users/${u1}?$select=id` },
      { id: 'x', method: 'GET', url: '/users/00000000-0000-0000-0000-000000000000?$select=id' },
    ]);
    expect((res.get('a')?.body as { id?: string } | undefined)?.id).toBe(u1);
    expect((res.get('b')?.body as { id?: string } | undefined)?.id).toBe(u2);
    expect(res.get('x')?.status).toBe(404);
  });

  it('re-sends an idempotent PATCH after a dropped connection', async () => {
    let drops = 0;
    h = await startHarness({
      faults: {
        dropConnectionOn: (r) => (r.method === 'PATCH' && drops++ === 0 ? 'after' : false),
      },
    });
    const [domain] = await listFederatedDomains(h.graph);
    expect(domain?.id).toBeDefined();
    const fed = await getFederationConfiguration(h.graph, domain?.id ?? '');
    await setFederatedIdpMfaBehavior(h.graph, domain?.id ?? '', fed?.id ?? '', 'rejectMfaByFederatedIdp');
    const after = await getFederationConfiguration(h.graph, domain?.id ?? '');
    expect(after?.federatedIdpMfaBehavior).toBe('rejectMfaByFederatedIdp');
    expect(h.emu.requestLog.filter((r) => r.method === 'PATCH')).toHaveLength(2);
  });

  it('does not duplicate a POST whose reply was lost after it was applied', async () => {
    let drops = 0;
    h = await startHarness({
      faults: {
        dropConnectionOn: (r) =>
          r.method === 'POST' && r.path.endsWith('/appliesTo/$ref') && drops++ === 0 ? 'after' : false,
      },
    });
    const [policy] = await findMfaRolloutPolicies(h.graph);
    const policyId =
      policy?.id ??
      (await createMfaRolloutPolicy(h.graph, { displayName: 'MFA staged rollout', isEnabled: true })).id ??
      '';
    const groupId = h.emu.tenant.wellKnown.rolloutGroupId;
    await addRolloutGroup(h.graph, policyId, groupId);
    const posts = h.emu.requestLog.filter((r) => r.method === 'POST' && r.path.includes('/appliesTo/$ref'));
    expect(posts).toHaveLength(1);
    const read = await getRolloutPolicy(h.graph, policyId);
    expect((read.appliesTo ?? []).filter((o) => o.id === groupId)).toHaveLength(1);
  });

  it('re-sends a POST whose connection dropped before it was applied, once', async () => {
    let drops = 0;
    h = await startHarness({
      faults: {
        dropConnectionOn: (r) =>
          r.method === 'POST' && r.path.endsWith('/featureRolloutPolicies') && drops++ === 0
            ? 'before'
            : false,
      },
    });
    const before = (await findMfaRolloutPolicies(h.graph)).length;
    const created = await createMfaRolloutPolicy(h.graph, {
      displayName: 'Wave test policy',
      isEnabled: false,
    });
    expect(created.displayName).toBe('Wave test policy');
    const after = await findMfaRolloutPolicies(h.graph);
    expect(after.length).toBe(before + 1);
    expect(after.filter((p) => p.displayName === 'Wave test policy')).toHaveLength(1);
  });

  it('says "sign in again" on 401 and names the permission on 403', async () => {
    h = await startHarness({ expSeconds: -60 });
    const e401 = await getOrganization(h.graph).catch((e: unknown) => e);
    expect((e401 as GraphError).kind).toBe('auth');
    expect((e401 as GraphError).message).toMatch(/Sign in again/);
    await h.close();

    h = await startHarness({ scp: 'User.Read' });
    const e403 = await findGroupsByName(h.graph, 'All Staff').catch((e: unknown) => e);
    expect((e403 as GraphError).kind).toBe('denied');
    expect((e403 as GraphError).message).toContain('GroupMember.Read.All');
  });

  it('refuses plain http to a non-loopback Graph URL', () => {
    expect(() =>
      createGraphClient({
        credential: new FakeCredential('t'),
        cloud: 'global',
        baseUrl: 'http://10.1.2.3:8080',
        scopes: ['x'],
      }),
    ).toThrow(/Refusing plain http/);
  });

  it('audits every write with secrets removed and never the token', async () => {
    h = await startHarness();
    const [domain] = await listFederatedDomains(h.graph);
    const fed = await getFederationConfiguration(h.graph, domain?.id ?? '');
    await setFederatedIdpMfaBehavior(h.graph, domain?.id ?? '', fed?.id ?? '', 'enforceMfaByFederatedIdp');
    // a write carrying secret-looking fields (Graph rejects it; the attempt is still recorded)
    await h.graph
      .api(`/domains/${domain?.id}/federationConfiguration/${fed?.id}`)
      .patch({ signingCertificate: 'MIIC-very-secret', clientSecret: 'hunter2', displayName: 'x' })
      .catch(() => undefined);
    const { entries } = await readAuditLog(h.auditFile);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      method: 'PATCH',
      status: 200,
      by: 'tester@test',
      body: { federatedIdpMfaBehavior: 'enforceMfaByFederatedIdp' },
    });
    expect(entries[0]?.requestId).toBeTruthy();
    expect(entries[1]?.body).toMatchObject({
      signingCertificate: '[removed]',
      clientSecret: '[removed]',
      displayName: 'x',
    });
    const text = await readFile(h.auditFile, 'utf8');
    expect(text).not.toContain(h.credential.token);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('MIIC-very-secret');
    // reads are not audited
    expect(text).not.toContain('"GET"');
  });
});
