import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { adminToken, call } from './emulator-client.js';

let emu: RunningEmulator;
beforeAll(async () => {
  // All Staff holds users 1..50,000: exactly 50,000 members
  emu = await startEmulator({
    tenant: generateTenant({ users: 50_001, seed: 4 }),
    faults: { resourceUnitsPer10s: 1e9 },
  });
});
afterAll(() => emu.close());

describe('paging', () => {
  it('pages 50,000 transitive members with $top=999 and an opaque $skiptoken', async () => {
    const group = emu.tenant.wellKnown.allStaffGroupId;
    let url: string | undefined =
      `${emu.graphBase}/groups/${group}/transitiveMembers/microsoft.graph.user?$top=999&$select=id`;
    const ids = new Set<string>();
    let pages = 0;
    while (url) {
      const r = await call(emu, 'GET', url);
      expect(r.status).toBe(200);
      for (const u of r.body.value) ids.add(u.id);
      url = r.body['@odata.nextLink'];
      if (url) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/.*\$skiptoken=/);
      pages++;
    }
    expect(ids.size).toBe(50_000);
    expect(pages).toBe(Math.ceil(50_000 / 999));
  });

  it('uses the default page size of 100 and refuses $top above 999', async () => {
    const r = await call(emu, 'GET', '/v1.0/users');
    expect(r.body.value).toHaveLength(100);
    expect(r.body['@odata.nextLink']).toBeTruthy();
    const bad = await call(emu, 'GET', '/v1.0/users?$top=1000');
    expect(bad.status).toBe(400);
  });

  it('rejects a forged $skiptoken', async () => {
    const r = await call(emu, 'GET', '/v1.0/users?$skiptoken=not-ours');
    expect(r.status).toBe(400);
  });
});

describe('$select and @odata.type', () => {
  it('returns only the selected properties', async () => {
    const r = await call(
      emu,
      'GET',
      `/v1.0/users/${emu.tenant.adminUserId}?$select=displayName,accountEnabled`,
    );
    expect(r.body).toEqual({
      '@odata.context': expect.stringContaining('$metadata#users'),
      displayName: 'Demo Admin',
      accountEnabled: true,
    });
  });

  it('types group members: users, nested groups and contacts', async () => {
    const { contactGroupId, migrationGroupId } = emu.tenant.wellKnown;
    const contacts = await call(emu, 'GET', `/v1.0/groups/${contactGroupId}/members?$select=id`);
    const types = new Set(contacts.body.value.map((m: { '@odata.type': string }) => m['@odata.type']));
    expect(types).toEqual(new Set(['#microsoft.graph.user', '#microsoft.graph.orgContact']));
    const nested = await call(emu, 'GET', `/v1.0/groups/${migrationGroupId}/members/microsoft.graph.group`);
    expect(nested.body.value.length).toBe(2);
  });
});

describe('$filter', () => {
  it("finds a group by displayName with '' escaping", async () => {
    const r = await call(
      emu,
      'GET',
      `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'O''Brien''s Project'")}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.value.map((g: { displayName: string }) => g.displayName)).toEqual(["O'Brien's Project"]);
  });

  it('supports startswith and id eq', async () => {
    const s = await call(
      emu,
      'GET',
      `/v1.0/groups?$filter=${encodeURIComponent("startswith(displayName,'MFA Wave 1')")}`,
    );
    expect(s.body.value.length).toBe(3);
    const id = emu.tenant.userAt(42)!.id;
    const byId = await call(emu, 'GET', `/v1.0/users?$filter=${encodeURIComponent(`id eq '${id}'`)}`);
    expect(byId.body.value.map((u: { id: string }) => u.id)).toEqual([id]);
  });

  it('answers 400 for a malformed filter', async () => {
    const r = await call(
      emu,
      'GET',
      `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'unterminated")}`,
    );
    expect(r.status).toBe(400);
  });
});

describe('$count', () => {
  it('needs ConsistencyLevel: eventual on directory objects', async () => {
    const group = emu.tenant.wellKnown.pilotGroupId;
    const without = await call(emu, 'GET', `/v1.0/groups/${group}/transitiveMembers?$count=true`);
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe('Request_BadRequest');
    const withHeader = await call(emu, 'GET', `/v1.0/groups/${group}/transitiveMembers?$count=true`, {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(withHeader.status).toBe(200);
    expect(withHeader.body['@odata.count']).toBe(10);
  });

  it('answers GET .../$count as text/plain, only with the header', async () => {
    const group = emu.tenant.wellKnown.allStaffGroupId;
    const path = `${emu.graphBase}/groups/${group}/transitiveMembers/microsoft.graph.user/$count`;
    const withHeader = await fetch(path, {
      headers: { authorization: `Bearer ${adminToken(emu)}`, ConsistencyLevel: 'eventual' },
    });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.text()).toBe('50000');
    const without = await call(emu, 'GET', path);
    expect(without.status).toBe(400);
  });
});
