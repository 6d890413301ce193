import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { adminToken, call } from './emulator-client.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({
    tenant: generateTenant({ users: 400, seed: 9 }),
    faults: { reportRequestsPer10s: 1000 },
  });
});
afterAll(() => emu.close());

const PREFER = { Prefer: 'include-unknown-enum-members' };
const ref = (id: string) => ({ '@odata.id': `${emu.graphBase}/directoryObjects/${id}` });

describe('staged rollout (featureRolloutPolicies)', () => {
  let policyId = '';

  it('creates the multiFactorAuthentication policy with 201', async () => {
    const r = await call(emu, 'POST', '/v1.0/policies/featureRolloutPolicies', {
      headers: PREFER,
      body: {
        displayName: 'MFA staged rollout',
        feature: 'multiFactorAuthentication',
        isEnabled: true,
        isAppliedToOrganization: false,
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.feature).toBe('multiFactorAuthentication');
    expect(r.headers.get('location')).toContain(r.body.id);
    policyId = r.body.id;
  });

  it('reads the feature as unknownFutureValue without Prefer: include-unknown-enum-members', async () => {
    const without = await call(emu, 'GET', '/v1.0/policies/featureRolloutPolicies');
    const mine = without.body.value.find((p: { id: string }) => p.id === policyId);
    expect(mine.feature).toBe('unknownFutureValue');
    const filter = encodeURIComponent("feature eq 'multiFactorAuthentication'");
    const notFound = await call(emu, 'GET', `/v1.0/policies/featureRolloutPolicies?$filter=${filter}`);
    expect(notFound.body.value).toEqual([]);
    const found = await call(emu, 'GET', `/v1.0/policies/featureRolloutPolicies?$filter=${filter}`, {
      headers: PREFER,
    });
    expect(found.body.value.map((p: { id: string }) => p.id)).toEqual([policyId]);
  });

  it('refuses a second policy for the same feature', async () => {
    const r = await call(emu, 'POST', '/v1.0/policies/featureRolloutPolicies', {
      body: { displayName: 'again', feature: 'multiFactorAuthentication', isEnabled: true },
    });
    expect(r.status).toBe(400);
  });

  it('adds a group with 201, refuses adding it twice with the documented 400', async () => {
    const g = emu.tenant.wellKnown.rolloutGroupId;
    const first = await call(
      emu,
      'POST',
      `/v1.0/policies/featureRolloutPolicies/${policyId}/appliesTo/$ref`,
      { body: ref(g) },
    );
    expect(first.status).toBe(201);
    const second = await call(
      emu,
      'POST',
      `/v1.0/policies/featureRolloutPolicies/${policyId}/appliesTo/$ref`,
      { body: ref(g) },
    );
    expect(second.status).toBe(400);
    expect(second.body.error.message).toMatch(/already exist/);
    const expanded = await call(
      emu,
      'GET',
      `/v1.0/policies/featureRolloutPolicies/${policyId}?$expand=appliesTo`,
      { headers: PREFER },
    );
    expect(expanded.body.appliesTo.map((x: { id: string }) => x.id)).toEqual([g]);
    expect(expanded.body.feature).toBe('multiFactorAuthentication');
  });

  it('refuses an @odata.id on another Graph host (clouds never mix)', async () => {
    const g = emu.tenant.wellKnown.pilotGroupId;
    const r = await call(emu, 'POST', `/v1.0/policies/featureRolloutPolicies/${policyId}/appliesTo/$ref`, {
      body: { '@odata.id': `https://graph.microsoft.us/v1.0/directoryObjects/${g}` },
    });
    expect(r.status).toBe(400);
  });

  it('refuses dynamic groups, nested groups, groups with contacts and users', async () => {
    const { dynamicGroupId, migrationGroupId, contactGroupId } = emu.tenant.wellKnown;
    for (const id of [dynamicGroupId, migrationGroupId, contactGroupId, emu.tenant.adminUserId]) {
      const r = await call(emu, 'POST', `/v1.0/policies/featureRolloutPolicies/${policyId}/appliesTo/$ref`, {
        body: ref(id),
      });
      expect(r.status).toBe(400);
    }
  });

  it('removes a group with 204, PATCHes with 204, deletes with 204', async () => {
    const g = emu.tenant.wellKnown.rolloutGroupId;
    const del = await call(
      emu,
      'DELETE',
      `/v1.0/policies/featureRolloutPolicies/${policyId}/appliesTo/${g}/$ref`,
    );
    expect(del.status).toBe(204);
    const patch = await call(emu, 'PATCH', `/v1.0/policies/featureRolloutPolicies/${policyId}`, {
      body: { isEnabled: false },
    });
    expect(patch.status).toBe(204);
    expect((await call(emu, 'GET', `/v1.0/policies/featureRolloutPolicies/${policyId}`)).body.isEnabled).toBe(
      false,
    );
    expect((await call(emu, 'DELETE', `/v1.0/policies/featureRolloutPolicies/${policyId}`)).status).toBe(204);
    expect((await call(emu, 'GET', `/v1.0/policies/featureRolloutPolicies/${policyId}`)).status).toBe(404);
  });
});

describe('federation', () => {
  it('lists the internalDomainFederation of a federated domain and 404s for a managed one', async () => {
    const r = await call(emu, 'GET', '/v1.0/domains/contoso.com/federationConfiguration');
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(1);
    expect(r.body.value[0]['@odata.type']).toBe('#microsoft.graph.internalDomainFederation');
    expect(r.body.value[0].federatedIdpMfaBehavior).toBeNull();
    expect((await call(emu, 'GET', '/v1.0/domains/contoso.dev/federationConfiguration')).status).toBe(404);
  });

  it('PATCHes federatedIdpMfaBehavior (needs Domain-InternalFederation.ReadWrite.All) and never back to null', async () => {
    const fed = (await call(emu, 'GET', '/v1.0/domains/contoso.com/federationConfiguration')).body.value[0];
    const path = `/v1.0/domains/contoso.com/federationConfiguration/${fed.id}`;
    const readOnly = adminToken(emu, { scp: 'Domain.Read.All' });
    expect(
      (
        await call(emu, 'PATCH', path, {
          token: readOnly,
          body: { federatedIdpMfaBehavior: 'rejectMfaByFederatedIdp' },
        })
      ).status,
    ).toBe(403);
    const ok = await call(emu, 'PATCH', path, {
      body: { federatedIdpMfaBehavior: 'rejectMfaByFederatedIdp' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.federatedIdpMfaBehavior).toBe('rejectMfaByFederatedIdp');
    expect((await call(emu, 'PATCH', path, { body: { federatedIdpMfaBehavior: null } })).status).toBe(400);
    expect((await call(emu, 'PATCH', path, { body: { federatedIdpMfaBehavior: 'sometimes' } })).status).toBe(
      400,
    );
  });

  it('can model the known issue: the PATCH also needing Directory.AccessAsUser.All', async () => {
    const fed = (await call(emu, 'GET', '/v1.0/domains/fabrikam.com/federationConfiguration')).body.value[0];
    const path = `/v1.0/domains/fabrikam.com/federationConfiguration/${fed.id}`;
    const body = { federatedIdpMfaBehavior: 'rejectMfaByFederatedIdp' };
    emu.setFaults({ federationPatchNeedsAccessAsUser: true, reportRequestsPer10s: 1000 });
    try {
      expect((await call(emu, 'PATCH', path, { body })).status).toBe(403);
      const scp = 'Domain-InternalFederation.ReadWrite.All Directory.AccessAsUser.All';
      expect((await call(emu, 'PATCH', path, { body, token: adminToken(emu, { scp }) })).status).toBe(200);
    } finally {
      emu.setFaults({ reportRequestsPer10s: 1000 });
    }
  });
});

describe('authentication methods', () => {
  const userWithPhone = () => {
    for (let i = 1; i < 400; i++) {
      const u = emu.tenant.userAt(i)!;
      if (u.mfaServer?.phone && u.mfaServer.oathTokens.length > 0) return u;
    }
    for (let i = 1; i < 400; i++) if (emu.tenant.userAt(i)!.mfaServer?.phone) return emu.tenant.userAt(i)!;
    throw new Error('no user with a phone');
  };

  it('masks phone numbers unless the admin is a Privileged Authentication Administrator', async () => {
    const u = userWithPhone();
    emu.tenant.migrateUsers([u.id]);
    const plain = adminToken(emu, { wids: [] });
    const masked = await call(emu, 'GET', `/v1.0/users/${u.id}/authentication/phoneMethods`, {
      token: plain,
    });
    expect(masked.status).toBe(200);
    expect(masked.body.value.length).toBeGreaterThan(0);
    expect(masked.body.value[0].phoneNumber).toMatch(/X/);
    const full = await call(emu, 'GET', `/v1.0/users/${u.id}/authentication/phoneMethods`);
    expect(full.body.value[0].phoneNumber).not.toMatch(/X/);
  });

  it('serves hardwareOathMethods and signInPreferences on beta only', async () => {
    const u = userWithPhone();
    emu.tenant.migrateUsers([u.id]);
    expect((await call(emu, 'GET', `/beta/users/${u.id}/authentication/hardwareOathMethods`)).status).toBe(
      200,
    );
    expect((await call(emu, 'GET', `/v1.0/users/${u.id}/authentication/hardwareOathMethods`)).status).toBe(
      400,
    );
    const prefs = await call(emu, 'GET', `/beta/users/${u.id}/authentication/signInPreferences`);
    expect(prefs.status).toBe(200);
    expect(typeof prefs.body.userPreferredMethodForSecondaryAuthentication).toBe('string');
  });

  it('finds the users the utility changed in the directory audit log', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const filter = encodeURIComponent(
      `initiatedBy/app/displayName eq 'Azure MFA Management' and activityDateTime ge ${since}`,
    );
    const r = await call(emu, 'GET', `/v1.0/auditLogs/directoryAudits?$filter=${filter}`);
    expect(r.status).toBe(200);
    expect(r.body.value.length).toBeGreaterThanOrEqual(1);
    const old = encodeURIComponent(`activityDateTime ge ${new Date(Date.now() + 60_000).toISOString()}`);
    expect((await call(emu, 'GET', `/v1.0/auditLogs/directoryAudits?$filter=${old}`)).body.value).toEqual([]);
  });

  it('pages userRegistrationDetails', async () => {
    const r = await call(emu, 'GET', '/v1.0/reports/authenticationMethods/userRegistrationDetails?$top=250');
    expect(r.body.value).toHaveLength(250);
    const next = await call(emu, 'GET', r.body['@odata.nextLink']);
    expect(next.body.value).toHaveLength(150);
    expect(next.body['@odata.nextLink']).toBeUndefined();
  });
});

describe('licensing', () => {
  it('refuses the registration report in a tenant without Entra ID P1/P2', async () => {
    const free = await startEmulator({ tenant: generateTenant({ users: 10, seed: 1, premium: false }) });
    try {
      const r = await call(free, 'GET', '/v1.0/reports/authenticationMethods/userRegistrationDetails');
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    } finally {
      await free.close();
    }
  });
});

describe('tenant configuration reads', () => {
  it('exposes the utility app, its service principal, consent and a certificate near expiry', async () => {
    const app = await call(
      emu,
      'GET',
      `/v1.0/applications?$filter=${encodeURIComponent("displayName eq 'MFA Server Migration Utility'")}`,
    );
    expect(app.body.value).toHaveLength(1);
    const a = app.body.value[0];
    expect(a.requiredResourceAccess[0].resourceAccess.length).toBeGreaterThan(0);
    const soonest = Math.min(
      ...a.keyCredentials.map((k: { endDateTime: string }) => Date.parse(k.endDateTime)),
    );
    expect(soonest - Date.now()).toBeLessThan(30 * 86_400_000);
    const sp = await call(
      emu,
      'GET',
      `/v1.0/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${a.appId}'`)}`,
    );
    expect(sp.body.value).toHaveLength(1);
    const roles = await call(emu, 'GET', `/v1.0/servicePrincipals/${sp.body.value[0].id}/appRoleAssignments`);
    expect(roles.body.value).toHaveLength(a.requiredResourceAccess[0].resourceAccess.length);
    const grants = await call(
      emu,
      'GET',
      `/v1.0/oauth2PermissionGrants?$filter=${encodeURIComponent(`clientId eq '${sp.body.value[0].id}'`)}`,
    );
    expect(grants.body.value).toEqual([]);
  });

  it('exposes the methods policy, CA policies (one requiring MFA) and the organization', async () => {
    const p = await call(emu, 'GET', '/v1.0/policies/authenticationMethodsPolicy');
    expect(p.body.policyMigrationState).toBe('migrationInProgress');
    expect(p.body.authenticationMethodConfigurations.length).toBeGreaterThan(5);
    const ca = await call(emu, 'GET', '/v1.0/identity/conditionalAccess/policies');
    expect(
      ca.body.value.some(
        (x: { state: string; grantControls: { builtInControls: string[] } }) =>
          x.state === 'enabled' && x.grantControls.builtInControls.includes('mfa'),
      ),
    ).toBe(true);
    const org = await call(emu, 'GET', '/v1.0/organization');
    expect(org.body.value[0].id).toBe(emu.tenant.tenantId);
  });
});
