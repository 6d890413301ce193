// The Migration Utility app check over real HTTP against the emulator: consent granted, partial, none,
// no app at all; certificates near expiry and expired; probe registry values against the cloud.
import { afterEach, describe, expect, it } from 'vitest';
import { adminConsentUrl, checkUtilityApp, utilityAppEvidence } from '../../src/checks/utility-app-check.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import type { GenerateTenantOptions } from '../../src/emulator/tenant-types.js';
import { type Harness, startHarness } from '../graph/graph-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const NOW = new Date('2026-11-25T12:00:00Z');

async function harness(extra: Partial<GenerateTenantOptions> = {}) {
  const tenant = generateTenant({ users: 20, seed: 5, now: NOW, ...extra });
  h = await startHarness({ tenant });
  return { graph: h.graph, tenant };
}

describe('checkUtilityApp against the emulator', () => {
  it('consent granted, certificates far from expiry: ready', async () => {
    const { graph, tenant } = await harness({ certificateExpiresInDays: 200 });
    const r = await checkUtilityApp(graph, { cloud: 'global', tenant: tenant.tenantId, now: NOW });
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.appId).toBe(tenant.wellKnown.utilityAppId);
    expect(r.servicePrincipalFound).toBe(true);
    expect(r.permissions.length).toBeGreaterThan(0);
    expect(r.permissions.every((p) => p.granted && p.type === 'application')).toBe(true);
    expect(r.certificates.map((c) => c.status)).toEqual(['ok', 'ok']);
  });

  it('partial consent names each missing permission and gives the consent URL of the cloud', async () => {
    const { graph, tenant } = await harness({ utilityConsent: 'partial', certificateExpiresInDays: 200 });
    const r = await checkUtilityApp(graph, { cloud: 'gcchigh', tenant: tenant.tenantId, now: NOW });
    expect(r.ok).toBe(false);
    const missing = r.permissions.filter((p) => !p.granted);
    expect(missing.length).toBe(r.permissions.length - 1);
    expect(r.consentMissing).toHaveLength(missing.length);
    for (const p of missing) {
      expect(r.consentMissing).toContain(
        `consent missing: ${p.name} (application permission on Microsoft Graph)`,
      );
    }
    // names come from the resource's app roles, never hard-coded ids
    expect(missing[0]?.name).toMatch(/^[A-Z][A-Za-z]+\.[A-Za-z.]+$/);
    expect(r.consentUrl).toBe(
      `https://login.microsoftonline.us/${tenant.tenantId}/adminconsent?client_id=${tenant.wellKnown.utilityAppId}`,
    );
    expect(r.findings).toContain(`A Global Administrator grants it at ${r.consentUrl}`);
  });

  it('no consent at all: every permission missing', async () => {
    const { graph } = await harness({ utilityConsent: 'none', certificateExpiresInDays: 200 });
    const r = await checkUtilityApp(graph, { cloud: 'global', now: NOW });
    expect(r.permissions.every((p) => !p.granted)).toBe(true);
    expect(r.consentUrl).toMatch(
      /^https:\/\/login\.microsoftonline\.com\/organizations\/adminconsent\?client_id=/,
    );
  });

  it('no application: says to run the configuration script', async () => {
    const { graph } = await harness({ utilityConsent: 'absent' });
    const r = await checkUtilityApp(graph, { cloud: 'global', now: NOW });
    expect(r).toMatchObject({ ok: false, appFound: false, consentUrl: null });
    expect(r.findings[0]).toMatch(
      /No application named "MFA Server Migration Utility".*Configure-MultiFactorAuthMigrationUtility\.ps1/,
    );
    expect(utilityAppEvidence(r, NOW.toISOString()).value).toBe('application not found');
  });

  it('a certificate expiring within 30 days warns with the days left', async () => {
    const { graph } = await harness({ certificateExpiresInDays: 12 });
    const r = await checkUtilityApp(graph, { cloud: 'global', now: NOW });
    expect(r.ok).toBe(false);
    expect(r.certificates[0]).toMatchObject({
      displayName: 'CN=MFASRV01.contoso.com',
      status: 'expiring',
      daysLeft: 12,
    });
    expect(r.findings.join('\n')).toMatch(/Certificate CN=MFASRV01\.contoso\.com expires in 12 days/);
  });

  it('an expired certificate is reported, and a server without a valid one is named', async () => {
    const { graph } = await harness({ certificateExpiresInDays: -3 });
    const r = await checkUtilityApp(graph, {
      cloud: 'global',
      now: NOW,
      utilityServers: ['MFASRV01', 'MFASRV02'],
    });
    expect(r.certificates[0]?.status).toBe('expired');
    expect(r.findings.join('\n')).toMatch(/expired on/);
    expect(r.findings.join('\n')).toMatch(
      /2 servers run the utility but the app has 1 valid certificate \(none names MFASRV01\)/,
    );
  });

  it('probe registry values are compared with the migration cloud', async () => {
    const { graph } = await harness({ certificateExpiresInDays: 200 });
    const r = await checkUtilityApp(graph, {
      cloud: 'gcchigh',
      now: NOW,
      probes: [{ server: 'MFA1', stsUrl: 'https://login.microsoftonline.com', graphUrl: null }],
    });
    expect(r.ok).toBe(false);
    expect(r.endpoints[0]?.ok).toBe(false);
    expect(r.findings.filter((f) => f.startsWith('MFA1: '))).toHaveLength(2);
  });
});

describe('adminConsentUrl', () => {
  it('uses the login host of each cloud', () => {
    expect(adminConsentUrl('dod', 'contoso.onmicrosoft.us', 'abc')).toBe(
      'https://login.microsoftonline.us/contoso.onmicrosoft.us/adminconsent?client_id=abc',
    );
    expect(adminConsentUrl('china', undefined, 'abc')).toMatch(
      /^https:\/\/login\.chinacloudapi\.cn\/organizations\//,
    );
  });
});
